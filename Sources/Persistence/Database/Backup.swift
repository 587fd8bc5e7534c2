import Foundation

/// Consistent copies of the whole database, taken while the server runs, and their restoration
/// after a check. SQLite: `VACUUM INTO` (a transaction's snapshot, written compactly; writers go on)
/// and `PRAGMA integrity_check`. PostgreSQL: `pg_dump` (one snapshot) and `pg_restore`.
public enum Backup {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case exists(String)
        /// A restore would replace this database, and was not told to.
        case databaseExists(String)
        case missing(String)
        /// The file is not a PeakZero backup, or is damaged: what the check said.
        case damaged(String, reason: String)
        /// The backup was made by a newer PeakZero.
        case newerSchema(String, version: Int, known: Int)
        case toolFailed(String, output: String)

        public var description: String {
            switch self {
            case .exists(let path): "\(path) exists; choose a new file"
            case .databaseExists(let path):
                "a database exists at \(path); stop the server and give --force to replace it with the backup"
            case .missing(let path): "\(path) does not exist"
            case .damaged(let path, let reason): "\(path) is not a sound PeakZero backup: \(reason)"
            case .newerSchema(let path, let version, let known):
                "\(path) holds schema version \(version); this PeakZero knows up to \(known): use a newer PeakZero"
            case .toolFailed(let tool, let output): "\(tool) failed: \(output)"
            }
        }
    }

    /// What a checked backup holds.
    public struct Contents: Sendable, Equatable {
        public let schemaVersion: Int
        public let units: Int
        public let activityRecords: Int
    }

    /// Writes a snapshot of `database` to `file`, which must not exist yet, and checks it.
    public static func make(of database: PeakZeroDatabase, to file: String) async throws -> Contents? {
        guard !FileManager.default.fileExists(atPath: file) else { throw Failure.exists(file) }
        return try await writeWhole(to: file) { partial in
            switch database.location {
            case .postgres(let url):
                try run(tool: "pg_dump", ["--format=custom", "--no-owner", "--file=\(partial)"], database: url)
                try run(tool: "pg_restore", ["--list", partial])
                return nil
            case .sqliteFile, .sqliteMemory:
                let quoted = partial.replacingOccurrences(of: "'", with: "''")
                try await database.withRawSQLite { raw in try raw.exec("VACUUM INTO '\(quoted)'") }
                return try check(sqlite: partial)
            }
        }
    }

    /// Runs `write` on a hidden file beside `file` and, when it succeeds, moves that into place;
    /// on any failure (a full disk, a failed check) the partial file is removed, so a failed backup
    /// never leaves a file that looks like one.
    static func writeWhole<T>(to file: String, _ write: (String) async throws -> T) async throws -> T {
        let url = URL(fileURLWithPath: file)
        let partial = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).partial-\(UUID().uuidString)").path
        do {
            let result = try await write(partial)
            try FileManager.default.moveItem(atPath: partial, toPath: file)
            return result
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
    }

    /// Checks a SQLite backup: SQLite's own integrity check, then that it holds a PeakZero schema
    /// this program knows.
    public static func check(sqlite file: String) throws -> Contents {
        guard FileManager.default.fileExists(atPath: file) else { throw Failure.missing(file) }
        do {
            let encoded = file.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? file
            let raw = try SQLiteRaw(path: "file:\(encoded)?mode=ro")
            let integrity = try raw.prepare("PRAGMA integrity_check")
            var problems: [String] = []
            while try integrity.step() { problems.append(integrity.text(0)) }
            guard problems == ["ok"] else {
                throw Failure.damaged(file, reason: problems.prefix(3).joined(separator: "; "))
            }
            func count(_ sql: String) throws -> Int {
                let statement = try raw.prepare(sql)
                guard try statement.step() else { return 0 }
                return Int(statement.int64(0))
            }
            let version = try count("SELECT MAX(version) FROM schema_migrations")
            let known = Migrations.all.map(\.version).max() ?? 0
            if version > known { throw Failure.newerSchema(file, version: version, known: known) }
            return Contents(
                schemaVersion: version, units: try count("SELECT COUNT(*) FROM units"),
                activityRecords: try count("SELECT COUNT(*) FROM activity_records"))
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure.damaged(file, reason: String(describing: error))
        }
    }

    /// Restores a backup into `location` after checking it. The server must be stopped; an existing
    /// database is replaced only with `force`. A SQLite database is replaced in one rename, so it is
    /// never half-restored.
    public static func restore(_ file: String, into location: DatabaseLocation, force: Bool) throws -> Contents? {
        switch location {
        case .postgres(let url):
            guard FileManager.default.fileExists(atPath: file) else { throw Failure.missing(file) }
            try run(tool: "pg_restore", ["--list", file])
            try run(
                tool: "pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", file],
                database: url)
            return nil
        case .sqliteFile(let path):
            let contents = try check(sqlite: file)
            let manager = FileManager.default
            if manager.fileExists(atPath: path), !force { throw Failure.databaseExists(path) }
            let staging = path + ".restoring"
            try? manager.removeItem(atPath: staging)
            try manager.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try manager.copyItem(atPath: file, toPath: staging)
            // The old database's journal belongs to it, not to the restored one.
            for suffix in ["-wal", "-shm"] { try? manager.removeItem(atPath: path + suffix) }
            guard rename(staging, path) == 0 else {
                throw Failure.toolFailed("rename", output: String(cString: strerror(errno)))
            }
            return contents
        case .sqliteMemory:
            throw Failure.missing("an in-memory database")
        }
    }

    /// Runs a PostgreSQL client program (from PATH or Debian's /usr/lib/postgresql/*/bin) on
    /// `database`; its password goes in the environment, not on the command line others can list.
    static func run(tool: String, _ arguments: [String], database: String? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try path(of: tool))
        var arguments = arguments
        if let database, var components = URLComponents(string: database) {
            if let password = components.password {
                process.environment = ProcessInfo.processInfo.environment.merging(["PGPASSWORD": password]) { $1 }
                components.password = nil
            }
            arguments.insert("--dbname=\(components.string ?? database)", at: 0)
        }
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = output
        try process.run()
        let message = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure.toolFailed(tool, output: DatabaseLocation.redactingURLs(in: message))
        }
    }

    static func path(of tool: String) throws -> String {
        let searched =
            (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(tool)" }
            + ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []).sorted().reversed()
            .map { "/usr/lib/postgresql/\($0)/bin/\(tool)" }
        guard let found = searched.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw Failure.toolFailed(
                tool, output: "not found; install PostgreSQL's client programs (Debian: postgresql-client)")
        }
        return found
    }
}

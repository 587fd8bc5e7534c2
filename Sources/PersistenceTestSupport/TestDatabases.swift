import Foundation
import Logging
import Persistence
import SQLKit

/// Runs a test body on every database available: SQLite (a private file in RAM) always, and
/// PostgreSQL when `PEAKZERO_TEST_POSTGRES_URL` names a server (a fresh database is created per run
/// and dropped after).
public enum TestDatabases {
    public static let logger = Logger(label: "peakzero.tests")

    /// The database kinds to run on: `sqlite`, and `postgres` when a test server is given.
    public static var locations: [String] {
        var names = ["sqlite"]
        if ProcessInfo.processInfo.environment["PEAKZERO_TEST_POSTGRES_URL"] != nil { names.append("postgres") }
        return names
    }

    /// What a test changes is audited as PeakZero's own unless the test says who is acting.
    public static func withDatabase<T: Sendable>(
        _ kind: String, migrate: Bool = true, _ body: (PeakZeroDatabase) async throws -> T
    ) async throws -> T {
        try await actingAsSystemUnlessSaid { try await openDatabase(kind, migrate: migrate, body) }
    }

    /// Opens a database at `location` (a test's own file), migrated, with what the test changes
    /// audited as PeakZero's own unless it says who is acting.
    public static func with<T>(
        _ location: DatabaseLocation, migrate: Bool = true, _ body: (PeakZeroDatabase) async throws -> T
    ) async throws -> T {
        try await actingAsSystemUnlessSaid {
            try await PeakZeroDatabase.with(location, logger: logger, migrate: migrate, body)
        }
    }

    /// Runs `body` with the system as the audit actor, unless the test has named one already.
    static func actingAsSystemUnlessSaid<T>(_ body: () async throws -> T) async throws -> T {
        try await AuditActor.$current.withValue(AuditActor.current ?? .system) { try await body() }
    }

    private static func openDatabase<T: Sendable>(
        _ kind: String, migrate: Bool, _ body: (PeakZeroDatabase) async throws -> T
    ) async throws -> T {
        guard kind == "postgres", let adminURL = ProcessInfo.processInfo.environment["PEAKZERO_TEST_POSTGRES_URL"]
        else {
            guard migrate else {
                return try await PeakZeroDatabase.with(.sqliteMemory, logger: logger, migrate: false, body)
            }
            // A copy of a file migrated once per test process, in RAM like `.sqliteMemory`.
            let copy = DemoTemplate.folder + "/peakzero-test-\(UUID().uuidString).sqlite"
            try FileManager.default.copyItem(atPath: try await MigratedSQLite.shared.path(), toPath: copy)
            defer { DemoTemplate.remove(copy) }
            return try await PeakZeroDatabase.with(.sqliteFile(path: copy), logger: logger, migrate: true, body)
        }
        let name = "pz_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        // A migrated database is copied from one migrated once per test process; an empty one from
        // PostgreSQL's own template. FILE_COPY copies the files as they are, which for a database this
        // small is faster than logging every page.
        let template = migrate ? try await PostgresTemplate.shared.name(adminURL: adminURL) : "template0"
        return try await PeakZeroDatabase.with(.postgres(url: adminURL), logger: logger, migrate: false) { admin in
            try await admin.sql.raw(
                "CREATE DATABASE \(unsafeRaw: String(name)) TEMPLATE \(unsafeRaw: template) STRATEGY FILE_COPY"
            ).run()
            do {
                let url = adminURL.replacingLastPathComponent(with: String(name))
                let result = try await PeakZeroDatabase.with(
                    .postgres(url: url), logger: logger, migrate: migrate, body)
                // FORCE: the pool's connections may still be closing on the server (seen under load
                // as "being accessed by other users"); the database is a test's own, nothing to keep.
                try await admin.sql.raw("DROP DATABASE \(unsafeRaw: String(name)) WITH (FORCE)").run()
                return result
            } catch {
                try? await admin.sql.raw("DROP DATABASE \(unsafeRaw: String(name)) WITH (FORCE)").run()
                // PostgresNIO's own description hides the server's message; a test needs it.
                if String(describing: error).contains("Generic description") { throw Diagnosed(error) }
                throw error
            }
        }
    }
}

/// A PostgreSQL database migrated once per test process, which each test's migrated database
/// copies. In the throw-away cluster of `scripts/with-test-postgres` it goes with the cluster; on
/// a server of one's own, a later run with the same process id drops it before making its own.
actor PostgresTemplate {
    static let shared = PostgresTemplate()
    private var made: Task<String, any Error>?

    func name(adminURL: String) async throws -> String {
        // One task for every caller: a second caller waits for the first's template, not makes one.
        if let made { return try await made.value }
        let task = Task<String, any Error> {
            let name = "pz_template_\(getpid())"
            try await PeakZeroDatabase.with(.postgres(url: adminURL), logger: TestDatabases.logger, migrate: false) {
                admin in
                try await admin.sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run()
                try await admin.sql.raw("CREATE DATABASE \(unsafeRaw: name)").run()
            }
            try await PeakZeroDatabase.with(
                .postgres(url: adminURL.replacingLastPathComponent(with: name)), logger: TestDatabases.logger,
                migrate: true
            ) { _ in }
            return name
        }
        made = task
        return try await task.value
    }
}

extension String {
    /// `postgres://u:p@h:5432/db` with its database name replaced.
    func replacingLastPathComponent(with name: String) -> String {
        guard var components = URLComponents(string: self) else { return self }
        components.path = "/" + name
        return components.string ?? self
    }
}

/// PostgresNIO describes its errors as "Generic description" to keep secrets out of logs; a test's
/// failure needs the server's message, which its reflection holds (test databases hold no secrets).
struct Diagnosed: Error, CustomStringConvertible {
    let error: any Error
    init(_ error: any Error) { self.error = error }
    var description: String { String(reflecting: error) }
}

extension TestDatabases {
    /// Runs `body` on a private copy of the demo province (SQLite). The demo is loaded once per test
    /// process into a file that every such test copies, rather than loaded and computed per test.
    public static func withDemoDatabase<T: Sendable>(_ body: (PeakZeroDatabase) async throws -> T) async throws -> T {
        let template = try await DemoTemplate.shared.path()
        let copy = DemoTemplate.folder + "/peakzero-demo-\(UUID().uuidString).sqlite"
        try FileManager.default.copyItem(atPath: template, toPath: copy)
        defer { DemoTemplate.remove(copy) }
        return try await with(.sqliteFile(path: copy), body)
    }
}

/// The migrated, empty SQLite database every migrated test database copies: made on first use,
/// removed when the test process exits.
actor MigratedSQLite {
    static let shared = MigratedSQLite()
    static let templatePath = DemoTemplate.folder + "/peakzero-migrated-template-\(getpid()).sqlite"
    private var made: Task<String, any Error>?

    func path() async throws -> String {
        if let made { return try await made.value }
        let task = Task<String, any Error> {
            let path = Self.templatePath
            DemoTemplate.remove(path)
            atexit { DemoTemplate.remove(MigratedSQLite.templatePath) }
            try await PeakZeroDatabase.with(.sqliteFile(path: path), logger: TestDatabases.logger, migrate: true) { _ in }
            return path
        }
        made = task
        return try await task.value
    }
}

/// The demo database every `withDemoDatabase` copies: built on first use, removed when the test
/// process exits.
actor DemoTemplate {
    static let shared = DemoTemplate()
    static let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    static let templatePath = folder + "/peakzero-demo-template-\(getpid()).sqlite"
    private var built: Task<String, any Error>?

    func path() async throws -> String {
        if let built { return try await built.value }
        let task = Task<String, any Error> {
            let path = Self.templatePath
            Self.remove(path)
            atexit { DemoTemplate.remove(DemoTemplate.templatePath) }
            // Closed before it is copied: SQLite folds its write-ahead log into the file on closing.
            try await TestDatabases.with(.sqliteFile(path: path)) { _ = try await DemoLoader($0).load() }
            return path
        }
        built = task
        return try await task.value
    }

    nonisolated static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}

extension TestDatabases {
    /// Waits until `signal` reads the same twice in a row (PostgreSQL: once its connection listens),
    /// up to five seconds; returns whether it did.
    @discardableResult
    public static func untilSteady(_ signal: ChangeSignal) async throws -> Bool {
        for _ in 0..<100 where signal.current() != signal.current() {
            try await Task.sleep(for: .milliseconds(50))
        }
        return signal.current() == signal.current()
    }
}

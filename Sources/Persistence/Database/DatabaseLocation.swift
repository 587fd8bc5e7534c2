import Foundation

/// Where PeakZero keeps its data: a SQLite file (the default), SQLite in memory (tests), or PostgreSQL.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqliteFile(path: String)
    /// A private database in RAM (a file in /dev/shm), for tests; removed when the `PeakZeroDatabase` shuts down.
    case sqliteMemory
    case postgres(url: String)

    /// `DATABASE_URL` when it names PostgreSQL, else the SQLite file `peakzero.sqlite` in `dataDirectory`.
    public static func resolve(dataDirectory: String, environment: [String: String]) throws -> DatabaseLocation {
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") else {
                throw DatabaseError.unsupportedURL(url: redacted(url))
            }
            return .postgres(url: url)
        }
        return .sqliteFile(path: URL(fileURLWithPath: dataDirectory).appendingPathComponent("peakzero.sqlite").path)
    }

    /// The location with any password removed, for logs and messages.
    public var description: String {
        switch self {
        case .sqliteFile(let path): "SQLite \(path)"
        case .sqliteMemory: "SQLite in memory"
        case .postgres(let url): "PostgreSQL \(Self.redacted(url))"
        }
    }

    /// A tool's message with the password of any database address in it removed.
    static func redactingURLs(in text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false).map { word in
            word.hasPrefix("postgres") ? redacted(String(word)) : String(word)
        }.joined(separator: " ")
    }

    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? "postgres://***"
    }
}

public enum DatabaseError: Error, Equatable, CustomStringConvertible {
    case unsupportedURL(url: String)
    case migrationFailed(version: Int, name: String, reason: String)
    case schemaNewerThanProgram(database: Int, program: Int)

    public var description: String {
        switch self {
        case .unsupportedURL(let url):
            "DATABASE_URL must start with postgres:// or postgresql:// (got \(url))"
        case .migrationFailed(let version, let name, let reason):
            "migration \(version) \(name) failed and was rolled back: \(reason)"
        case .schemaNewerThanProgram(let database, let program):
            "the database schema is version \(database) but this PeakZero knows only up to \(program); use a newer PeakZero"
        }
    }
}

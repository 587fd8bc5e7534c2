import Foundation
import SQLKit

/// One step of the schema. Numbered, named by what it does, run once, in its own transaction.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    /// The statements for a dialect; the same migration builds both schemas.
    let statements: @Sendable (Dialect) -> [String]
}

/// Runs the migrations a database has not seen yet, in order, recording each in `schema_migrations`.
public struct Migrator: Sendable {
    public let migrations: [Migration]

    public init(migrations: [Migration] = Migrations.all) {
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    /// The versions already applied.
    public func appliedVersions(in database: PeakZeroDatabase) async throws -> [Int] {
        try await ensureTable(database)
        return try await database.sql.raw("SELECT version FROM schema_migrations ORDER BY version").all()
            .map { try $0.decode(column: "version", as: Int.self) }
    }

    /// The versions of this release not yet applied, read without writing anything (for a
    /// readiness probe, asked every few seconds); throws when the database does not answer.
    public func pendingVersions(in database: PeakZeroDatabase) async throws -> [Int] {
        let applied = Set(
            try await database.sql.raw("SELECT version FROM schema_migrations").all()
                .map { try $0.decode(column: "version", as: Int.self) })
        return migrations.map(\.version).filter { !applied.contains($0) }
    }

    /// Applies every pending migration; returns the names of those it applied.
    @discardableResult
    public func migrate(_ database: PeakZeroDatabase) async throws -> [String] {
        let applied = Set(try await appliedVersions(in: database))
        if let newest = applied.max(), let known = migrations.last?.version, newest > known {
            throw DatabaseError.schemaNewerThanProgram(database: newest, program: known)
        }
        var done: [String] = []
        for migration in migrations where !applied.contains(migration.version) {
            do {
                try await database.transaction { db in
                    for statement in migration.statements(database.dialect) {
                        try await db.raw(SQLQueryString(statement)).run()
                    }
                    try await db.insert(into: "schema_migrations")
                        .columns("version", "name", "applied_at")
                        .values(SQLBind(migration.version), SQLBind(migration.name), SQLBind(Timestamp.now()))
                        .run()
                }
            } catch {
                throw DatabaseError.migrationFailed(
                    version: migration.version, name: migration.name, reason: String(describing: error))
            }
            done.append(migration.name)
        }
        // PostgreSQL: every table, including those a migration just made, notifies its changes.
        // (Migration 20 put the triggers on the tables of its day; this covers tables made after it.)
        if database.dialect == .postgres, !done.isEmpty {
            try await database.transaction { db in
                for statement in ChangeNotifications.triggerStatements { try await db.raw(SQLQueryString(statement)).run() }
            }
        }
        return done
    }

    private func ensureTable(_ database: PeakZeroDatabase) async throws {
        try await database.sql.raw(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)
            """
        ).run()
    }
}

/// ISO 8601 timestamps in UTC to the second (`2026-11-21T23:57:20Z`), stored as TEXT on both
/// databases. Written by hand: a Foundation formatter made for each stamp (every audited change
/// has one) took 15 % of creating 10,511 units.
enum Timestamp {
    static func now() -> String { string(Date()) }

    static func string(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let year = Int(parts.tm_year) + 1900
        let paddedYear = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return "\(paddedYear)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):"
            + "\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    static func date(_ text: String) -> Date? { ISO8601DateFormatter().date(from: text) }
}

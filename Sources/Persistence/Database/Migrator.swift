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

    /// The date of a stored timestamp. The form `string` writes is read by hand: a sign-in after
    /// every write reads one, and Foundation's formatter, made afresh each time, cost more than the
    /// rest of the sign-in. Any other form goes to that formatter.
    static func date(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A,
            bytes[16] == 0x3A, bytes[19] == 0x5A
        else { return ISO8601DateFormatter().date(from: text) }
        func number(_ range: Range<Int>) -> Int32? {
            var value: Int32 = 0
            for byte in bytes[range] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int32(byte - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return ISO8601DateFormatter().date(from: text) }
        var parts = tm()
        parts.tm_year = year - 1900
        parts.tm_mon = month - 1
        parts.tm_mday = day
        parts.tm_hour = hour
        parts.tm_min = minute
        parts.tm_sec = second
        let seconds = timegm(&parts)
        // timegm moves a day past the month's end into the next month; the formatter decides those.
        guard parts.tm_mday == day, parts.tm_sec == second else { return ISO8601DateFormatter().date(from: text) }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}

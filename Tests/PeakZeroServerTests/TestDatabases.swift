import Foundation
import Logging
import Persistence
import SQLKit

/// Runs a test body on every database available: SQLite in memory always, and PostgreSQL when
/// `PEAKZERO_TEST_POSTGRES_URL` names a server (a fresh database is created per run and dropped after).
enum TestDatabases {
    static let logger = Logger(label: "peakzero.tests")

    static var locations: [String] {
        var names = ["sqlite"]
        if ProcessInfo.processInfo.environment["PEAKZERO_TEST_POSTGRES_URL"] != nil { names.append("postgres") }
        return names
    }

    static func withDatabase<T: Sendable>(
        _ kind: String, migrate: Bool = true, _ body: (PeakZeroDatabase) async throws -> T
    ) async throws -> T {
        switch kind {
        case "postgres":
            let adminURL = ProcessInfo.processInfo.environment["PEAKZERO_TEST_POSTGRES_URL"]!
            let name = "pz_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            let admin = try await PeakZeroDatabase.open(.postgres(url: adminURL), logger: logger)
            try await admin.sql.raw("CREATE DATABASE \(unsafeRaw: String(name))").run()
            let url = adminURL.replacingLastPathComponent(with: String(name))
            let database = try await PeakZeroDatabase.open(.postgres(url: url), logger: logger)
            do {
                if migrate { try await Migrator().migrate(database) }
                let result = try await body(database)
                try await database.shutdown()
                try await admin.sql.raw("DROP DATABASE \(unsafeRaw: String(name))").run()
                try await admin.shutdown()
                return result
            } catch {
                try? await database.shutdown()
                try? await admin.sql.raw("DROP DATABASE \(unsafeRaw: String(name))").run()
                try? await admin.shutdown()
                throw error
            }
        default:
            let database = try await PeakZeroDatabase.open(.sqliteMemory, logger: logger)
            do {
                if migrate { try await Migrator().migrate(database) }
                let result = try await body(database)
                try await database.shutdown()
                return result
            } catch {
                try? await database.shutdown()
                throw error
            }
        }
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

import Foundation
import Hummingbird
import Persistence

/// What an operator's monitor asks: is the process alive (`/healthz`), and can it serve — the
/// database answers and its schema is this release's (`/readyz`). Neither needs an account, and
/// neither tells more than a load balancer needs.
struct HealthAPI {
    let database: PeakZeroDatabase

    struct Health: Codable {
        let status: String
    }

    struct Readiness: Codable {
        let status: String
        let database: String
        /// The schema's version, and the version this release expects.
        let migrations: Int
        let expectedMigrations: Int
        /// Why it is not ready, when it is not.
        let reason: String?
    }

    func alive(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        try jsonResponse(Health(status: "ok"))
    }

    func ready(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let expected = Migrations.all.map(\.version).max() ?? 0
        let engine = database.dialect.rawValue
        func unavailable(_ reason: String, migrations: Int) throws -> Response {
            try jsonResponse(
                Readiness(
                    status: "unavailable", database: engine, migrations: migrations, expectedMigrations: expected,
                    reason: reason), status: .serviceUnavailable)
        }
        let pending: [Int]
        do {
            pending = try await Migrator().pendingVersions(in: database)
        } catch {
            context.logger.error("readiness: the database does not answer", metadata: ["error": "\(error)"])
            return try unavailable("the database does not answer", migrations: 0)
        }
        let current = Migrations.all.map(\.version).filter { !pending.contains($0) }.max() ?? 0
        guard pending.isEmpty else {
            return try unavailable(
                "migrations \(pending.map(String.init).joined(separator: ", ")) are pending: run peakzero migrate",
                migrations: current)
        }
        return try jsonResponse(
            Readiness(status: "ready", database: engine, migrations: current, expectedMigrations: expected, reason: nil))
    }
}

import Foundation
import HTTPTypes
import HummingbirdTesting
import Persistence
import PersistenceTestSupport
import SQLKit
import Testing

@testable import PeakZeroServer

/// What an operator's monitor sees: liveness and readiness, without an account.
@Suite("Operations: health and readiness")
struct OperationsTests {
    @Test("/healthz and /readyz answer a stranger; readiness fails while a migration is pending",
        arguments: TestDatabases.locations)
    func healthAndReadiness(_ kind: String) async throws {
        try await withAPI(kind) { client, database in
            let stranger: HTTPFields = [.authorization: ""]
            let alive = try await client.call(.get, "/healthz", headers: stranger)
            #expect(alive.status == .ok && alive.json.object["status"] as? String == "ok")
            let ready = try await client.call(.get, "/readyz", headers: stranger)
            let newest = Migrations.all.map(\.version).max()!
            #expect(ready.status == .ok && ready.json.object["status"] as? String == "ready")
            #expect(ready.json.object["migrations"] as? Int == newest)
            #expect(ready.json.object["database"] as? String == (kind == "sqlite" ? "sqlite" : "postgres"))
            // A release newer than the schema: not ready, and says what to do.
            try await database.sql.raw("DELETE FROM schema_migrations WHERE version = \(bind: newest)").run()
            let pending = try await client.call(.get, "/readyz", headers: stranger)
            #expect(pending.status == .serviceUnavailable)
            #expect((pending.json.object["reason"] as? String)?.contains("peakzero migrate") == true)
            #expect(pending.json.object["migrations"] as? Int == newest - 1)
        }
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import Persistence
import PersistenceTestSupport
import Testing

@testable import PeakZeroServer

@Suite("Indicator response cache")
struct ResponseCacheTests {
    @Test("a repeated query is answered the same, and a write by anyone is seen at once")
    func cache_followsWrites() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pz-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let location = try DatabaseLocation.resolve(dataDirectory: folder.path, environment: [:])
        try await TestDatabases.with(location) { database in
            #expect(ResponseCache(database: database) != nil)
            try await withSignedInApp(database) { client, _ async throws in
                let id = try await RollupAPITests.load(client)
                let uri = "/api/v1/units/\(id["G"]!)/indicators?year=2023"
                let first = try await client.call(.get, uri)
                let again = try await client.call(.get, uri)
                // Compared as JSON with sorted keys (Foundation's dictionary equality on Linux misjudges booleans).
                func canonical(_ object: [String: Any]) throws -> Data {
                    try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                }
                #expect(try canonical(first.json.object) == (try canonical(again.json.object)))
                #expect(first.json.object["approved_only"] as? Bool == false)
                #expect((first.json.object["inventories"] as? [[String: Any]])?.first?["stale"] as? Bool == false)
                // A write through another connection (as the CLI would make) must not be hidden by the cache.
                try await ActivityStore(database).insert([
                    NewActivityRecord(unitCode: "E2", period: "2023-06", item: "热力", quantity: 10, uom: "GJ")
                ])
                let after = try await client.call(.get, uri)
                #expect((after.json.object["inventories"] as? [[String: Any]])?.first?["stale"] as? Bool == true)
            }
        }
    }
}

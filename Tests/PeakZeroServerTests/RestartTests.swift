import Foundation
import Hummingbird
import HummingbirdTesting
import Persistence
import PersistenceTestSupport
import Synchronization
import Testing

@testable import PeakZeroServer

@Suite("Server restart")
struct RestartTests {
    @Test("data written through the API, and the token it was written with, are there after a restart")
    func restart_keepsData() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pz-api-restart-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let location = try DatabaseLocation.resolve(dataDirectory: folder.path, environment: [:])

        let token = Mutex<String?>(nil)
        try await TestDatabases.with(location) { first in
            try await withSignedInApp(first) { client, signedIn async throws in
                token.withLock { $0 = signedIn }
                #expect(try await client.call(.post, "/api/v1/units", json: treeJSON).status == .created)
                #expect(
                    try await client.call(.post, "/api/v1/activity-records", json: RollupAPITests.activity).status
                        == .created)
            }
        }

        try await TestDatabases.with(location) { second in
            try await withSignedInApp(second, token: token.withLock { $0 }) { client, _ async throws in
                let units = try await client.call(.get, "/api/v1/units")
                #expect(units.json.items.count == 5)
                let s = ids(units.json)["S"]!
                #expect(try await client.call(.get, "/api/v1/units/\(s)/activity-records").json.items.count == 3)
            }
        }
    }
}

import Foundation
import HummingbirdTesting
import Persistence
import PersistenceTestSupport
import Testing

@testable import PeakZeroServer

/// Every list route pages: a limit, a cursor, a total. (A province's record list was once one 82 MB
/// response.)
@Suite("Lists page")
struct PagingTests {
    @Test("records page in the database: following next_cursor gives every record once, in order",
        arguments: TestDatabases.locations)
    func activityPages(_ kind: String) async throws {
        try await withAPI(kind) { client, database in
            let units = try await RollupAPITests.load(client)
            let more = (1...9).map {
                #"{"unit_code": "E2", "period": "2024-\#(String(format: "%02d", $0))", "item": "电力", "quantity": 10, "uom": "MWh"}"#
            }
            #expect(try await client.call(.post, "/api/v1/activity-records", json: "[\(more.joined(separator: ","))]").status == .created)
            let s = units["S"]!
            let whole = try await client.call(.get, "/api/v1/units/\(s)/activity-records")
            #expect(whole.json.object["total"] as? Int == 12 && whole.json.items.count == 12)
            #expect(whole.json.object["next_cursor"] is NSNull)
            var seen: [Int] = []
            var cursor: String?
            repeat {
                let page = try await client.call(
                    .get, "/api/v1/units/\(s)/activity-records?limit=5" + (cursor.map { "&cursor=\($0)" } ?? ""))
                #expect(page.status == .ok && page.json.object["total"] as? Int == 12)
                seen += page.json.items.compactMap { $0["id"] as? Int }
                cursor = page.json.object["next_cursor"] as? String
            } while cursor != nil && seen.count < 100
            #expect(seen == whole.json.items.compactMap { $0["id"] as? Int })
            for bad in ["limit=0", "limit=10001", "cursor=-1", "limit=x"] {
                let status = try await client.call(.get, "/api/v1/units/\(s)/activity-records?\(bad)").status
                #expect(status == .badRequest, "\(bad)")
            }
            // A list read whole and paged in memory answers the same way.
            let unitsPage = try await client.call(.get, "/api/v1/units?limit=2&cursor=2")
            #expect(unitsPage.json.object["total"] as? Int == 5 && unitsPage.json.items.count == 2)
            #expect(unitsPage.json.object["next_cursor"] as? String == "4")
        }
    }

    @Test("every route the document says pages answers items, total and next_cursor, and honours limit")
    func everyPagedRoute() async throws {
        try await withAPI("sqlite") { client, database in
            let w = try await AuthorizationMatrixTests.world(client, database)
            for route in APIRoute.paged.sorted(by: { $0.rawValue < $1.rawValue }) {
                let (uri, _) = AuthorizationMatrixTests.request(route, "in", w)
                let joined = uri + (uri.contains("?") ? "&" : "?") + "limit=1"
                let answer = try await client.call(.get, joined)
                #expect(answer.status == .ok, "\(route) \(joined): \(answer.status)")
                let object = answer.json.object
                #expect(object["total"] is Int && object.keys.contains("next_cursor"), "\(route): \(object.keys)")
                #expect(answer.json.items.count <= 1, "\(route)")
            }
        }
    }
}

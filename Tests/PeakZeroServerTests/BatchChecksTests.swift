import Foundation
import NIOCore
import HummingbirdTesting
import Persistence
import PersistenceTestSupport
import Testing

@testable import PeakZeroServer

/// API batches are checked like imports: a record twice in a batch, or one already stored, is refused
/// by its position. (A 50 MB batch once stored 540,503 copies of one record, and that facility's
/// imports then took 17 s instead of 0.02 s.)
@Suite("API batches checked like imports")
struct BatchChecksTests {
    @Test("a record twice in a batch, or already stored, is refused by position; nothing is written",
        arguments: TestDatabases.locations)
    func repeats(_ kind: String) async throws {
        try await withAPI(kind) { client, database in
            let units = try await RollupAPITests.load(client)
            let under = Int64(units["S"]!)
            let before = try await ActivityStore(database).list(under: under).count
            let march = #"{"unit_code": "F1", "period": "2023-03", "item": "diesel", "quantity": 1, "uom": "t"}"#
            let twice = try await client.call(.post, "/api/v1/activity-records?lang=en", json: "[\(march), \(march)]")
            #expect(twice.status == .unprocessableContent)
            let issues = ((twice.json.object["error"] as? [String: Any])?["issues"] as? [[String: Any]]) ?? []
            #expect(issues.map { "\($0["row"] ?? "") \($0["field"] ?? "")" } == ["2 unit"])
            // January's diesel of F1 is stored already (by the load).
            let january = #"{"unit_code": "F1", "period": "2023-01", "item": "柴油", "quantity": 3, "uom": "t"}"#
            let stored = try await client.call(.post, "/api/v1/activity-records?lang=en", json: "[\(march), \(january)]")
            let storedIssues = ((stored.json.object["error"] as? [String: Any])?["issues"] as? [[String: Any]]) ?? []
            #expect(stored.status == .unprocessableContent)
            #expect(storedIssues.map { "\($0["row"] ?? "") \($0["field"] ?? "")" } == ["2 period"])
            #expect((storedIssues.first?["message"] as? String)?.contains("record") == true)
            #expect(try await ActivityStore(database).list(under: under).count == before)
            // Alone, March goes in once.
            #expect(try await client.call(.post, "/api/v1/activity-records", json: march).status == .created)
            #expect(try await client.call(.post, "/api/v1/activity-records", json: march).status == .unprocessableContent)
            // Economic records likewise, by unit and period.
            let year = #"{"unit_code": "E2", "period": "2024", "output_value": 1}"#
            let economic = try await client.call(.post, "/api/v1/economic-records?lang=en", json: "[\(year), \(year)]")
            let economicIssues = ((economic.json.object["error"] as? [String: Any])?["issues"] as? [[String: Any]]) ?? []
            #expect(economicIssues.map { "\($0["row"] ?? "") \($0["field"] ?? "")" } == ["2 period"])
            let again = #"{"unit_code": "E2", "period": "2023", "output_value": 1}"#
            #expect(try await client.call(.post, "/api/v1/economic-records", json: again).status == .unprocessableContent)
        }
    }

    @Test("a body that is not declared JSON is 415; an empty batch is 422; long or invisible texts are refused")
    func bodiesAndTexts() async throws {
        try await withAPI("sqlite") { client, database in
            _ = try await RollupAPITests.load(client)
            let record = #"{"unit_code": "F1", "period": "2023-06", "item": "diesel", "quantity": 1, "uom": "t"}"#
            for type in ["text/plain", "application/x-www-form-urlencoded", ""] {
                let status = try await client.execute(
                    uri: "/api/v1/activity-records", method: .post, headers: type.isEmpty ? [:] : [.contentType: type],
                    body: ByteBuffer(string: record)
                ) { $0.status }
                #expect(status == .unsupportedMediaType, "\(type)")
            }
            let charset = try await client.execute(
                uri: "/api/v1/activity-records", method: .post, headers: [.contentType: "application/json; charset=utf-8"],
                body: ByteBuffer(string: record)
            ) { $0.status }
            #expect(charset == .created)
            let empty = try await client.call(.post, "/api/v1/activity-records?lang=en", json: "[]")
            #expect(empty.status == .unprocessableContent)
            #expect(((empty.json.object["error"] as? [String: Any])?["message"] as? String)?.contains("empty") == true)
            // A 10 MB note of where a record comes from, a unit code with a tab or a line break.
            let source = String(repeating: "m", count: 10_000)
            let noted = #"{"unit_code": "F1", "period": "2023-07", "item": "diesel", "quantity": 1, "uom": "t", "source": "\#(source)"}"#
            let long = try await client.call(.post, "/api/v1/activity-records?lang=en", json: noted)
            #expect(long.status == .unprocessableContent && HostileNumbersTests.fields(long.json) == ["source"])
            for code in ["A\\tB", "A\\nB", "A B", "A\\u200BB", String(repeating: "X", count: 65)] {
                let unit = #"{"code": "\#(code)", "name": "n", "level": "facility", "region_code": "510104"}"#
                let answer = try await client.call(.post, "/api/v1/units", json: unit)
                #expect(answer.status == .unprocessableContent && HostileNumbersTests.fields(answer.json) == ["code"], "\(code)")
            }
        }
    }
}

import Foundation
import HummingbirdTesting
import PersistenceTestSupport
import Testing

@testable import PeakZeroServer

@Suite("API: units")
struct UnitsAPITests {
    @Test("create a tree, read it, list a subtree and a region", arguments: TestDatabases.locations)
    func units_createAndRead(_ kind: String) async throws {
        try await withAPI(kind) { client, _ async throws in
            let created = try await client.call(.post, "/api/v1/units", json: treeJSON)
            #expect(created.status == .created)
            let id = ids(created.json)
            #expect(id.count == 5)
            let g = try await client.call(.get, "/api/v1/units/\(id["G"]!)")
            #expect(g.json.object["code"] as? String == "G")
            #expect(g.json.object["parent_id"] as? Int == id["S"])
            let subtree = try await client.call(.get, "/api/v1/units?under=\(id["E1"]!)")
            #expect(subtree.json.items.map { $0["code"] as? String } == ["E1", "F1"])
            let region = try await client.call(.get, "/api/v1/units?region=5107")
            #expect(region.json.items.map { $0["code"] as? String } == ["E2"])
            let children = try await client.call(.get, "/api/v1/units/\(id["G"]!)/children")
            #expect(Set(children.json.items.compactMap { $0["code"] as? String }) == ["E1", "E2"])
        }
    }

    @Test("a single object is accepted as well as a batch")
    func units_singleObject() async throws {
        try await withAPI("sqlite") { client, _ async throws in
            let one = try await client.call(
                .post, "/api/v1/units", json: #"{"code": "X", "name": "X", "level": "group", "region_code": "110105"}"#)
            #expect(one.status == .created)
            #expect(one.json.items.count == 1)
        }
    }

    @Test("invalid units: 422 naming each field and position, nothing written", arguments: TestDatabases.locations)
    func units_invalidBatch(_ kind: String) async throws {
        try await withAPI(kind) { client, _ async throws in
            let bad = """
                [{"code": "A", "name": "A", "level": "group", "region_code": "510100"},
                 {"code": "B", "name": "", "level": "plant", "parent_code": "A", "region_code": "99"}]
                """
            let (status, json) = try await client.call(
                .post, "/api/v1/units", json: bad, headers: [.acceptLanguage: "en"])
            #expect(status == .unprocessableContent)
            let error = try #require(json.object["error"] as? [String: Any])
            let issues = try #require(error["issues"] as? [[String: Any]])
            #expect(
                issues.map { "\($0["row"] as? Int ?? 0) \($0["field"] as? String ?? "")" } == [
                    "2 name", "2 level", "2 region_code",
                ])
            #expect(error["message"] as? String == "3 problem(s); nothing was written")
            #expect(try await client.call(.get, "/api/v1/units").json.items.isEmpty)
        }
    }

    @Test("messages follow Accept-Language")
    func units_messagesInChinese() async throws {
        try await withAPI("sqlite") { client, _ async throws in
            let bad = #"{"code": "A", "name": "A", "level": "group", "region_code": "5101"}"#
            let (_, json) = try await client.call(
                .post, "/api/v1/units", json: bad, headers: [.acceptLanguage: "zh-CN,zh;q=0.9"])
            let issue = try #require(((json.object["error"] as? [String: Any])?["issues"] as? [[String: Any]])?.first)
            #expect(issue["message"] as? String == "行政区划代码“5101”无效：应为 6 位 GB/T 2260 代码，如 510100")
        }
    }

    @Test("malformed JSON and unknown ids")
    func units_malformedAndUnknown() async throws {
        try await withAPI("sqlite") { client, _ async throws in
            #expect(try await client.call(.post, "/api/v1/units", json: #"{"code": 5}"#).status == .badRequest)
            #expect(try await client.call(.get, "/api/v1/units/424242").status == .notFound)
            #expect(try await client.call(.get, "/api/v1/units/abc").status == .notFound)
            #expect(try await client.call(.delete, "/api/v1/units/424242").status == .notFound)
            #expect(try await client.call(.get, "/api/v1/units?region=99").status == .badRequest)
        }
    }

    @Test("move a unit, refuse a loop, refuse deleting a parent, delete a leaf", arguments: TestDatabases.locations)
    func units_updateAndDelete(_ kind: String) async throws {
        try await withAPI(kind) { client, _ async throws in
            let id = ids(try await client.call(.post, "/api/v1/units", json: treeJSON).json)
            let move =
                #"{"code": "F1", "name": "Facility 1", "level": "facility", "parent_code": "E2", "region_code": "510104"}"#
            let moved = try await client.call(.put, "/api/v1/units/\(id["F1"]!)", json: move)
            #expect(moved.status == .ok)
            #expect(moved.json.object["parent_id"] as? Int == id["E2"])
            let loop =
                #"{"code": "G", "name": "Group", "level": "group", "parent_code": "E2", "region_code": "510100"}"#
            #expect(
                try await client.call(.put, "/api/v1/units/\(id["G"]!)", json: loop).status == .unprocessableContent)
            #expect(try await client.call(.delete, "/api/v1/units/\(id["G"]!)").status == .conflict)
            #expect(try await client.call(.delete, "/api/v1/units/\(id["E1"]!)").status == .noContent)
            #expect(try await client.call(.get, "/api/v1/units/\(id["E1"]!)").status == .notFound)
        }
    }
}

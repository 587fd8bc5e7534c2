import Accounting
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Persistence
import PersistenceTestSupport
import Testing

@testable import PeakZeroServer

/// Targets, splits, warnings, rankings and measures through the API on the small tree: F1 burns
/// d t of CO2 in January 2023 (and less in May 2022), E2 e t in February 2023 (RollupAPITests).
@Suite("API: targets, splits, warnings, rankings, measures")
struct GovernanceAPITests {
    static let d = RollupAPITests.d
    static let e = RollupAPITests.e

    static func bearer(_ database: PeakZeroDatabase, _ name: String, _ grant: RoleGrant) async throws -> HTTPFields {
        let accounts = AccountStore(database, cost: 4)
        let account = try await accounts.create(name: name, password: "a long password", grants: [grant])
        return [.authorization: "Bearer \(try await accounts.makeToken(for: account, name: "t").secret)"]
    }

    @Test(
        "a group's cap: progress by hand, a split by hand with its gap, then one that holds",
        arguments: TestDatabases.locations)
    func capAndSplit(_ kind: String) async throws {
        try await withAPI(kind) { client, _ in
            let id = try await RollupAPITests.load(client)
            let created = try await client.call(
                .post, "/api/v1/targets",
                json:
                    #"{"unit_id": \#(id["G"]!), "name": "集团碳排放总量", "indicator": "carbon_total", "kind": "cap", "value": 10000, "first_year": 2023}"#
            )
            #expect(created.status == .created)
            let progress = try #require(created.json.object["progress"] as? [String: Any])
            // Data through February: d + e to date; pro rata 2/12 → forecast 6(d + e); expected 10,000 × 2/12.
            #expect(progress["through_month"] as? Int == 2)
            #expect(RollupAPITests.close(progress["to_date"], Self.d + Self.e))
            #expect(RollupAPITests.close(progress["forecast"], 6 * (Self.d + Self.e)))
            #expect(RollupAPITests.close(progress["expected_to_date"], 10_000.0 / 6))
            #expect(progress["light"] as? String == "green")
            let target = try #require(created.json.object["id"] as? Int)
            // By hand: E1 9,000 and E2 2,000 add up to 11,000 > 10,000 → gap 1,000.
            let loose = try await client.call(
                .post, "/api/v1/targets/\(target)/split",
                json:
                    #"{"method": "manual", "children": [{"unit_id": \#(id["E1"]!), "kind": "cap", "value": 9000}, {"unit_id": \#(id["E2"]!), "kind": "cap", "value": 2000}]}"#
            )
            #expect(loose.status == .ok)
            let check = try #require(loose.json.object["check"] as? [String: Any])
            #expect(RollupAPITests.close(check["gap"], 1_000))
            #expect(check["holds"] as? Bool == false)
            #expect((loose.json.object["children"] as? [[String: Any]])?.count == 2)
            let tight = try await client.call(
                .post, "/api/v1/targets/\(target)/split",
                json:
                    #"{"method": "manual", "children": [{"unit_id": \#(id["E1"]!), "kind": "cap", "value": 6000}, {"unit_id": \#(id["E2"]!), "kind": "cap", "value": 4000}]}"#
            )
            let holds = try #require(tight.json.object["check"] as? [String: Any])
            #expect(holds["holds"] as? Bool == true)
            // The earlier split was replaced, not added to.
            #expect((tight.json.object["children"] as? [[String: Any]])?.count == 2)
            // Base share needs whole base-year (2022) figures, which F1's single month is not: the child is named.
            let refused = try await client.call(
                .post, "/api/v1/targets/\(target)/split", json: #"{"method": "base_share"}"#,
                headers: [.acceptLanguage: "en"])
            #expect(refused.status == .unprocessableContent)
            let message = (refused.json.object["error"] as? [String: Any])?["message"] as? String ?? ""
            #expect(message.hasPrefix("Enterprise 1: no complete base-year figures"), "\(message)")
            // Bad definitions name their field.
            let bad = try await client.call(
                .post, "/api/v1/targets",
                json:
                    #"{"unit_id": \#(id["G"]!), "name": "x", "indicator": "carbon_total", "kind": "reduction", "reduction": 1.5, "base_year": 2020, "first_year": 2023}"#
            )
            #expect(bad.status == .unprocessableContent)
            let issue = ((bad.json.object["error"] as? [String: Any])?["issues"] as? [[String: Any]])?.first
            #expect(issue?["field"] as? String == "reduction")
            // A coal cap: the group burns diesel and buys electricity, no coal — so none counts, not its energy.
            let coal = try await client.call(
                .post, "/api/v1/targets",
                json:
                    #"{"unit_id": \#(id["G"]!), "name": "集团煤炭消费总量", "indicator": "coal_total", "kind": "cap", "value": 50, "first_year": 2023}"#
            )
            #expect(coal.status == .created && (coal.json.object["definition"] as? [String: Any])?["indicator"] as? String == "coal_total")
            let coalProgress = try #require(coal.json.object["progress"] as? [String: Any])
            #expect(RollupAPITests.close(coalProgress["forecast"], 0) && coalProgress["light"] as? String == "green")
            #expect(try await client.call(.delete, "/api/v1/targets/\(try #require(coal.json.object["id"] as? Int))").status == .noContent)
            #expect(try await client.call(.delete, "/api/v1/targets/\(target)").status == .noContent)
            #expect(try await client.call(.get, "/api/v1/targets").json.items.isEmpty)
        }
    }

    @Test(
        "scope: a manager sets targets only in its subtree; a region's manager for its region; warnings in scope",
        arguments: TestDatabases.locations)
    func scopeAndWarnings(_ kind: String) async throws {
        try await withAPI(kind) { client, database in
            let id = try await RollupAPITests.load(client)
            let manager = try await Self.bearer(database, "mona", RoleGrant(role: .manager, unitID: Int64(id["E1"]!)))
            let province = try await Self.bearer(database, "pat", RoleGrant(role: .manager, regionCode: "51"))
            let reporter = try await Self.bearer(database, "rita", RoleGrant(role: .reporter, unitID: Int64(id["E1"]!)))
            let other = try await Self.bearer(database, "otto", RoleGrant(role: .viewer, unitID: Int64(id["E2"]!)))
            func cap(_ subject: String, _ value: Int) -> String {
                #"{\#(subject), "name": "cap", "indicator": "carbon_total", "kind": "cap", "value": \#(value), "first_year": 2023}"#
            }
            // F1 forecasts 12d ≈ 372 t against 100 t: red.
            let f1 = try await client.call(
                .post, "/api/v1/targets", json: cap(#""unit_id": \#(id["F1"]!)"#, 100), headers: manager)
            #expect(f1.status == .created)
            #expect((f1.json.object["progress"] as? [String: Any])?["light"] as? String == "red")
            #expect(
                try await client.call(
                    .post, "/api/v1/targets", json: cap(#""unit_id": \#(id["E2"]!)"#, 100), headers: manager
                )
                .status == .notFound)
            #expect(
                try await client.call(
                    .post, "/api/v1/targets", json: cap(#""region_code": "51""#, 100), headers: manager
                )
                .status == .notFound)
            #expect(
                try await client.call(
                    .post, "/api/v1/targets", json: cap(#""region_code": "51""#, 100_000), headers: province
                )
                .status == .created)
            #expect(
                try await client.call(
                    .post, "/api/v1/targets", json: cap(#""unit_id": \#(id["F1"]!)"#, 1), headers: reporter
                )
                .status == .forbidden)
            // The reporter sees F1's target, not the province's; E2's viewer sees neither.
            #expect(try await client.call(.get, "/api/v1/targets", headers: reporter).json.items.count == 1)
            #expect(try await client.call(.get, "/api/v1/targets", headers: other).json.items.isEmpty)
            // An overdue measure of F1 and the red target are the reporter's warnings.
            let measure = try await client.call(
                .post, "/api/v1/measures",
                json:
                    #"{"unit_id": \#(id["F1"]!), "title": "余热回收", "owner_person": "张工", "start_date": "2023-01-01", "deadline": "2023-06-30", "target_id": \#(f1.json.object["id"] as! Int)}"#,
                headers: reporter)
            #expect(measure.status == .created)
            #expect(measure.json.object["status"] as? String == "overdue")
            let warnings = try await client.call(.get, "/api/v1/warnings", headers: reporter).json.items
            #expect(Set(warnings.compactMap { $0["kind"] as? String }) == ["target", "measure"])
            #expect(try await client.call(.get, "/api/v1/warnings", headers: other).json.items.isEmpty)
            // Done, it stops warning; its note is kept.
            let done = try await client.call(
                .post, "/api/v1/measures/\((measure.json.object["measure"] as? [String: Any])?["id"] as? Int ?? 0)",
                json: #"{"status": "done", "note": "投运", "evidence": "验收单 2023-07"}"#, headers: reporter)
            #expect(done.json.object["status"] as? String == "done")
            #expect(
                try await client.call(.get, "/api/v1/warnings", headers: reporter).json.items.map {
                    $0["kind"] as? String
                }
                    == ["target"])
            let bad = try await client.call(
                .post, "/api/v1/measures", json: #"{"unit_id": \#(id["F1"]!), "title": "", "deadline": "2023-02-30"}"#,
                headers: reporter)
            #expect(bad.status == .unprocessableContent)
            let fields = ((bad.json.object["error"] as? [String: Any])?["issues"] as? [[String: Any]])?.compactMap {
                $0["field"] as? String
            }
            #expect(Set(fields ?? []).isSuperset(of: ["title", "owner_person", "start_date", "deadline"]))
        }
    }

    @Test("rankings of a group's enterprises with last year's rank; the carbon-efficiency scale and benchmarks")
    func rankingsAndGrades() async throws {
        try await withAPI("sqlite") { client, _ in
            let id = try await RollupAPITests.load(client)
            let ranked = try await client.call(
                .get, "/api/v1/rankings?unit_id=\(id["G"]!)&year=2023&indicator=carbon_total"
            ).json.items
            // E1: d ≈ 31 t, E2: e = 156.4 t: E1 first. In 2022 only E1 had figures.
            #expect(ranked.map { $0["code"] as? String } == ["E1", "E2"])
            #expect(ranked.map { $0["rank"] as? Int } == [1, 2])
            #expect(ranked.first?["previous_rank"] as? Int == 1)
            #expect(RollupAPITests.close(ranked.first?["value"], Self.d))
            #expect(
                try await client.call(.get, "/api/v1/rankings?unit_id=\(id["G"]!)&year=2023&by=fastest").status
                    == .badRequest)
            // Coal is capped by targets, not ranked.
            #expect(
                try await client.call(.get, "/api/v1/rankings?unit_id=\(id["G"]!)&year=2023&indicator=coal_total").status
                    == .badRequest)
            let scale = try await client.call(.get, "/api/v1/carbon-efficiency/scale")
            #expect((scale.json.object["grades"] as? [[String: Any]])?.count == 5)
            let set = try await client.call(
                .put, "/api/v1/carbon-efficiency/benchmarks/2023",
                json: #"{"source": "省统计局 2024", "averages": {"C38": 0.72}}"#)
            #expect(set.status == .ok)
            #expect(RollupAPITests.close(set.json.object["C38"], 0.72))
            // The same as a CSV table; a bad row is named by its row and column.
            func csv(_ text: String) async throws -> (status: HTTPResponse.Status, json: Any?) {
                try await client.execute(
                    uri: "/api/v1/carbon-efficiency/benchmarks/2024?source=%E7%BB%9F%E8%AE%A1%E5%B1%80", method: .put,
                    headers: [.contentType: "text/csv", .acceptLanguage: "en"], body: ByteBuffer(string: text)
                ) { ($0.status, try? JSONSerialization.jsonObject(with: Data(buffer: $0.body))) }
            }
            let table = try await csv("industry,average_intensity\nC38,0.7\nc30,2.5\n")
            #expect(table.status == .ok && RollupAPITests.close(table.json.object["C30"], 2.5))
            let badTable = try await csv("industry,average_intensity\nC38,0.7\nC30,abc\n")
            #expect(badTable.status == .unprocessableContent)
            let issue = ((badTable.json.object["error"] as? [String: Any])?["issues"] as? [[String: Any]])?.first
            #expect(issue?["row"] as? Int == 3 && issue?["field"] as? String == "average_intensity")
            let broken = try await client.call(
                .put, "/api/v1/carbon-efficiency/scale",
                json:
                    ##"{"scale": {"levels": [{"upper_bound": 1, "name_zh": "低", "name_en": "low", "colour": "#00ff00"}], "grades": [], "source": "x"}}"##
            )
            #expect(broken.status == .unprocessableContent)
            let grades = try await client.call(.get, "/api/v1/carbon-efficiency?unit_id=\(id["G"]!)&year=2023")
            #expect(grades.status == .ok)
        }
    }
}

/// The provincial manager's path on the demo province: a carbon-intensity target for the province,
/// split to its cities and to its groups, read back ranked with the reasons.
@Suite("API: a provincial manager's target")
struct ProvincialTargetTests {
    @Test("set for Sichuan, split to cities and to groups, each split checked")
    func province() async throws {
        try await withDemoAPI { client, database in
            let manager = try await GovernanceAPITests.bearer(
                database, "sc-manager", RoleGrant(role: .manager, regionCode: "51"))
            let body = #"""
                {"region_code": "51", "name": "全省碳排放强度", "indicator": "carbon_intensity", "kind": "reduction",
                 "reduction": 0.1, "base_year": 2022, "first_year": 2023, "last_year": 2025}
                """#
            let created = try await client.call(.post, "/api/v1/targets", json: body, headers: manager)
            #expect(created.status == .created)
            let id = try #require(created.json.object["id"] as? Int)
            let cities = try await client.call(
                .post, "/api/v1/targets/\(id)/split", json: #"{"method": "equal_reduction"}"#, headers: manager)
            let children = try #require(cities.json.object["children"] as? [[String: Any]])
            #expect(children.count >= 5 && children.allSatisfy { ($0["region_code"] as? String)?.count == 4 })
            #expect((cities.json.object["check"] as? [String: Any])?["holds"] as? Bool == true)
            let groups = try await client.call(
                .post, "/api/v1/targets/\(id)/split", json: #"{"method": "equal_reduction", "among": "groups"}"#,
                headers: manager)
            let groupTargets = try #require(groups.json.object["children"] as? [[String: Any]])
            #expect(groupTargets.count == 3 && groupTargets.allSatisfy { $0["unit_id"] is Int })
            #expect(
                groupTargets.allSatisfy {
                    (($0["progress"] as? [String: Any])?["reasons"] as? [String])?.isEmpty == false
                })
            // A manager of one group may not split the province's target.
            let group = try await UnitStore(database).unit(code: "DEMO-G2")
            let other = try await GovernanceAPITests.bearer(
                database, "g-manager", RoleGrant(role: .manager, unitID: group.id))
            #expect(
                try await client.call(
                    .post, "/api/v1/targets/\(id)/split", json: #"{"method": "equal_reduction"}"#, headers: other
                )
                .status == .notFound)
        }
    }
}

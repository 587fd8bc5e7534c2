import Foundation
import HummingbirdTesting
import PersistenceTestSupport
import Testing

@testable import PeakZeroServer

/// Roll-ups through the API on the small tree, against values computed by hand:
/// diesel d = 10 t × 42.652 GJ/t × 0.0202 tC/GJ × 0.98 × 44/12 (NDRC 2015 defaults) at F1 (510104),
/// and 1 000 MWh × 0.1564 tCO2/MWh (Sichuan 2023, MEE/NBS 公告2025年第47号) at E2 (510703).
@Suite("API: data, inventories and roll-ups")
struct RollupAPITests {
    static let d = 10 * 42.652 * 0.0202 * 0.98 * 44 / 12
    static let e = 1000 * 0.1564
    static let lastYearDiesel = 8 * 42.652 * 0.0202 * 0.98 * 44 / 12

    static let activity = """
        [{"unit_code": "F1", "period": "2023-01", "item": "柴油", "quantity": 10, "uom": "t"},
         {"unit_code": "E2", "period": "2023-02", "item": "电力", "quantity": 1000, "uom": "MWh"},
         {"unit_code": "F1", "period": "2022-05", "item": "diesel", "quantity": 8000, "uom": "kg"}]
        """
    static let economic = """
        [{"unit_code": "F1", "period": "2023", "output_value": 100, "value_added": 30},
         {"unit_code": "E2", "period": "2023", "output_value": 220, "price_index": 110, "base_year": 2022},
         {"unit_code": "F1", "period": "2022", "output_value": 90}]
        """

    /// Loads the tree and data, computes 2022 and 2023 inventories at S; returns the unit ids.
    static func load(_ client: any TestClientProtocol) async throws -> [String: Int] {
        let id = ids(try await client.call(.post, "/api/v1/units", json: treeJSON).json)
        #expect(try await client.call(.post, "/api/v1/activity-records", json: activity).status == .created)
        #expect(try await client.call(.post, "/api/v1/economic-records", json: economic).status == .created)
        for year in [2022, 2023] {
            let computed = try await client.call(
                .post, "/api/v1/inventories", json: #"{"unit_id": \#(id["S"]!), "year": \#(year)}"#)
            #expect(computed.status == .created)
        }
        return id
    }

    static func close(_ a: Any?, _ b: Double) -> Bool {
        guard let a = a as? Double else { return false }
        return abs(a - b) <= 1e-9 * max(1, abs(b))
    }

    @Test("control approach: the group includes all of its descendants", arguments: TestDatabases.locations)
    func rollup_control(_ kind: String) async throws {
        try await withAPI(kind) { client, _ async throws in
            let id = try await Self.load(client)
            let (status, json) = try await client.call(.get, "/api/v1/units/\(id["G"]!)/indicators?year=2023")
            #expect(status == .ok)
            let totals = try #require(json.object["totals"] as? [String: Any])
            #expect(Self.close(totals["co2e_t"], Self.d + Self.e))
            #expect(Self.close(totals["scope1_co2e_t"], Self.d))
            #expect(Self.close(totals["scope2_location_co2e_t"], Self.e))
            #expect(Self.close(totals["scope2_market_co2e_t"], 1000 * 0.6096))
            // Energy: diesel 10 t × 1.4571 kgce/kg; electricity 1 000 MWh × 0.1229 kgce/kWh.
            #expect(Self.close(totals["energy_tce_calorific"], 14.571 + 122.9))
            // Constant prices: 100 + 220 ÷ 1.10.
            #expect(Self.close(totals["output_value_10k_cny"], 300))
            #expect(Self.close(totals["energy_intensity_tce_per_10k_cny_output"], (14.571 + 122.9) / 300))
            #expect(Self.close(totals["carbon_intensity_t_per_10k_cny_output"], (Self.d + Self.e) / 300))
            let byChild = try #require(json.object["by_child"] as? [[String: Any]])
            #expect(byChild.count == 2)
            let e1 = try #require(byChild.first { $0["key"] as? String == String(id["E1"]!) })
            #expect(Self.close(e1["co2e_t"], Self.d))
            let yoy = try #require(json.object["year_on_year"] as? [String: Any])
            #expect(Self.close(yoy["co2e_t"], (Self.d + Self.e - Self.lastYearDiesel) / Self.lastYearDiesel))
        }
    }

    @Test("equity approach: each unit counts by the shares on its way up", arguments: TestDatabases.locations)
    func rollup_equity(_ kind: String) async throws {
        try await withAPI(kind) { client, _ async throws in
            let id = try await Self.load(client)
            let group = try await client.call(.get, "/api/v1/units/\(id["G"]!)/indicators?year=2023&approach=equity")
            // F1 is held 50 % by E1, which is held 60 % by G: 30 % of F1; E2 100 %.
            #expect(Self.close((group.json.object["totals"] as? [String: Any])?["co2e_t"], 0.3 * Self.d + Self.e))
            let enterprise = try await client.call(
                .get, "/api/v1/units/\(id["E1"]!)/indicators?year=2023&approach=equity")
            #expect(Self.close((enterprise.json.object["totals"] as? [String: Any])?["co2e_t"], 0.5 * Self.d))
        }
    }

    @Test("territorial roll-up by region-code prefix: province, city, county", arguments: TestDatabases.locations)
    func rollup_regions(_ kind: String) async throws {
        try await withAPI(kind) { client, _ async throws in
            _ = try await Self.load(client)
            let province = try await client.call(.get, "/api/v1/regions/510000/indicators?year=2023")
            #expect(Self.close((province.json.object["totals"] as? [String: Any])?["co2e_t"], Self.d + Self.e))
            let cities = try #require(province.json.object["by_child"] as? [[String: Any]])
            #expect(cities.map { $0["key"] as? String } == ["510100", "510700"])
            #expect(Self.close(cities[0]["co2e_t"], Self.d))
            let chengdu = try await client.call(.get, "/api/v1/regions/5101/indicators?year=2023")
            #expect(Self.close((chengdu.json.object["totals"] as? [String: Any])?["co2e_t"], Self.d))
            let county = try await client.call(.get, "/api/v1/regions/510703/indicators?year=2023&scope2=market")
            #expect(Self.close((county.json.object["totals"] as? [String: Any])?["co2e_t"], 1000 * 0.6096))
            #expect(try await client.call(.get, "/api/v1/regions/99/indicators?year=2023").status == .notFound)
        }
    }

    @Test("indicator errors: year required, no inventory is a conflict, bad approach")
    func rollup_errors() async throws {
        try await withAPI("sqlite") { client, _ async throws in
            let id = ids(try await client.call(.post, "/api/v1/units", json: treeJSON).json)
            #expect(try await client.call(.get, "/api/v1/units/\(id["G"]!)/indicators").status == .badRequest)
            #expect(try await client.call(.get, "/api/v1/units/\(id["G"]!)/indicators?year=2023").status == .conflict)
            #expect(
                try await client.call(.get, "/api/v1/units/\(id["G"]!)/indicators?year=2023&approach=both").status
                    == .badRequest)
        }
    }

    @Test("inventories: versions, staleness, lines with lineage and cited factors", arguments: TestDatabases.locations)
    func inventories_lifecycle(_ kind: String) async throws {
        try await withAPI(kind) { client, _ async throws in
            let id = try await Self.load(client)
            let list = try await client.call(.get, "/api/v1/inventories?unit_id=\(id["S"]!)&year=2023")
            let inventory = try #require(list.json.items.first)
            #expect(inventory["version"] as? Int == 1)
            #expect(inventory["stale"] as? Bool == false)
            #expect(Self.close(inventory["co2e_t"], Self.d + Self.e))
            let inventoryID = inventory["id"] as! Int
            let lines = try await client.call(.get, "/api/v1/inventories/\(inventoryID)/lines")
            let first = try #require((lines.json.object["lines"] as? [[String: Any]])?.first)
            #expect(
                (first["factors"] as? [[String: Any]])?.compactMap { $0["id"] as? String }.contains("FUEL15-045")
                    == true)
            let factors = try #require(lines.json.object["factors"] as? [[String: Any]])
            #expect(
                factors.contains {
                    $0["factor_id"] as? String == "GRID-113"
                        && ($0["source"] as? String)?.contains("公告2025年第47号") == true
                })
            // New data for 2023 marks the inventory stale; recomputing makes version 2.
            let more = #"{"unit_code": "E2", "period": "2023-03", "item": "热力", "quantity": 100, "uom": "GJ"}"#
            #expect(try await client.call(.post, "/api/v1/activity-records", json: more).status == .created)
            #expect(
                try await client.call(.get, "/api/v1/inventories/\(inventoryID)").json.object["stale"] as? Bool == true)
            let again = try await client.call(
                .post, "/api/v1/inventories", json: #"{"unit_id": \#(id["S"]!), "year": 2023}"#)
            #expect(again.json.object["version"] as? Int == 2)
            #expect(Self.close(again.json.object["co2e_t"], Self.d + Self.e + 11))
            let bad = try await client.call(
                .post, "/api/v1/inventories", json: #"{"unit_id": \#(id["S"]!), "year": 2023, "gwp": "AR9"}"#)
            #expect(bad.status == .unprocessableContent)
            #expect(
                try await client.call(.post, "/api/v1/inventories", json: #"{"unit_id": 999, "year": 2023}"#).status
                    == .notFound)
            #expect(try await client.call(.get, "/api/v1/inventories/999/lines").status == .notFound)
        }
    }

    @Test(
        "records: bad batch is 422 with row and field, nothing written; list and delete",
        arguments: TestDatabases.locations)
    func records_validationAndDelete(_ kind: String) async throws {
        try await withAPI(kind) { client, _ async throws in
            let id = ids(try await client.call(.post, "/api/v1/units", json: treeJSON).json)
            let bad = """
                [{"unit_code": "F1", "period": "2023-01", "item": "柴油", "quantity": 10, "uom": "t"},
                 {"unit_code": "F1", "period": "2023-13", "item": "柴由", "quantity": -1, "uom": "t"},
                 {"unit_code": "NOPE", "period": "2023-01", "item": "柴油", "quantity": 1, "uom": "t"}]
                """
            let (status, json) = try await client.call(
                .post, "/api/v1/activity-records", json: bad, headers: [.acceptLanguage: "en"])
            #expect(status == .unprocessableContent)
            let issues = ((json.object["error"] as? [String: Any])?["issues"] as? [[String: Any]]) ?? []
            #expect(
                issues.map { "\($0["row"] as? Int ?? 0) \($0["field"] as? String ?? "")" } == [
                    "2 period", "2 item", "2 quantity", "3 unit",
                ])
            #expect(try await client.call(.get, "/api/v1/units/\(id["S"]!)/activity-records").json.items.isEmpty)
            let good = try await client.call(.post, "/api/v1/activity-records", json: Self.activity)
            let recordIDs = try #require(good.json.object["ids"] as? [Int])
            #expect(
                try await client.call(.get, "/api/v1/units/\(id["E1"]!)/activity-records?year=2023").json.items.count
                    == 1)
            #expect(try await client.call(.delete, "/api/v1/activity-records/\(recordIDs[0])").status == .noContent)
            #expect(try await client.call(.delete, "/api/v1/activity-records/\(recordIDs[0])").status == .notFound)
            let econ = try await client.call(
                .post, "/api/v1/economic-records", json: #"[{"unit_code": "F1", "period": "2023", "price_index": 0}]"#)
            #expect(econ.status == .unprocessableContent)
            let added = try await client.call(.post, "/api/v1/economic-records", json: Self.economic)
            #expect(try await client.call(.get, "/api/v1/units/\(id["G"]!)/economic-records").json.items.count == 3)
            let econIDs = try #require(added.json.object["ids"] as? [Int])
            #expect(try await client.call(.delete, "/api/v1/economic-records/\(econIDs[0])").status == .noContent)
        }
    }

    @Test("factor sets: upload, refuse a bad or duplicate one, use it, delete it", arguments: TestDatabases.locations)
    func factorSets_lifecycle(_ kind: String) async throws {
        try await withAPI(kind) { client, _ async throws in
            let id = try await Self.load(client)
            let csv =
                "id,kind,item,region,variant,year,value,unit,grade,source\\nOWN-1,grid_average,electricity,51,,2023,0.2,tCO2/MWh,S,direct supply contract\\n"
            let created = try await client.call(
                .post, "/api/v1/factor-sets", json: #"{"name": "supplier", "csv": "\#(csv)"}"#)
            #expect(created.status == .created)
            #expect(created.json.object["entry_count"] as? Int == 1)
            #expect(
                try await client.call(.post, "/api/v1/factor-sets", json: #"{"name": "supplier", "csv": "\#(csv)"}"#)
                    .status == .conflict)
            let bad = try await client.call(
                .post, "/api/v1/factor-sets", json: #"{"name": "bad", "csv": "id,kind\\nX,colour\\n"}"#)
            #expect(bad.status == .unprocessableContent)
            #expect(try await client.call(.get, "/api/v1/factor-sets").json.items.count == 1)
            let again = try await client.call(
                .post, "/api/v1/inventories", json: #"{"unit_id": \#(id["S"]!), "year": 2023}"#)
            #expect(Self.close(again.json.object["co2e_t"], Self.d + 200))
            let setID = created.json.object["id"] as! Int
            #expect(try await client.call(.delete, "/api/v1/factor-sets/\(setID)").status == .noContent)
            #expect(try await client.call(.delete, "/api/v1/factor-sets/\(setID)").status == .notFound)
        }
    }
}

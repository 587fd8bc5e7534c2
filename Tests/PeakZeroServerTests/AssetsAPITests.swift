import Foundation
import Persistence
import HummingbirdTesting
import PersistenceTestSupport
import Testing

@testable import PeakZeroServer

/// Projects, the curve, the ledger and the board through the API, on the small tree (F1 in
/// Chengdu, 510104; E2 in 510703): figures by hand from the bundled factors.
@Suite("API: projects, assets and compliance")
struct AssetsAPITests {
    static func project(_ code: String, capex: Double, benefit: Double, mwh: Double, interacts: String = "") -> String {
        """
        {"code": "\(code)", "name": "\(code) retrofit", "type": "efficiency", "first_year": 2023, "lifetime_years": 10,
         "capex": \(capex), "yearly_opex": 0, "yearly_benefit": \(benefit),
         "savings": [{"item": "电力", "quantity": \(mwh), "unit": "MWh"}], "interacts_with": [\(interacts)]}
        """
    }

    @Test("a project's savings and economics; bad projects answer 422 naming each field, in the reader's language")
    func projects() async throws {
        try await withAPI("sqlite") { client, _ in
            let units = try await RollupAPITests.load(client)
            let f1 = units["F1"]!
            let saved = try await client.call(
                .post, "/api/v1/units/\(f1)/projects", json: Self.project("A", capex: 100, benefit: 20, mwh: 1000))
            #expect(saved.status == .created)
            let planned = saved.json.object["figures"] as? [String: Any]
            let savings = planned?["planned"] as? [String: Any]
            // 1000 MWh × 0.1564 tCO2/MWh (Sichuan 2023) = 156.4 t; 1000 MWh × 0.1229 = 122.9 tce (当量值).
            #expect(abs((savings?["co2e_location_t"] as? Double ?? 0) - 156.4) < 1e-9)
            #expect(abs((savings?["tce_calorific"] as? Double ?? 0) - 122.9) < 1e-9)
            // NPV at 8 %: −100 + 20 × 6.7100814 = 34.2016 万元.
            #expect(abs((planned?["net_present_value"] as? Double ?? 0) - 34.201628) < 1e-5)
            #expect((savings?["lines"] as? [[String: Any]])?.first?["factors"] != nil)

            let bad = #"{"code": "B", "name": "x", "type": "magic", "first_year": 2023, "lifetime_years": -2, "capex": 1, "savings": [{"item": "电力", "quantity": 1, "unit": "t"}]}"#
            let zh = try await client.call(.post, "/api/v1/units/\(f1)/projects?lang=zh", json: bad)
            #expect(zh.status == .unprocessableContent)
            #expect((zh.json.object["error"] as? [String: Any])?["issues"] as? [[String: Any]] != nil)
            let issues = ((zh.json.object["error"] as? [String: Any])?["issues"] as? [[String: Any]]) ?? []
            #expect(issues.compactMap { $0["field"] as? String } == ["type"])
            #expect((issues.first?["message"] as? String)?.hasPrefix("type：须为以下之一") == true)
            var fixed = bad.replacingOccurrences(of: "magic", with: "efficiency")
            let en = try await client.call(.post, "/api/v1/units/\(f1)/projects?lang=en", json: fixed)
            let enIssues = ((en.json.object["error"] as? [String: Any])?["issues"] as? [[String: Any]]) ?? []
            #expect(enIssues.compactMap { $0["field"] as? String } == ["lifetime_years", "savings[1].unit"])
            fixed = "{}"
            #expect(try await client.call(.post, "/api/v1/units/\(f1)/projects", json: fixed).status == .unprocessableContent)
            let listed = try await client.call(.get, "/api/v1/units/\(units["S"]!)/projects")
            #expect(listed.json.items.count == 1)
        }
    }

    @Test("the curve sorts by levelised cost, warns of money-saving blocks, and closes a gap")
    func curve() async throws {
        try await withAPI("sqlite") { client, _ in
            let units = try await RollupAPITests.load(client)
            let f1 = units["F1"]!
            // A pays for itself (benefit 20 a year on 100); B costs; C interacts with B.
            for body in [
                Self.project("A", capex: 100, benefit: 20, mwh: 1000),
                Self.project("B", capex: 100, benefit: 0, mwh: 1000),
                Self.project("C", capex: 300, benefit: 0, mwh: 1000, interacts: #""B""#),
            ] {
                #expect(try await client.call(.post, "/api/v1/units/\(f1)/projects", json: body).status == .created)
            }
            let curve = try await client.call(.get, "/api/v1/units/\(units["G"]!)/abatement-curve?gap=200")
            let blocks = curve.json.object["blocks"] as? [[String: Any]] ?? []
            #expect(blocks.compactMap { $0["code"] as? String } == ["F1/A", "F1/B", "F1/C"])
            // B: 100 万元 ÷ (156.4 t × 6.7100814) = 0.095286 万元/t = 952.86 CNY/t.
            #expect(abs((blocks[1]["cost_yuan_per_t"] as? Double ?? 0) - 1_000_000 / (156.4 * 6.710081399)) < 1e-6)
            #expect(curve.json.object["negative_cost"] as? [String] == ["F1/A"])
            #expect(curve.json.object["interacting"] as? [[String]] == [["F1/B", "F1/C"]])
            let plan = curve.json.object["plan"] as? [String: Any]
            #expect(plan?["projects"] as? [String] == ["F1/A", "F1/B"])
            #expect(abs((plan?["remaining_t"] as? Double ?? 1)) < 1e-9)
            #expect(try await client.call(.get, "/api/v1/units/\(f1)/abatement-curve?rate=7").status == .badRequest)
            // A gap no province has: infinite, not a number, or beyond any figure PeakZero stores.
            for gap in ["inf", "nan", "1e300"] {
                #expect(
                    try await client.call(.get, "/api/v1/units/\(f1)/abatement-curve?gap=\(gap)").status == .badRequest,
                    "\(gap)")
            }
        }
    }

    @Test("a ledger's entries page by cursor, newest day first, each once; an entry added meanwhile shifts nothing")
    func ledgerPages() async throws {
        try await withAPI("sqlite") { client, _ in
            let units = try await RollupAPITests.load(client)
            let e2 = units["E2"]!
            // Seven buys over five days, two days with two entries: the order is by day, then as entered.
            for (day, quantity) in [(3, 1), (1, 2), (5, 3), (3, 4), (2, 5), (4, 6), (1, 7)] {
                let buy = #"{"day": "2023-02-0\#(day)", "action": "buy", "kind": "cea", "vintage": 2022, "quantity": \#(quantity)}"#
                #expect(try await client.call(.post, "/api/v1/units/\(e2)/assets/events", json: buy).status == .created)
            }
            let path = "/api/v1/units/\(units["S"]!)/assets/events"
            let whole = try await client.call(.get, path)
            let all = whole.json.items.compactMap { ($0["event"] as? [String: Any])?["quantity"] as? Int }
            #expect(all == [3, 6, 4, 1, 5, 7, 2])
            #expect(whole.json.object["total"] as? Int == 7 && whole.json.object["next_cursor"] is NSNull)
            var seen: [Int] = []
            var cursor: String?
            repeat {
                let page = try await client.call(.get, path + "?limit=3" + (cursor.map { "&cursor=\($0)" } ?? ""))
                #expect(page.status == .ok)
                seen += page.json.items.compactMap { ($0["event"] as? [String: Any])?["quantity"] as? Int }
                cursor = page.json.object["next_cursor"] as? String
                if seen.count == 3 {
                    let late = #"{"day": "2023-02-06", "action": "buy", "kind": "cea", "vintage": 2022, "quantity": 9}"#
                    #expect(try await client.call(.post, "/api/v1/units/\(e2)/assets/events", json: late).status == .created)
                }
            } while cursor != nil && seen.count <= 8
            #expect(seen == all)
            for bad in ["x", "3", "1.0", "a.b"] {
                #expect(try await client.call(.get, path + "?cursor=\(bad)").status == .badRequest, "\(bad)")
            }
        }
    }

    @Test("the ledger refuses an oversale with the holding named; balances and values on a date")
    func ledger() async throws {
        try await withAPI("sqlite") { client, _ in
            let units = try await RollupAPITests.load(client)
            let e2 = units["E2"]!
            let buy = #"{"day": "2023-02-01", "action": "buy", "kind": "cea", "vintage": 2022, "quantity": 500, "price": 58}"#
            #expect(try await client.call(.post, "/api/v1/units/\(e2)/assets/events", json: buy).status == .created)
            let sell = #"{"day": "2023-03-01", "action": "sell", "kind": "cea", "vintage": 2022, "quantity": 600}"#
            let refused = try await client.call(.post, "/api/v1/units/\(e2)/assets/events?lang=en", json: sell)
            #expect(refused.status == .unprocessableContent)
            let message = (((refused.json.object["error"] as? [String: Any])?["issues"] as? [[String: Any]])?.first?["message"] as? String) ?? ""
            #expect(message == "quantity: on 2023-03-01 the account holds 500 of cea:2022, less than 600; a balance cannot go negative")
            let price = #"{"kind": "cea", "day": "2023-01-31", "price": 60.5, "source": "exchange close"}"#
            #expect(try await client.call(.post, "/api/v1/asset-prices", json: price).status == .noContent)
            let held = try await client.call(.get, "/api/v1/units/\(units["S"]!)/assets?date=2023-12-31")
            let holdings = held.json.object["holdings"] as? [[String: Any]] ?? []
            #expect(holdings.first?["quantity"] as? Int == 500)
            #expect(held.json.object["total_value_yuan"] as? Double == 30_250)
            let before = try await client.call(.get, "/api/v1/units/\(units["S"]!)/assets?date=2023-01-31")
            #expect((before.json.object["holdings"] as? [[String: Any]])?.isEmpty == true)
            #expect(try await client.call(.get, "/api/v1/units/\(e2)/assets?date=2023-13-01").status == .badRequest)
        }
    }

    @Test("an allocation by benchmark: refused without its rule record, then computed line by line on the board")
    func benchmarkAllocation() async throws {
        try await withAPI("sqlite") { client, _ in
            let units = try await RollupAPITests.load(client)
            let e2 = units["E2"]!
            let year = #"{"sector": "power", "outputs": [{"output": "electricity_supplied", "quantity": 2000, "correction": 1.1, "correction_source": "air cooling (fictional)"}]}"#
            let refused = try await client.call(.put, "/api/v1/units/\(e2)/compliance/2023?lang=en", json: year)
            #expect(refused.status == .unprocessableContent)
            let issues = ((refused.json.object["error"] as? [String: Any])?["issues"] as? [[String: Any]]) ?? []
            #expect(issues.compactMap { $0["field"] as? String } == ["outputs[1].output"])
            let rule = #"{"id": "T-BENCH", "sectors": ["power"], "first_year": 2023, "parameter": "benchmark", "value": "0.85", "source": "a test's own figure", "output": "electricity_supplied"}"#
            let added = try await client.call(.post, "/api/v1/market-rules", json: rule)
            #expect(added.status == .created && added.json.object["output"] as? String == "electricity_supplied")
            #expect(try await client.call(.put, "/api/v1/units/\(e2)/compliance/2023", json: year).status == .ok)
            let board = try await client.call(.get, "/api/v1/units/\(units["S"]!)/compliance?year=2023")
            let row = try #require((board.json.object["rows"] as? [[String: Any]])?.first)
            let benchmark = try #require(row["benchmark"] as? [String: Any])
            // 0.85 × 2000 × 1.1 = 1870 t.
            #expect(benchmark["total_t"] as? Int == 1870)
            let line = try #require((benchmark["lines"] as? [[String: Any]])?.first)
            #expect(line["rule"] as? String == "T-BENCH" && line["allowances_t"] as? Double == 1870)
        }
    }
}

/// The demo's first biogas plant is linked to its group's 2024 carbon cap: the cap's page says what
/// it saves against the cap's gap. Its cement line's waste-heat project carries out its company's measure.
@Suite("Pages: projects linked to targets and measures")
struct TargetProjectsPageTests {
    @Test("the group's cap lists the biogas plant, its saving, and how much of the gap it closes")
    func linked() async throws {
        try await withDemoAPI { client, database in
            let group = try await UnitStore(database).unit(code: "DEMO-G3")
            let cap = try #require(try await TargetStore(database).list(scope: .everything, subject: .unit(group.id)).first)
            let html = try await client.execute(uri: "/targets/\(cap.id)?lang=en", method: .get) { String(buffer: $0.body) }
            #expect(html.contains("Linked reduction projects"))
            #expect(html.contains("BG-01"))
            // 46,000.8 tCO2e a year (see the demo's seed-figure test), shown as an amount.
            #expect(html.contains("46.00 k tCO2e"))
            #expect(html.contains("Linked projects operating by 2024 save 46.00 k tCO2e a year"))
        }
    }

    @Test("the cement company's measure lists the waste-heat project, whose page names the measure")
    func measureProjects() async throws {
        try await withDemoAPI { client, database in
            let company = try await UnitStore(database).unit(code: "DEMO-G2-E3")
            let measures = try await WebPagesTests.page(client, "/units/\(company.id)/measures?lang=en")
            #expect(measures.html.contains("熟料线余热发电（虚构）") && measures.html.contains("WH-01 熟料线纯低温余热发电（虚构）"))
            let line = try await UnitStore(database).unit(code: "DEMO-G2-E3-F1")
            let project = try #require(try await ProjectStore(database).project(unitID: line.id, code: "WH-01"))
            let page = try await WebPagesTests.page(client, "/projects/\(project.id)?lang=en")
            #expect(page.html.contains("<dt>measure carried out</dt><dd>熟料线余热发电（虚构）</dd>"))
            // The form offers the line's measures and its company's.
            let form = try await WebPagesTests.page(client, "/units/\(line.id)/projects?lang=en")
            #expect(form.html.contains(">熟料线余热发电（虚构）</option>"))
        }
    }
}

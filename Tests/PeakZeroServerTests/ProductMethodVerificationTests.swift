import Foundation
import HummingbirdTesting
import Persistence
import PersistenceTestSupport
import Testing

@testable import PeakZeroServer

/// A project's M&V by the product method of GB/T 13234, through the API and the project page's form
/// (figures: the published example of ProductUnitSavingsTests, 0.4 → 0.38 tce per unit on 78,000
/// units = 1,560 tce, counted as bituminous coal at 2.608352 tCO2 per tce = 4,069.03 t).
@Suite("Verifications by the product method")
struct ProductMethodVerificationTests {
    @Test("the API keeps the method's figures and counts the saving as tce of its coal; bad figures are named")
    func api() async throws {
        try await withAPI("sqlite") { client, _ in
            let units = try await RollupAPITests.load(client)
            let saved = try await client.call(
                .post, "/api/v1/units/\(units["F1"]!)/projects",
                json: AssetsAPITests.project("A", capex: 100, benefit: 20, mwh: 1000))
            let id = try #require((saved.json.object["project"] as? [String: Any])?["id"] as? Int)
            let body = #"""
                {"year": 2024, "option": "C", "baseline": "2023 年全厂计量",
                 "product_unit": {"products": [{"name": "熟料", "baseline_per_unit": 0.4, "reporting_per_unit": 0.38, "reporting_output": 78000, "unit": "t"}]}}
                """#
            let kept = try await client.call(.post, "/api/v1/projects/\(id)/verifications", json: body)
            #expect(kept.status == .created)
            let savings = kept.json.object["savings"] as? [[String: Any]]
            #expect(savings?.first?["item"] as? String == "烟煤" && savings?.first?["unit"] as? String == "tce")
            #expect(abs((savings?.first?["quantity"] as? Double ?? 0) - 1_560) < 1e-9)
            let method = kept.json.object["product_unit"] as? [String: Any]
            #expect((method?["products"] as? [[String: Any]])?.first?["reporting_output"] as? Double == 78_000)
            // The year's measured figures: 1,560 tce × 2.608352 = 4,069.03 tCO2.
            let page = try await client.call(.get, "/api/v1/projects/\(id)")
            let verified = (page.json.object["figures"] as? [String: Any])?["verified"] as? [String: Any]
            #expect(abs((verified?["co2e_location_t"] as? Double ?? 0) - 1_560 * 29.307 * 0.0261 * 0.93 * 44 / 12) < 1e-6)

            let bad = #"""
                {"year": 2024, "option": "C", "baseline": "x", "savings": [{"item": "电力", "quantity": 1, "unit": "MWh"}],
                 "product_unit": {"carrier": "电力", "products": [{"name": "熟料", "baseline_per_unit": 0.4, "reporting_output": 0}]}}
                """#
            let refused = try await client.call(.post, "/api/v1/projects/\(id)/verifications?lang=en", json: bad)
            #expect(refused.status == .unprocessableContent)
            let issues = ((refused.json.object["error"] as? [String: Any])?["issues"] as? [[String: Any]]) ?? []
            #expect(
                issues.compactMap { $0["field"] as? String } == [
                    "product_unit.products[1].reporting_per_unit", "product_unit.products[1].reporting_output",
                    "product_unit.carrier", "savings",
                ])
        }
    }

    @Test("the page's form reads one product a line, shows the method in the history, and names an unreadable figure")
    func page() async throws {
        try await withAPI("sqlite") { client, database in
            let units = try await RollupAPITests.load(client)
            let saved = try await client.call(
                .post, "/api/v1/units/\(units["F1"]!)/projects",
                json: AssetsAPITests.project("A", capex: 100, benefit: 20, mwh: 1000))
            let id = try #require((saved.json.object["project"] as? [String: Any])?["id"] as? Int)
            let cookie = try #require(
                try await SignInTests.signIn(client, password: TestAccounts.adminPassword, cookie: nil).cookie)
            let form = try await SignInTests.get(client, "/projects/\(id)?lang=en", cookie: cookie)
            let token = try #require(WebPagesTests.matches(of: #"name="csrf" value="([^"]+)""#, in: form.html).first)
            let action = "/projects/\(id)/verifications?lang=en"
            let unreadable = try await SignInTests.post(
                client, action,
                ["csrf": token, "year": "2024", "option": "C", "baseline": "2023", "products": "熟料, 0.4, abc, 78000, t"],
                cookie: cookie)
            #expect(unreadable.status == .unprocessableContent)
            #expect(unreadable.html.contains("product_unit.products[1].reporting_per_unit"))
            #expect(try await ProjectStore(database).verifications(of: [Int64(id)])[Int64(id)] == nil)
            let kept = try await SignInTests.post(
                client, action,
                [
                    "csrf": token, "year": "2024", "option": "C", "baseline": "2023 metering",
                    "products": "熟料，0.4，0.38，78000，t\n水泥\t0.1\t0.1\t5000", "carrier": "无烟煤",
                ], cookie: cookie)
            #expect(kept.status == .seeOther)
            let stored = try #require(try await ProjectStore(database).verifications(of: [Int64(id)])[Int64(id)]?.first)
            #expect(stored.productUnit?.products.count == 2 && stored.productUnit?.carrier == "无烟煤")
            #expect(stored.savings.first?.item == "无烟煤")
            let page = try await SignInTests.get(client, "/projects/\(id)?lang=en", cookie: cookie)
            #expect(page.html.contains("GB/T 13234 product method: 熟料 0.4 → 0.38 × 78000 t; 水泥 0.1 → 0.1 × 5000"))
        }
    }
}

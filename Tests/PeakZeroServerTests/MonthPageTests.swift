import Accounting
import Foundation
import HTTPTypes
import HummingbirdTesting
import Persistence
import PersistenceTestSupport
import Testing

@testable import PeakZeroServer

/// The reporter's month (本月填报), done through the pages alone as a facility's reporter would:
/// an empty month, what last year had, a record added, the period submitted, the inventory computed.
@Suite("The reporter's month")
struct MonthPageTests {
    @Test("from an empty month to a submitted one, then the year's inventory one click away")
    func emptyToSubmitted() async throws {
        try await TestDatabases.withDemoDatabase { database async throws in
            let facility = try await UnitStore(database).unit(code: "DEMO-G2-E1-F1")
            let accounts = AccountStore(database, cost: 4)
            let reporter = try await accounts.create(
                name: "reporter", password: "a long password", grants: [RoleGrant(role: .reporter, unitID: facility.id)])
            let token = try await accounts.makeToken(for: reporter, name: "t").secret
            // 15 March 2025: February is the month due; the demo's data end in 2024.
            try await withSignedInApp(database, token: token, clock: DemoPageSnapshotTests.clock) { client, _ in
                func get(_ uri: String) async throws -> String {
                    try await client.execute(uri: uri, method: .get) {
                        #expect($0.status == .ok, "\(uri)")
                        return String(buffer: $0.body)
                    }
                }
                // The data menu opens the month.
                let overview = try await get("/?lang=zh")
                #expect(overview.contains("<a href=\"/data/month?lang=zh\""))
                let empty = try await get("/data/month?lang=zh")
                #expect(empty.contains("本月填报 · \(facility.name) · 2025-02"))
                #expect(empty.contains("本期尚无记录"))
                #expect(!empty.contains("提交本期数据"), "nothing to submit yet")
                // Last February's items are listed as still to come, with last year's amounts.
                let lastFebruary = try await ActivityStore(database).list(under: facility.id, year: 2024)
                    .filter { $0.unitId == facility.id && $0.month == 2 }
                let expected = try #require(lastFebruary.first)
                let name = try #require(ItemCatalog.bundled.item(code: expected.item)).name(in: .zh)
                let missing = try #require(empty.components(separatedBy: "去年同期有、本期尚缺的项目").last)
                #expect(missing.contains("<th scope=\"row\">\(name)</th>"))
                // The unit of measure is chosen from a list; each option names the items it fits.
                #expect(empty.contains("<select id=\"month-uom\" name=\"uom\" required>"))
                #expect(empty.contains("data-items=\"") && empty.contains(" \(expected.item)"))

                // A record added from the month's form comes back to the month.
                let saved = try await WebDataPagesTests.post(
                    client, "/data/activity?lang=zh",
                    [
                        "unit": facility.code, "period": "2025-02", "item": expected.item,
                        "quantity": WebNumbers.plain(expected.quantity), "uom": expected.uom, "category": "",
                        "return": "month",
                    ])
                #expect(saved.status == .seeOther)
                #expect(saved.location == "/data/month?unit=\(facility.id)&period=2025-02&lang=zh")
                let filled = try await get(try #require(saved.location))
                #expect(filled.contains("活动数据条数</dt><dd>1</dd>"))
                #expect(!filled.contains("<th scope=\"row\">\(name)</th><td>"), "no longer missing")
                #expect(filled.contains("提交本期数据"))

                // Submitted from the month: the state shows there, and the form is closed.
                let submitted = try await WebDataPagesTests.post(
                    client, "/units/\(facility.id)/periods/2025-02/submit?lang=zh", ["return": "month"])
                #expect(submitted.status == .seeOther)
                let after = try await get(try #require(submitted.location))
                #expect(after.contains("已提交") && !after.contains("id=\"month-item\""))
                let february = try #require(ReportingPeriod(parsing: "2025-02"))
                #expect(try await ReviewStore(database).state(unitID: facility.id, period: february).status == .submitted)

                // The facility's 2025 page offers to compute the inventory the record lacks.
                let page = try await get("/units/\(facility.id)?year=2025&lang=zh")
                #expect(page.contains("该年份已有活动数据，但尚未计算清单"))
                let computed = try await WebDataPagesTests.post(
                    client, "/units/\(facility.id)/inventories/compute?lang=zh", ["year": "2025"])
                #expect(computed.status == .seeOther)
                let figures = try await get(try #require(computed.location))
                #expect(figures.contains("<section class=\"cards\"") && !figures.contains("该年份已有活动数据"))
                #expect(try await InventoryStore(database).list(unitID: facility.id, year: 2025).count == 1)
            }
        }
    }
}

extension MonthPageTests {
    @Test("a quarterly unit owes its quarter; its record from the month's form takes the month asked")
    func quarterlyUnit() async throws {
        try await TestDatabases.withDatabase("sqlite") { database async throws in
            try await UnitStore(database).create([
                NewUnit(code: "G", name: "Group", level: "group", regionCode: "510000"),
                NewUnit(
                    code: "Q", name: "Quarterly Q", level: "enterprise", parentCode: "G", regionCode: "510104",
                    reportingClass: "quarterly"),
            ])
            let unit = try await UnitStore(database).unit(code: "Q")
            try await withSignedInApp(database, clock: DemoPageSnapshotTests.clock) { client, _ in
                let page = try await client.execute(uri: "/data/month?period=2025-02&lang=en", method: .get) {
                    String(buffer: $0.body)
                }
                #expect(page.contains("Quarterly Q · 2025-Q1"))
                #expect(page.contains("<input type=\"hidden\" name=\"period\" value=\"2025-02\">"))
                let saved = try await WebDataPagesTests.post(
                    client, "/data/activity?lang=en",
                    ["unit": "Q", "period": "2025-02", "item": "diesel", "quantity": "2", "uom": "t", "category": "",
                     "return": "month"])
                #expect(saved.status == .seeOther)
                #expect(try await ActivityStore(database).list(under: unit.id, year: 2025).map(\.month) == [2])
            }
        }
    }
}

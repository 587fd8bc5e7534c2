import Accounting
import Foundation
import Hummingbird
import HummingbirdTesting
import Persistence
import PersistenceTestSupport
import Reports
import Spreadsheet
import Testing

@testable import PeakZeroServer

/// The climate section of the sustainability report and the supervisor's issued report: every
/// figure the stored inventory's (JSON, the page, the workbook opened in LibreOffice, the PDF), the
/// narrative kept as plain text with markup refused by section, an issued section frozen with its
/// words and numbers whatever changes after.
@Suite("Reports: the climate section and issuing every kind")
struct ClimateReportAPITests {
    static let d = RollupAPITests.d, e = RollupAPITests.e

    static func problems(_ answer: (status: HTTPResponse.Status, json: Any?)) -> [String] {
        (((answer.json.object["error"] as? [String: Any])?["issues"] as? [[String: Any]]) ?? []).compactMap {
            $0["field"] as? String
        }
    }

    /// A Scope 3 row of the supplier's figure for G's 2023, written as an import would.
    static func addScope3(_ tonnes: Double, unit: Int64, _ database: PeakZeroDatabase) async throws {
        var row = Scope3Activity(category: .purchasedGoodsAndServices)
        row.method = .supplierSpecific
        row.supplierTonnes = tonnes
        row.tier = .good
        try await AuditActor.$current.withValue(.commandLine(user: "tester")) {
            try await Scope3Store(database).write(
                [NewScope3Record(unitID: unit, year: 2023, activity: row, line: try Scope3Calculation.line(row, factor: nil).get())],
                provenance: RecordBatch(kind: "test"), superseding: [])
        }
    }

    @Test("the section's figures are the inventory's; the narrative is plain text, kept by section; issuing freezes both", arguments: TestDatabases.locations)
    func climateSection(_ kind: String) async throws {
        try await withAPI(kind) { client, database in
            let units = try await RollupAPITests.load(client)
            let g = units["G"]!
            let answer = try await client.call(.get, "/api/v1/units/\(g)/reports/climate?year=2023&lang=en")
            #expect(answer.status == .ok)
            let inventory = try #require(answer.json.object["inventory"] as? [String: Any])
            let total = try #require(inventory["total"] as? [String: Any])
            #expect(RollupAPITests.close(total["scope1_t"], Self.d))
            #expect(RollupAPITests.close(total["scope2_location_t"], Self.e))
            // GB/T 2589: 29,307 kJ per kgce, so 29.307 GJ per tce (the bundled STDCOAL-037).
            #expect(RollupAPITests.close(answer.json.object["energy_gj"], (14.571 + 122.9) * 29.307))
            // No reduction target on G: the base year is the first year an inventory covers it, with that
            // year's roll-up.
            let base = answer.json.object["base_year"] as? [String: Any]
            #expect(base?["year"] as? Int == 2022 && base?["chosen_by"] as? String == "first_inventory")
            let rollup2022 = try await RollupStore(database).rollup(.unit(id: Int64(g), approach: .control), year: 2022)
            #expect(RollupAPITests.close(base?["scope1_t"], rollup2022.totals.scope1.value(in: .tonneCO2e)))
            #expect(answer.json.object["green_power_share"] as? Double == 0)
            let index = answer.json.object["index"] as? [[String: Any]] ?? []
            #expect(index.first { $0["key"] as? String == "scope1" }?["ifrs_s2"] as? String == "29(a)(i)(1)")
            #expect(index.first { $0["key"] as? String == "energy" }?["gri"] as? String == "302-1-e")

            // Markup in one section: 422 naming it, nothing kept.
            let refused = try await client.call(
                .put, "/api/v1/units/\(g)/reports/climate/narrative?year=2023",
                json: #"{"governance": "The board", "strategy": "<script>alert(1)</script>"}"#)
            #expect(refused.status == .unprocessableContent)
            #expect(Self.problems(refused) == ["strategy"])
            #expect(try await ReportNarrativeStore(database).narrative(unitID: Int64(g), year: 2023) == ClimateNarrative())
            let saved = try await client.call(
                .put, "/api/v1/units/\(g)/reports/climate/narrative?year=2023",
                json: #"{"governance": "Board reviews twice a year.\nCosts < benefits & risks", "assurance": "Not assured."}"#)
            #expect(saved.status == .ok)
            let page = try await client.execute(
                uri: "/units/\(g)/reports/climate?year=2023&lang=en", method: .get, headers: [:]
            ) { (Int($0.status.code), String(buffer: $0.body)) }
            #expect(page.0 == 200)
            #expect(page.1.contains("<p>Costs &lt; benefits &amp; risks</p>"))
            #expect(page.1.contains(InventoryReportPage.tonnes(Self.d)))
            #expect(page.1.contains("IFRS S2 ¶29(a)(i)(1)"))
            #expect(page.1.contains("[To be written by the company]"), "the strategy is still to be written")

            // Issued, then the words, Scope 3 and the inventory change: the issued section does not.
            try await Self.addScope3(120, unit: Int64(g), database)
            let issued = try await client.call(.post, "/api/v1/units/\(g)/reports/climate/issue?year=2023&lang=en")
            #expect(issued.status == .created)
            #expect(issued.json.object["kind"] as? String == "climate")
            let id = try #require(issued.json.object["id"] as? Int)
            func kept() async throws -> (section: Data, newer: Bool?) {
                let answer = try await client.call(.get, "/api/v1/reports/\(id)")
                return (
                    try JSONSerialization.data(
                        withJSONObject: answer.json.object["climate"] ?? [:], options: [.sortedKeys]),
                    answer.json.object["newer_data"] as? Bool
                )
            }
            let before = try await kept()
            #expect(before.newer == false)
            let scope3 = ((try JSONSerialization.jsonObject(with: before.section) as? [String: Any])?["inventory"]
                as? [String: Any])?["scope3"] as? [String: Any]
            #expect(RollupAPITests.close(scope3?["upstream_tonnes"], 120))
            _ = try await client.call(
                .put, "/api/v1/units/\(g)/reports/climate/narrative?year=2023", json: #"{"governance": "Changed."}"#)
            try await Self.addScope3(30, unit: Int64(g), database)
            let after = try await kept()
            #expect(after.section == before.section, "the issued section changed")
            #expect(after.newer == true)
            let issuedPage = try await client.execute(uri: "/reports/\(id)?lang=en", method: .get, headers: [:]) {
                (Int($0.status.code), String(buffer: $0.body))
            }
            #expect(issuedPage.0 == 200 && issuedPage.1.contains("Board reviews twice a year."))
            #expect(!issuedPage.1.contains("Changed."))
            // The section's base year and chart, the inventory report's Scope 3, the menu's issued list.
            #expect(issuedPage.1.contains(#"<h3 id="base-year">"#) && issuedPage.1.contains("<svg"))
            let inventoryPage = try await client.execute(
                uri: "/units/\(g)/reports/inventory?year=2023&lang=en", method: .get, headers: [:]
            ) { String(buffer: $0.body) }
            #expect(inventoryPage.contains(#"<h2 id="scope3">"#) && inventoryPage.contains("150.000"))
            let menu = try await client.execute(uri: "/reports?lang=en", method: .get, headers: [:]) {
                String(buffer: $0.body)
            }
            #expect(menu.contains("/reports/\(id)?lang=en"), "the menu lists the issued section")
        }
    }

    @Test("the section's workbook, opened in LibreOffice, holds the same figures and words", .enabled(if: LibreOffice.isInstalled))
    func climateWorkbookInLibreOffice() async throws {
        try await withAPI("sqlite") { client, database in
            let units = try await RollupAPITests.load(client)
            let g = units["G"]!
            try await Self.addScope3(120, unit: Int64(g), database)
            _ = try await client.call(
                .put, "/api/v1/units/\(g)/reports/climate/narrative?year=2023", json: #"{"governance": "董事会每年审议。"}"#)
            let workbook = try await client.execute(
                uri: "/api/v1/units/\(g)/reports/climate?year=2023&format=xlsx&lang=zh", method: .get, headers: [:]
            ) { ($0.status, Data(buffer: $0.body)) }
            #expect(workbook.0 == .ok)
            let folder = try LibreOffice.folder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let ours = folder.appendingPathComponent("climate.xlsx")
            try workbook.1.write(to: ours)
            let resaved = try LibreOffice.convert(ours, to: "xlsx", in: folder.appendingPathComponent("out"))
            let book = try XLSXWorkbook(data: try Data(contentsOf: resaved))
            func number(_ cell: CellValue?) -> Double? {
                if case .number(let value) = cell { return value }
                return nil
            }
            let gases = try book.rows(sheet: "按温室气体")
            #expect(number(gases.last?.cells[2]).map { abs($0 - Self.d) < 1e-9 * Self.d } == true)
            let scope3 = try book.rows(sheet: "范围三")
            #expect(scope3.contains { $0.cells.count > 2 && $0.cells[1] == .text("范围三合计") && number($0.cells[2]) == 120 })
            let words = try book.rows(sheet: "文字说明")
            #expect(words.first?.cells == [.text("治理"), .text("董事会每年审议。")])
            let energy = try book.rows(sheet: "能源")
            let gj = number(energy.first { $0.cells.first == .text("组织内能源消耗(GJ)") }?.cells[1])
            #expect(gj.map { abs($0 - (14.571 + 122.9) * 29.307) < 1e-6 } == true)
            #expect(try book.rows(sheet: "索引").count == 16)
        }
    }

    @Test("the section's PDF: cover, contents, page numbers, the figures and the index in Chinese")
    func climatePDF() async throws {
        try await withAPI("sqlite") { client, _ in
            let units = try await RollupAPITests.load(client)
            let answer = try await client.execute(
                uri: "/api/v1/units/\(units["G"]!)/reports/climate?year=2023&format=pdf&lang=zh", method: .get,
                headers: [:]
            ) { ($0.status, Data(buffer: $0.body)) }
            #expect(answer.0 == .ok)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("peakzero-\(UUID()).pdf")
            try answer.1.write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let text = try ReportsAPITests.run("pdftotext", ["-layout", file.path, "-"])
            #expect(text.contains("应对气候变化"))
            #expect(text.contains("目录"))
            #expect(text.contains("【待公司填写】"))
            #expect(text.contains(InventoryReportPage.tonnes(Self.d)))
            #expect(text.contains("29(a)(i)(1)"))
            #expect(text.contains("第 2 页"))
        }
    }

    @Test("a supervisor issues its report as of a quarter's end; it shows again as issued", arguments: TestDatabases.locations)
    func supervisorIssued(_ kind: String) async throws {
        try await withAPI(kind) { client, _ in
            let units = try await RollupAPITests.load(client)
            let s = units["S"]!
            let issued = try await client.call(
                .post, "/api/v1/units/\(s)/reports/supervisor/issue?year=2023&as_of=2023-09-30&lang=en")
            #expect(issued.status == .created)
            #expect(issued.json.object["kind"] as? String == "supervisor")
            let id = try #require(issued.json.object["id"] as? Int)
            let kept = try await client.call(.get, "/api/v1/reports/\(id)")
            let report = try #require(kept.json.object["supervisor"] as? [String: Any])
            #expect((report["basis"] as? [String: Any])?["as_of"] as? String == "2023-09-30")
            let indicators = report["indicators"] as? [String: Any]
            #expect(RollupAPITests.close(indicators?["co2e_t"], Self.d + Self.e))
            #expect(kept.json.object["newer_data"] as? Bool == false)
            let bad = try await client.call(.post, "/api/v1/units/\(s)/reports/supervisor/issue?year=2023&as_of=Q3")
            #expect(bad.status == .badRequest)
            let page = try await client.execute(uri: "/reports/\(id)?lang=zh", method: .get, headers: [:]) {
                (Int($0.status.code), String(buffer: $0.body))
            }
            #expect(page.0 == 200 && page.1.contains("2023-09-30"))
            let workbook = try await client.execute(
                uri: "/api/v1/reports/\(id)?format=xlsx", method: .get, headers: [:]
            ) { ($0.status, Data(buffer: $0.body)) }
            #expect(workbook.0 == .ok && workbook.1.count > 1000)
        }
    }

    @Test("a region's supervisor's report: its indicators as the region's roll-up, by city, as of a day", arguments: TestDatabases.locations)
    func regionReport(_ kind: String) async throws {
        try await withAPI(kind) { client, database in
            _ = try await RollupAPITests.load(client)
            let answer = try await client.call(
                .get, "/api/v1/regions/510000/reports/supervisor?year=2023&as_of=2023-12-31&lang=en")
            #expect(answer.status == .ok)
            let rollup = try await RollupStore(database).rollup(.region(RegionPrefix("510000")!), year: 2023)
            let indicators = answer.json.object["indicators"] as? [String: Any]
            #expect(RollupAPITests.close(indicators?["co2e_t"], rollup.totals.emissions(.location).value(in: .tonneCO2e)))
            #expect(RollupAPITests.close(indicators?["co2e_t"], Self.d + Self.e))
            let children = answer.json.object["children"] as? [[String: Any]] ?? []
            #expect(children.count == rollup.byChild.count && children.count >= 2, "\(children)")
            let summed = children.compactMap { ($0["indicators"] as? [String: Any])?["co2e_t"] as? Double }.reduce(0, +)
            #expect(RollupAPITests.close(summed, Self.d + Self.e))
            #expect((answer.json.object["basis"] as? [String: Any])?["as_of"] as? String == "2023-12-31")
            #expect(try await client.call(.get, "/api/v1/regions/330000/reports/supervisor?year=2023").status == .conflict)
            let page = try await client.execute(
                uri: "/regions/510000/reports/supervisor?year=2023&lang=zh", method: .get, headers: [:]
            ) { (Int($0.status.code), String(buffer: $0.body)) }
            #expect(page.0 == 200 && page.1.contains("四川"))

            // Issued with the region; shown again as issued, with the region's current figures a link away.
            let issued = try await client.call(
                .post, "/api/v1/regions/510000/reports/supervisor/issue?year=2023&as_of=2023-12-31")
            #expect(issued.status == .created)
            let id = try #require(issued.json.object["id"] as? Int)
            let kept = try await client.call(.get, "/api/v1/reports/\(id)")
            #expect(kept.status == .ok && kept.json.object["unit_code"] as? String == "510000")
            #expect(kept.json.object["newer_data"] as? Bool == false)
            let keptIndicators = (kept.json.object["supervisor"] as? [String: Any])?["indicators"] as? [String: Any]
            #expect(RollupAPITests.close(keptIndicators?["co2e_t"], Self.d + Self.e))
            let issuedPage = try await client.execute(uri: "/reports/\(id)?lang=en", method: .get, headers: [:]) {
                (Int($0.status.code), String(buffer: $0.body))
            }
            #expect(issuedPage.0 == 200)
            let listed = try await IssuedReportStore(database).list(region: RegionPrefix("510000")!)
            #expect(listed.map(\.id) == [Int64(id)])
        }
    }
}

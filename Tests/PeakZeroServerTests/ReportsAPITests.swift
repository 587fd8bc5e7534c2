import Foundation
import Hummingbird
import HummingbirdTesting
import Persistence
import PersistenceTestSupport
import Spreadsheet
import Testing

@testable import PeakZeroServer

/// The GHG inventory report on the small tree (`RollupAPITests`): diesel d at F1 and grid
/// electricity e at E2 in 2023, output value 300 万元 at constant prices; every figure of the report
/// must be the stored inventory's.
@Suite("Reports: the GHG inventory report")
struct ReportsAPITests {
    static func close(_ a: Any?, _ b: Double) -> Bool { RollupAPITests.close(a, b) }

    @Test("the report's figures are the stored inventory's, in JSON, the workbook and the page", arguments: TestDatabases.locations)
    func inventoryReport(_ kind: String) async throws {
        try await withAPI(kind) { client, database in
            let units = try await RollupAPITests.load(client)
            let g = units["G"]!
            let answer = try await client.call(.get, "/api/v1/units/\(g)/reports/inventory?year=2023&lang=en")
            #expect(answer.status == .ok)
            let report = answer.json.object
            let total = try #require(report["total"] as? [String: Any])
            let d = RollupAPITests.d, e = RollupAPITests.e
            #expect(Self.close(total["scope1_t"], d))
            #expect(Self.close(total["scope2_location_t"], e))
            #expect(Self.close(total["scope2_market_t"], 1000 * 0.6096))
            #expect(Self.close(total["tce_calorific"], 14.571 + 122.9))
            // The stored inventory's own totals, read apart from the report.
            let basis = try #require(report["basis"] as? [String: Any])
            let stored = try await InventoryStore(database).inventory(id: Int64(try #require(basis["inventory_id"] as? Int)))
            #expect(Self.close(total["scope1_t"], stored.scope1T) && Self.close(total["tce_equivalent"], stored.tceEquivalent))
            #expect(basis["unit_code"] as? String == "G" && basis["year"] as? Int == 2023)
            // Each breakdown adds up to the total: by gas, by facility (E1 holds F1's diesel), by source.
            for key in ["by_gas", "by_facility", "by_source", "by_region"] {
                let parts = report[key] as? [[String: Any]] ?? []
                let scope1 = parts.compactMap { $0["scope1_t"] as? Double }.reduce(0, +)
                let scope2 = parts.compactMap { $0["scope2_location_t"] as? Double }.reduce(0, +)
                #expect(Self.close(scope1, d) && Self.close(scope2, e), "\(key): \(parts)")
            }
            let facilities = report["by_facility"] as? [[String: Any]] ?? []
            #expect(Set(facilities.compactMap { $0["key"] as? String }) == ["E1", "E2"])
            // G (510100), E1 and F1 (510104) are in Chengdu, E2 (510703) in Mianyang.
            let regions = report["by_region"] as? [[String: Any]] ?? []
            #expect(Set(regions.compactMap { $0["key"] as? String }) == ["5101", "5107"])
            let gases = report["by_gas"] as? [[String: Any]] ?? []
            #expect(gases.compactMap { $0["key"] as? String } == ["CO2"])
            // Intensity per 万元 of output value (100 + 220 ÷ 1.10 = 300).
            let intensities = report["intensities"] as? [[String: Any]] ?? []
            let output = try #require(intensities.first { $0["base"] as? String == "output_value" })
            #expect(Self.close(output["denominator_ten_thousand_yuan"], 300))
            #expect(Self.close(output["co2e_location_t_per_ten_thousand_yuan"], (d + e) / 300))
            let factors = report["factors"] as? [[String: Any]] ?? []
            #expect(factors.contains { ($0["source"] as? String)?.isEmpty == false })

            let workbook = try await client.execute(
                uri: "/api/v1/units/\(g)/reports/inventory?year=2023&format=xlsx&lang=zh", method: .get, headers: [:]
            ) { ($0.status, Data(buffer: $0.body)) }
            #expect(workbook.0 == .ok)
            let book = try XLSXWorkbook(data: workbook.1)
            let gasRows = try book.rows(sheet: "按温室气体")
            let totalRow = try #require(gasRows.last)
            guard case .number(let scope1) = totalRow.cells[2] else {
                Issue.record("the total's Scope 1 is no number")
                return
            }
            #expect(Self.close(scope1, d))

            let page = try await client.execute(
                uri: "/units/\(g)/reports/inventory?year=2023&lang=en", method: .get, headers: [:]
            ) { (Int($0.status.code), String(buffer: $0.body)) }
            #expect(page.0 == 200)
            #expect(page.1.contains(InventoryReportPage.tonnes(d)))
            #expect(page.1.contains(InventoryReportPage.tonnes(d + e)))
            #expect(page.1.contains("GB/T 32150-2015"))

            let none = try await client.call(.get, "/api/v1/units/\(g)/reports/inventory?year=2019")
            #expect(none.status == .conflict)
            #expect(try await client.call(.get, "/api/v1/units/\(g)/reports/inventory").status == .badRequest)
            let missingPage = try await client.execute(
                uri: "/units/\(g)/reports/inventory?year=2019&lang=zh", method: .get, headers: [:]
            ) { (Int($0.status.code), String(buffer: $0.body)) }
            #expect(missingPage.0 == 404 && missingPage.1.contains("该年度没有覆盖本单位的排放清单"))
        }
    }

    /// A program's standard output (`pdftotext`, `pdfinfo`, `pdffonts` from poppler-utils).
    static func run(_ program: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test("the PDF, printed by Chromium, has the cover, the contents, page numbers and the stored figures in Chinese")
    func inventoryReportPDF() async throws {
        try await withAPI("sqlite") { client, _ in
            let units = try await RollupAPITests.load(client)
            let answer = try await client.execute(
                uri: "/api/v1/units/\(units["G"]!)/reports/inventory?year=2023&format=pdf&lang=zh", method: .get,
                headers: [:]
            ) { ($0.status, $0.headers[.contentType] ?? "", Data(buffer: $0.body)) }
            #expect(answer.0 == .ok)
            #expect(answer.1 == "application/pdf")
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("peakzero-\(UUID()).pdf")
            try answer.2.write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let text = try Self.run("pdftotext", ["-layout", file.path, "-"])
            #expect(text.contains("温室气体排放报告"))
            #expect(text.contains("目录"))
            #expect(text.contains(InventoryReportPage.tonnes(RollupAPITests.d)))
            #expect(text.contains(InventoryReportPage.tonnes(RollupAPITests.d + RollupAPITests.e)))
            let info = try Self.run("pdfinfo", [file.path])
            let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
                .flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
            #expect(pages >= 3, "\(info)")
            // The cover has no number; the pages after it do, with the count.
            #expect(text.contains("第 2 页，共 \(pages) 页"), "\(text.suffix(400))")
            // Every font is embedded: no glyph is left to the reader's machine.
            let fonts = try Self.run("pdffonts", [file.path]).split(separator: "\n").dropFirst(2)
            #expect(!fonts.isEmpty && fonts.allSatisfy { $0.contains(" yes ") }, "\(fonts)")
        }
    }

    @Test("an issued report shows again exactly as issued after the data change, and says newer data exist", arguments: TestDatabases.locations)
    func issuedReportIsFrozen(_ kind: String) async throws {
        try await withAPI(kind) { client, _ in
            let units = try await RollupAPITests.load(client)
            let g = units["G"]!
            let issued = try await client.call(.post, "/api/v1/units/\(g)/reports/inventory/issue?year=2023&lang=en")
            #expect(issued.status == .created)
            let id = try #require(issued.json.object["id"] as? Int)
            func kept() async throws -> (report: Data, newer: Bool?) {
                let answer = try await client.call(.get, "/api/v1/reports/\(id)")
                let report = try JSONSerialization.data(
                    withJSONObject: answer.json.object["report"] ?? [:], options: [.sortedKeys])
                return (report, answer.json.object["newer_data"] as? Bool)
            }
            let before = try await kept()
            #expect(before.newer == false)
            let listed = try await client.call(.get, "/api/v1/units/\(g)/reports")
            #expect(listed.json.items.compactMap { $0["id"] as? Int } == [id])

            // More diesel at F1 in 2023, and the inventory computed again.
            let added = try await client.call(
                .post, "/api/v1/activity-records",
                json: #"[{"unit_code": "F1", "period": "2023-06", "item": "柴油", "quantity": 5, "uom": "t"}]"#)
            #expect(added.status == .created)
            let recomputed = try await client.call(
                .post, "/api/v1/inventories", json: #"{"unit_id": \#(units["S"]!), "year": 2023}"#)
            #expect(recomputed.status == .created)

            let after = try await kept()
            #expect(after.report == before.report, "the issued report's numbers changed")
            #expect(after.newer == true)
            let live = try await client.call(.get, "/api/v1/units/\(g)/reports/inventory?year=2023")
            let liveScope1 = (live.json.object["total"] as? [String: Any])?["scope1_t"] as? Double ?? 0
            #expect(Self.close(liveScope1, RollupAPITests.d * 1.5))
            let page = try await client.execute(uri: "/reports/\(id)?lang=en", method: .get, headers: [:]) {
                (Int($0.status.code), String(buffer: $0.body))
            }
            #expect(page.0 == 200)
            #expect(page.1.contains("Newer data exist"))
            #expect(page.1.contains(InventoryReportPage.tonnes(RollupAPITests.d)))
            #expect(!page.1.contains(InventoryReportPage.tonnes(RollupAPITests.d * 1.5)))
        }
    }

    @Test("the supervisor's report: the four indicators as the dashboard's, each child, targets with lights, overdue measures, completeness")
    func supervisorReport() async throws {
        try await withAPI("sqlite") { client, database in
            let w = try await AuthorizationMatrixTests.world(client, database)
            let g = w.units["G"]!
            let answer = try await client.call(.get, "/api/v1/units/\(g)/reports/supervisor?year=2023&lang=en")
            #expect(answer.status == .ok)
            let report = answer.json.object
            let indicators = try #require(report["indicators"] as? [String: Any])
            let d = RollupAPITests.d, e = RollupAPITests.e
            #expect(Self.close(indicators["co2e_t"], d + e))
            #expect(Self.close(indicators["energy_tce"], 14.571 + 122.9))
            #expect(Self.close(indicators["carbon_intensity"], (d + e) / 300))
            let previous = try #require(report["previous_year"] as? [String: Any])
            #expect(Self.close(previous["co2e_t"], RollupAPITests.lastYearDiesel))
            let children = report["children"] as? [[String: Any]] ?? []
            #expect(Set(children.compactMap { $0["code"] as? String }) == ["E1", "E2"])
            // The world's caps (1,000 tCO2e a year) on F1 and E2, two of each, judged as of today.
            let targets = report["targets"] as? [[String: Any]] ?? []
            #expect(targets.count == 4)
            #expect(targets.allSatisfy { ($0["light"] as? String).map { ["green", "yellow", "red", "unknown"].contains($0) } == true })
            // The world's measures end 2023-12-31 and are not done: overdue by now.
            let measures = report["overdue_measures"] as? [[String: Any]] ?? []
            #expect(Set(measures.compactMap { $0["unit_code"] as? String }) == ["F1", "E2"])
            let completeness = try #require(report["completeness"] as? [String: Any])
            #expect((completeness["periods"] as? Int ?? 0) > 0)

            let page = try await client.execute(
                uri: "/units/\(g)/reports/supervisor?year=2023&lang=zh", method: .get, headers: [:]
            ) { (Int($0.status.code), String(buffer: $0.body)) }
            #expect(page.0 == 200 && page.1.contains("监管报告") && page.1.contains("逾期措施"))
            #expect(page.1.contains(SupervisorReportPage.amount(d + e)))
            let pdf = try await client.execute(
                uri: "/api/v1/units/\(g)/reports/supervisor?year=2023&format=pdf&lang=zh", method: .get, headers: [:]
            ) { ($0.status, Data(buffer: $0.body)) }
            #expect(pdf.0 == .ok && pdf.1.starts(with: Array("%PDF".utf8)))
            let workbook = try await client.execute(
                uri: "/api/v1/units/\(g)/reports/supervisor?year=2023&format=xlsx&lang=en", method: .get, headers: [:]
            ) { Data(buffer: $0.body) }
            #expect(try XLSXWorkbook(data: workbook).rows(sheet: "Targets").count == 5)
        }
    }

    @Test("the reports' routes document the PDF they answer with format=pdf")
    func pdfIsDocumented() async throws {
        try await withAPI("sqlite") { client, _ in
            let document = try await client.call(.get, "/api/v1/openapi.json").json.object
            let paths = try #require(document["paths"] as? [String: Any])
            for path in ["/api/v1/reports/{id}", "/api/v1/units/{id}/reports/inventory", "/api/v1/units/{id}/reports/supervisor"] {
                let get = (paths[path] as? [String: Any])?["get"] as? [String: Any]
                let ok = (get?["responses"] as? [String: Any])?["200"] as? [String: Any]
                let content = ok?["content"] as? [String: Any] ?? [:]
                #expect(content["application/pdf"] != nil, "\(path): \(content.keys.sorted())")
            }
        }
    }
}

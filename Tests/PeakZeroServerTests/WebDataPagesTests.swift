import Accounting
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Persistence
import PersistenceTestSupport
import Spreadsheet
import Testing

@testable import PeakZeroServer

/// Records added, corrected and deleted through the forms: the same checks as the API, problems
/// beside their fields, nothing written until all is right, and no post accepted from another site.
@Suite("Web pages: data-entry forms")
struct WebDataPagesTests {
    static func post(
        _ client: any TestClientProtocol, _ uri: String, _ fields: [String: String], origin: String? = nil
    ) async throws -> (status: HTTPResponse.Status, html: String, location: String?) {
        let body = fields.map { "\($0.key)=\(SiteURL.encode($0.value))" }.joined(separator: "&")
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let origin { headers[.origin] = origin }
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body)) {
            ($0.status, String(buffer: $0.body), $0.headers[.location])
        }
    }

    @Test("an activity record: the form, a bad value shown beside its field, then saved, corrected and deleted")
    func activity() async throws {
        try await withDemoAPI { client, database in
            let facility = try await UnitStore(database).unit(code: "DEMO-G2-E1-F1")
            let form = try await WebPagesTests.page(client, "/data/activity/new?unit=\(facility.id)&lang=en")
            #expect(form.status == .ok && form.html.contains("New activity record"))
            #expect(form.html.contains("value=\"\(facility.code)\"") && form.html.contains("<option value=\"diesel\""))
            let before = try await ActivityStore(database).list(under: facility.id).count
            var fields = [
                "unit": facility.code, "period": "2025-02", "item": "diesel", "quantity": "-3", "uom": "t",
                "category": "",
            ]
            // A negative quantity and a non-number: each problem under its own field, in the page's language.
            let negative = try await Self.post(client, "/data/activity?lang=en", fields)
            #expect(negative.status == .unprocessableContent)
            #expect(negative.html.contains("Not saved"))
            #expect(Self.fieldError(negative.html, "quantity") != nil, "\(negative.html)")
            fields["quantity"] = "十二"
            let notNumber = try await Self.post(client, "/data/activity?lang=zh", fields)
            #expect(Self.fieldError(notNumber.html, "quantity")?.contains("十二") == true)
            #expect(notNumber.html.contains("value=\"十二\""))  // what was typed stays in the box
            fields["quantity"] = "12.5"
            fields["uom"] = "kWh-ish"
            let badUnit = try await Self.post(client, "/data/activity?lang=en", fields)
            #expect(Self.fieldError(badUnit.html, "uom") != nil)
            fields["uom"] = "t"
            fields["period"] = "2999-01"
            let future = try await Self.post(client, "/data/activity?lang=en", fields)
            #expect(Self.fieldError(future.html, "period") != nil)
            #expect(try await ActivityStore(database).list(under: facility.id).count == before)
            // Right: saved, and the browser is sent to the unit's records with a note.
            fields["period"] = "2025-02"
            let saved = try await Self.post(client, "/data/activity?lang=en", fields)
            #expect(saved.status == .seeOther)
            let location = try #require(saved.location)
            #expect(location.hasPrefix("/units/\(facility.id)/records?year=2025&saved="))
            let records = try await WebPagesTests.page(client, location)
            #expect(records.html.contains("saved") && records.html.contains("12.5 t"))
            let stored = try await ActivityStore(database).list(under: facility.id, year: 2025)
            #expect(stored.count == 1 && stored[0].quantity == 12.5)
            let batch = try #require(try await ActivityStore(database).batch(id: stored[0].batchId))
            #expect(batch.kind == "form")
            // Corrected: the edit form shows the record; the correction replaces it.
            let edit = try await WebPagesTests.page(client, "/data/activity/\(stored[0].id)/edit?lang=en")
            #expect(edit.html.contains("value=\"12.5\"") && edit.html.contains("<option value=\"diesel\" selected>"))
            fields["quantity"] = "13"
            let corrected = try await Self.post(client, "/data/activity/\(stored[0].id)?lang=en", fields)
            #expect(corrected.status == .seeOther)
            let after = try await ActivityStore(database).list(under: facility.id, year: 2025)
            #expect(after.count == 1 && after[0].quantity == 13)
            // Deleted.
            let deleted = try await Self.post(client, "/data/activity/\(after[0].id)/delete", [:])
            #expect(deleted.status == .seeOther)
            #expect(try await ActivityStore(database).list(under: facility.id, year: 2025).isEmpty)
            #expect(try await Self.post(client, "/data/activity/\(after[0].id)/delete", [:]).status == .notFound)
        }
    }

    @Test(
        "an economic record with a bad period, no value and a bad price index, then saved; 2024's inventories go stale")
    func economic() async throws {
        try await withDemoAPI { client, database in
            let enterprise = try await UnitStore(database).unit(code: "DEMO-G2-E1")
            var fields = ["unit": enterprise.code, "period": "2024-13", "output_value": "", "price_index": "0"]
            let bad = try await Self.post(client, "/data/economic?lang=en", fields)
            #expect(bad.status == .unprocessableContent)
            #expect(Self.fieldError(bad.html, "period") != nil)
            fields["period"] = "2024-06"
            let missing = try await Self.post(client, "/data/economic?lang=en", fields)
            #expect(Self.fieldError(missing.html, "output_value") != nil)
            #expect(Self.fieldError(missing.html, "price_index") != nil)
            fields["output_value"] = "1,200.5"
            fields["price_index"] = "102"
            fields["unit"] = enterprise.code
            let existing = try await EconomicStore(database).list(under: enterprise.id, year: 2024)
            let saved = try await Self.post(client, "/data/economic?lang=en", fields)
            #expect(saved.status == .seeOther)
            let now = try await EconomicStore(database).list(under: enterprise.id, year: 2024)
            #expect(now.count == existing.count + 1)
            #expect(now.contains { $0.month == 6 && $0.outputValue == 1200.5 && $0.priceIndex == 102 })
            // The inventories that count the enterprise (the supervisor's) go stale; the cement line's,
            // in another group, does not.
            let supervisor = try await UnitStore(database).unit(code: DemoProvince.supervisorCode)
            let cement = try await UnitStore(database).unit(code: "DEMO-G2-E3-F1")
            let inventories = try await InventoryStore(database).list(year: 2024)
            let counting = inventories.filter { $0.unitId == supervisor.id }
            #expect(!counting.isEmpty && counting.allSatisfy(\.stale))
            #expect(inventories.filter { $0.unitId == cement.id }.allSatisfy { !$0.stale })
        }
    }

    @Test("a post from another site is refused and writes nothing")
    func crossSite() async throws {
        try await withDemoAPI { client, database in
            let facility = try await UnitStore(database).unit(code: "DEMO-G2-E1-F1")
            let fields = [
                "unit": facility.code, "period": "2025-02", "item": "diesel", "quantity": "1", "uom": "t",
            ]
            let refused = try await Self.post(client, "/data/activity", fields, origin: "https://elsewhere.example")
            #expect(refused.status == .forbidden)
            #expect(try await ActivityStore(database).list(under: facility.id, year: 2025).isEmpty)
        }
    }

    /// The error shown under a field, if any.
    static func fieldError(_ html: String, _ field: String) -> String? {
        WebPagesTests.matches(of: "<p class=\"field-error\" id=\"field-\(field)-error\">([^<]*)</p>", in: html).first
    }
}

/// The import page: upload, the dry run's report with sheet/row/column, then the confirmation.
@Suite("Web pages: import")
struct WebImportPageTests {
    @Test("a file with errors is reported row by row and kept from import; a good one imports on confirmation")
    func importPage() async throws {
        try await withAPI("sqlite") { client, database in
            #expect(try await client.call(.post, "/api/v1/units", json: treeJSON).status == .created)
            let page = try await WebPagesTests.page(client, "/data/import?lang=en")
            #expect(page.status == .ok && page.html.contains("enctype=\"multipart/form-data\""))
            #expect(page.html.contains("/api/v1/templates/activity?format=xlsx&amp;lang=en"))
            let bad = Data("单位代码,期间,品种,数量,计量单位\nF1,2023-01,柴油,-1,t\nX9,2023-01,柴油,1,t\n".utf8)
            let refused = try await Self.upload(client, bad, name: "bad.csv", language: "en")
            #expect(refused.status == .unprocessableContent)
            let rows = WebPagesTests.matches(
                of: #"<tr><td></td><td>(\d+)</td><td>([A-Z]+) [^<]*</td>"#, in: refused.html)
            #expect(rows == ["2", "3"], "\(refused.html)")
            #expect(refused.html.contains("Dry run: nothing written; fix the errors above first."))
            #expect(!refused.html.contains("/data/import/confirm"))
            // A good file: the report, then the confirmation imports exactly it.
            let checked = try await Self.upload(client, IntakeAPITests.good, name: "good.csv", language: "zh")
            #expect(checked.status == .ok && checked.html.contains("试运行：未写入任何数据；可以正式导入。"))
            let hash = try #require(
                WebPagesTests.matches(of: #"name="hash" value="([0-9a-f]{64})""#, in: checked.html).first)
            let unit = try await UnitStore(database).unit(code: "F1")
            #expect(try await ActivityStore(database).list(under: unit.id).isEmpty)
            let fields = ["hash": hash, "name": "good.csv", "kind": "", "mode": "append"]
            let done = try await WebDataPagesTests.post(client, "/data/import/confirm?lang=en", fields)
            #expect(done.status == .ok && done.html.contains("Wrote 2 rows"))
            #expect(try await ActivityStore(database).list(under: unit.id).count == 1)
            // The waiting file is gone once imported; a second confirmation says so.
            let again = try await WebDataPagesTests.post(client, "/data/import/confirm?lang=en", fields)
            #expect(again.status == .gone && again.html.contains("upload it again"))
            let forged = try await WebDataPagesTests.post(
                client, "/data/import/confirm", ["hash": "../../etc/passwd", "name": "x.csv"])
            #expect(forged.status == .gone)
        }
    }

    @Test("the confirmation carries the kind and mode chosen with the upload")
    func confirmationKeepsChoices() async throws {
        try await withAPI("sqlite") { client, _ in
            #expect(try await client.call(.post, "/api/v1/units", json: treeJSON).status == .created)
            let checked = try await Self.upload(
                client, IntakeAPITests.good, name: "good.csv", language: "en",
                fields: ["kind": "activity", "mode": "replace"])
            #expect(checked.status == .ok)
            #expect(checked.html.contains("<input type=\"hidden\" name=\"kind\" value=\"activity\">"))
            #expect(checked.html.contains("<input type=\"hidden\" name=\"mode\" value=\"replace\">"))
        }
    }

    static func upload(
        _ client: any TestClientProtocol, _ file: Data, name: String, language: String, fields: [String: String] = [:],
        to path: String = "/data/import"
    ) async throws -> (status: HTTPResponse.Status, html: String) {
        var (body, headers) = IntakeAPITests.multipart(file, name: name)
        if !fields.isEmpty {
            // The choices go before the file, as a browser sends the form's fields in order.
            let boundary = "----peakzero-test-boundary"
            var buffer = ByteBuffer()
            for (field, value) in fields.sorted(by: { $0.key < $1.key }) {
                buffer.writeString(
                    "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"\r\n\r\n\(value)\r\n")
            }
            buffer.writeBuffer(&body)
            body = buffer
            headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        }
        return try await client.execute(
            uri: "\(path)?lang=\(language)", method: .post, headers: headers, body: body
        ) { ($0.status, String(buffer: $0.body)) }
    }
}

/// A covered unit's year set through the compliance form, by its outputs: refused beside the form
/// while no benchmark record exists, then shown on the board with the rule record it used.
@Suite("Web pages: the compliance form")
struct ComplianceFormPageTests {
    @Test("outputs without a benchmark are refused; with one, the board shows the allocation by benchmark")
    func benchmarkOutputs() async throws {
        try await withDemoAPI { client, database in
            let line = try await UnitStore(database).unit(code: "DEMO-G2-E3-F1")
            let fields = [
                "sector": "power", "year": "2023", "output_1": "electricity_supplied", "quantity_1": "1,000",
                "correction_1": "", "correction_source_1": "",
            ]
            let refused = try await WebDataPagesTests.post(client, "/units/\(line.id)/compliance?lang=en", fields)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.html.contains("outputs[1].output: no rule record gives a benchmark for “electricity_supplied”"))
            #expect(refused.html.contains("value=\"1,000\""))  // what was typed stays in the box
            try await AuditActor.$current.withValue(AuditActor(accountID: nil, name: "test")) {
                try await MarketRuleStore(database).add(
                    NewMarketRule(
                        id: "T-WEB", sectors: ["power"], firstYear: 2023, lastYear: 2023, parameter: "benchmark",
                        value: "0.9", source: "a test's own figure", output: "electricity_supplied"))
            }
            let saved = try await WebDataPagesTests.post(client, "/units/\(line.id)/compliance?lang=en", fields)
            #expect(saved.status == .seeOther)
            let board = try await WebPagesTests.page(client, "/units/\(line.id)/compliance?year=2023&lang=en")
            // 0.9 × 1,000 = 900 t, by benchmark, its line naming the record.
            #expect(board.html.contains("900 (by benchmark)"))
            #expect(board.html.contains("DEMO-G2-E3-F1 · electricity_supplied: 0.9 (T-WEB) × 1,000 = 900.0 t"))
        }
    }
}

/// The records page shows its rows a page at a time and links to the whole year as a workbook.
@Suite("Web pages: the records page's export")
struct RecordsExportPageTests {
    @Test("more records than a page shows: pages hold them all; the link exports the workbook")
    func exportLink() async throws {
        try await withDemoAPI { client, database in
            let root = try await UnitStore(database).unit(code: DemoProvince.supervisorCode)
            let page = try await WebPagesTests.page(client, "/units/\(root.id)/records?year=2024&lang=zh")
            // Five hundred a page: the pages together hold every record of the year once.
            let total = try await ActivityStore(database).list(under: root.id, year: 2024).count
            let pages = (total + 499) / 500
            #expect(total > 500 && page.html.contains("第 1 页，共 \(pages) 页（\(total) 条）"))
            var ids = Set<String>()
            for number in 1...pages {
                let next = try await WebPagesTests.page(client, "/units/\(root.id)/records?year=2024&page=\(number)&lang=zh")
                let rows = WebPagesTests.matches(of: #"/data/activity/(\d+)/edit"#, in: next.html)
                #expect(rows.count == (number < pages ? 500 : total - 500 * (pages - 1)))
                ids.formUnion(rows)
            }
            #expect(ids.count == total)
            let links = WebPagesTests.matches(of: #"<a href="(/api/v1/exports/activity[^"]*)" download>"#, in: page.html)
            let link = try #require(links.first).replacingOccurrences(of: "&amp;", with: "&")
            #expect(link == "/api/v1/exports/activity?unit_id=\(root.id)&year=2024&format=xlsx&lang=zh")
            try await client.execute(uri: link, method: .get) { response in
                #expect(response.status == .ok)
                let workbook = try XLSXWorkbook(data: Data(buffer: response.body))
                #expect(workbook.sheetNames.first == "活动数据")
                #expect(try workbook.rows(sheet: "活动数据").count > 500)
            }
        }
    }
}

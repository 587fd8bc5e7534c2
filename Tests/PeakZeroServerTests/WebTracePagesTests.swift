import Accounting
import Foundation
import HummingbirdTesting
import Persistence
import PersistenceTestSupport
import Testing

@testable import PeakZeroServer

/// The pages that trace figures: regions, an inventory's lines, one line's lineage, and which
/// months the units below have reported — on the demo province.
@Suite("Web pages: regions, inventories, lineage, completeness")
struct WebTracePagesTests {
    @Test("region pages: the tree of regions, a city's dashboard with the API's figures, its counties, 404s")
    func regions() async throws {
        try await withDemoAPI { client, database in
            let list = try await WebPagesTests.page(client, "/regions")
            #expect(list.status == .ok && list.html.contains("四川") && list.html.contains("/regions/510100?lang=zh"))
            #expect(list.html.contains("depth-2"))
            // The city's emissions card shows the API's total for the same region and year.
            let json = try await client.execute(uri: "/api/v1/regions/510100/indicators?year=2024", method: .get) {
                try JSONSerialization.jsonObject(with: Data(buffer: $0.body)) as! [String: Any]
            }
            let total = (json["totals"] as! [String: Any])["co2e_t"] as! Double
            let city = try await WebPagesTests.page(client, "/regions/510100?year=2024")
            #expect(city.status == .ok)
            #expect(city.html.contains("<span class=\"value\">\(WebNumbers.amount(total, .zh))</span>"))
            #expect(city.html.contains("下辖区县") && city.html.contains("/regions/510104?year=2024&amp;lang=zh"))
            #expect(city.html.contains("/units?region=510100&amp;lang=zh"))
            let en = try await WebPagesTests.page(client, "/regions/510000?lang=en")
            #expect(en.html.contains("<h1>Sichuan</h1>") && en.html.contains("Cities"))
            // Units listed by region: only those registered there.
            let units = try await WebPagesTests.page(client, "/units?region=510104&lang=en")
            #expect(units.html.contains("锦江项目部") && !units.html.contains("温江电机厂"))
            for uri in ["/regions/99", "/regions/abc", "/regions/1234567"] {
                #expect(try await WebPagesTests.page(client, uri).status == .notFound, "\(uri)")
            }
        }
    }

    @Test("an inventory's page pages its lines, narrows to a unit, and each number leads to its lineage")
    func inventoryAndLineage() async throws {
        try await withDemoAPI { client, database in
            let root = try await UnitStore(database).unit(code: DemoProvince.supervisorCode)
            let inventory = try await InventoryStore(database).list(unitID: root.id, year: 2024)[0]
            // The overview names the inventory behind its figures.
            let overview = try await WebPagesTests.page(client, "/?year=2024")
            #expect(overview.html.contains("/inventories/\(inventory.id)?lang=zh"))
            let first = try await WebPagesTests.page(client, "/inventories/\(inventory.id)?lang=en")
            #expect(first.status == .ok && first.html.contains("Inventory #\(inventory.id) of 2024"))
            #expect(first.html.contains("1–100 of \(inventory.recordCount)"))
            #expect(first.html.contains("rel=\"next\"") && !first.html.contains("rel=\"prev\""))
            let lineLinks = WebPagesTests.links(in: first.html).filter { $0.contains("/lines/") }
            #expect(lineLinks.count == 200)  // two numbers a line
            let pages = (inventory.recordCount + 99) / 100
            let last = try await WebPagesTests.page(client, "/inventories/\(inventory.id)?page=\(pages)&lang=en")
            #expect(last.html.contains("of \(inventory.recordCount)") && !last.html.contains("rel=\"next\""))
            // One unit's lines only, from a facility's page.
            let facility = try await UnitStore(database).unit(code: "DEMO-G2-E1-F1")
            let unitPage = try await WebPagesTests.page(client, "/units/\(facility.id)?year=2024")
            #expect(unitPage.html.contains("/inventories/\(inventory.id)?unit=\(facility.id)&amp;lang=zh"))
            let narrowed = try await WebPagesTests.page(
                client, "/inventories/\(inventory.id)?unit=\(facility.id)&lang=en")
            let records = try await ActivityStore(database).list(under: facility.id, year: 2024)
            #expect(narrowed.html.contains("1–\(records.count) of \(records.count)"))
            // The lineage of the facility's first record: the record, its batch, the factors and sources.
            let record = records[0]
            let line = try await WebPagesTests.page(client, "/inventories/\(inventory.id)/lines/\(record.id)?lang=en")
            #expect(line.status == .ok && line.html.contains("How record \(record.id) was computed"))
            #expect(line.html.contains(facility.name) && line.html.contains(record.period))
            #expect(line.html.contains("demo data") && line.html.contains("Factors used"))
            let factors = try await InventoryStore(database).factors(inventoryID: inventory.id)
            let stored = try await InventoryStore(database).lines(inventoryID: inventory.id, recordID: record.id)[0]
            for used in stored.factors {
                guard let id = used.id, let cited = factors.first(where: { $0.factorId == id }) else { continue }
                #expect(line.html.contains("<code>\(id)</code>"), "\(id)")
                // The citation in the page's language (reference-texts.csv), as the page escapes it.
                let citation = ReferenceTexts.bundled.shown(cited.document.isEmpty ? cited.source : cited.document, .en)
                #expect(line.html.contains(citation.replacingOccurrences(of: "'", with: "&#39;")), "\(id)")
            }
            #expect(line.html.contains(WebNumbers.exact(stored.co2eLocationT)))
            // A record deleted since: the line still shows as computed, with a warning.
            try await ActivityStore(database).delete(id: record.id)
            let gone = try await WebPagesTests.page(client, "/inventories/\(inventory.id)/lines/\(record.id)")
            #expect(gone.status == .ok && gone.html.contains("该记录在清单计算后已被删除或替换"))
            for uri in [
                "/inventories/999999", "/inventories/x", "/inventories/\(inventory.id)/lines/999999999",
            ] {
                #expect(try await WebPagesTests.page(client, uri).status == .notFound, "\(uri)")
            }
        }
    }

    @Test("the completeness grid counts reporting units per month and marks a missing month")
    func completeness() async throws {
        try await withDemoAPI { client, database in
            let enterprise = try await UnitStore(database).unit(code: "DEMO-G2-E1")
            let facilities = try await UnitStore(database).children(of: enterprise.id)
            let complete = try await WebPagesTests.page(client, "/units/\(enterprise.id)?year=2024&lang=en")
            #expect(complete.html.contains("Data reported by month"))
            #expect(complete.html.contains("36 of 36 owed reports are in"))
            #expect(complete.html.components(separatedBy: "class=\"cell complete\"").count - 1 == 36)
            // Remove one facility's March: its row shows March missing, the enterprise 35 of 36.
            let march = try await ActivityStore(database).list(under: facilities[0].id, year: 2024)
                .filter { $0.month == 3 }
            for record in march { try await ActivityStore(database).delete(id: record.id) }
            let gap = try await WebPagesTests.page(client, "/units/\(enterprise.id)?year=2024&lang=en")
            #expect(gap.html.contains("35 of 36 owed reports are in"))
            #expect(gap.html.contains("title=\"\(facilities[0].name) · Mar: 0/1 reporting units have reported\">0/1"))
            // From the group above, the enterprise's March cell is partial (some of its facilities).
            let group = try await WebPagesTests.page(client, "/units/\(enterprise.parentID!)?year=2024&lang=en")
            #expect(group.html.contains("class=\"cell partial\""))
        }
    }
}

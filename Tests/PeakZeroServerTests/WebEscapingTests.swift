import Accounting
import Foundation
import HummingbirdTesting
import Persistence
import Testing

@testable import PeakZeroServer

/// Names that try to break out of the page — a script, a quote that would open an attribute — shown
/// on every page, in text, attributes, chart labels, tooltips and tables: all escaped.
@Suite("Web pages escape what users typed")
struct WebEscapingTests {
    static let script = "\"><script>alert(1)</script>"
    static let attribute = "\" onmouseover=\"x"
    /// The same as a code (codes hold no spaces; browsers read `""onmouseover=` as a new attribute all the same).
    static let attributeCode = "\"onmouseover=\"x"

    @Test("a walk of every page with hostile unit names and codes finds them escaped everywhere")
    func hostileNames() async throws {
        try await withAPI("sqlite") { client, database in
            let units = try await UnitStore(database).create([
                NewUnit(code: "ROOT", name: Self.script, level: "group", regionCode: "510000"),
                NewUnit(
                    code: Self.attributeCode, name: Self.attribute, level: "enterprise", parentCode: "ROOT",
                    regionCode: "510104"),
                NewUnit(
                    code: "<b>E2</b>", name: "<img src=x onerror=alert(2)>", level: "enterprise", parentCode: "ROOT",
                    regionCode: "510104"),
            ])
            for (year, quantity) in [(2023, 90.0), (2024, 120.0)] {
                try await ActivityStore(database).insert(
                    (1...12).flatMap { month in
                        [Self.attributeCode, "<b>E2</b>"].map { code in
                            NewActivityRecord(
                                unitCode: code, period: String(format: "%04d-%02d", year, month), item: "烟煤",
                                quantity: quantity, uom: "t", source: Self.script)
                        }
                    })
                _ = try await InventoryStore(database).compute(unitID: units[0].id, year: year, options: .init())
            }
            // A factor set whose name, source and notes are hostile, and whose address is a script.
            func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            let hostileSet =
                "id,kind,item,value,unit,grade,source,notes,url\nX-1,ncv,diesel,43,GJ/t,U,"
                + "\(quoted(Self.attribute)),\(quoted("<img src=x onerror=alert(2)>")),javascript:alert(3)\n"
            _ = try await FactorSetStore(database).add(name: Self.script, csv: hostileSet)
            // Every page reachable from the menus, in both languages (links keep the language).
            var queue = ["/", "/units", "/regions", "/units?q=%3Cscript", "/units?q=%22%20onmouseover"].flatMap {
                [$0 + ($0.contains("?") ? "&" : "?") + "lang=zh", $0 + ($0.contains("?") ? "&" : "?") + "lang=en"]
            }
            var seen = Set(queue)
            var kinds = Set<String>()
            while !queue.isEmpty, seen.count < 600 {
                let uri = queue.removeFirst()
                let html = try await client.execute(uri: uri, method: .get) { String(buffer: $0.body) }
                #expect(!html.contains("<script>alert"), "\(uri)")
                #expect(!html.contains("<img src=x"), "\(uri)")
                #expect(!html.contains("<b>E2"), "\(uri)")
                #expect(!html.contains(Self.attribute), "\(uri)")
                #expect(!html.contains("onmouseover=\"x"), "\(uri)")
                // Shown as text is harmless (the audit trail quotes an uploaded set's contents); never as an address.
                #expect(!html.contains("=\"javascript:") && !html.contains("=javascript:"), "\(uri)")
                let path = String(uri.prefix { $0 != "?" })
                // A records page shows the hostile source in its rows: only in the years that have data
                // (the review pages link to this year's, which has none).
                let recordsWithData =
                    path.wholeMatch(of: /\/units\/\d+\/records/) != nil
                    && (uri.contains("year=2023") || uri.contains("year=2024"))
                if path == "/" || path == "/factors" || path.wholeMatch(of: /\/units\/\d+/) != nil
                    || path.contains("/lines/") || recordsWithData
                {
                    // Shown, escaped: the names (and on a line's page, the record's source) are there, as text.
                    #expect(html.contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), "\(uri)")
                }
                kinds.insert(path.split(separator: "/").prefix(1).joined() + (path.contains("/lines/") ? "/lines" : ""))
                for link in WebPagesTests.links(in: html)
                where !link.hasPrefix("/static/") && !link.contains("format=") && seen.insert(link).inserted {
                    queue.append(link)
                }
            }
            #expect(
                kinds.isSuperset(of: ["", "units", "regions", "inventories", "inventories/lines", "data", "factors"]),
                "\(kinds)")
            // The search box gives back what was searched for, escaped, inside its value attribute.
            let searched = try await client.execute(uri: "/units?q=%22%20onmouseover%3D%22x", method: .get) {
                String(buffer: $0.body)
            }
            #expect(searched.contains("value=\"&quot; onmouseover=&quot;x\""))
        }
    }
}

import Accounting
import Foundation
import HTTPTypes
import HummingbirdTesting
import Persistence
import PersistenceTestSupport
import Testing

@testable import PeakZeroServer

/// The pages through the app, on the demo province: status, key content in both languages,
/// errors, and every link a page shows leading somewhere.
@Suite("Web pages")
struct WebPagesTests {
    static func page(_ client: any TestClientProtocol, _ uri: String, headers: HTTPFields = [:]) async throws -> (
        status: HTTPResponse.Status, html: String, type: String
    ) {
        try await client.execute(uri: uri, method: .get, headers: headers) {
            ($0.status, String(buffer: $0.body), $0.headers[.contentType] ?? "")
        }
    }

    @Test("the overview shows the four indicators, the trend and the breakdowns, in Chinese and English")
    func overview() async throws {
        try await withDemoAPI { client, database in
            let zh = try await Self.page(client, "/")
            #expect(zh.status == .ok && zh.type == "text/html; charset=utf-8")
            for text in [
                "<html lang=\"zh-CN\">", "驾驶舱", "能源消费总量", "碳排放总量", "能耗强度", "碳排放强度", "月度趋势", "按范围分", "按品种分",
                "按下级单位分", "<option value=\"2024\" selected>", "万</span> <span class=\"unit\">吨标准煤", "同比 −", "以表格查看",
            ] {
                #expect(zh.html.contains(text), "missing \(text)")
            }
            #expect(zh.html.components(separatedBy: "<svg").count - 1 >= 6)
            let en = try await Self.page(client, "/?lang=en&year=2023")
            for text in [
                "<html lang=\"en\">", "Energy consumption", "Carbon emissions", "tCO2e", "By energy item",
                "<option value=\"2023\" selected>", "Year on year", "Show as a table",
            ] {
                #expect(en.html.contains(text), "missing \(text)")
            }
            #expect(!en.html.contains("能源消费总量"))
            // Accept-Language chooses English when the address does not say.
            let accepted = try await Self.page(client, "/", headers: [.acceptLanguage: "en-GB,en;q=0.9"])
            #expect(accepted.html.contains("Energy consumption"))
            // A year with no inventory says so instead of showing zeros.
            let empty = try await Self.page(client, "/?year=2019")
            #expect(empty.status == .ok && empty.html.contains("该年份尚未计算清单"))
        }
    }

    @Test("a unit's page, the unit list and its search; unknown units are a 404 page in the right language")
    func unitPages() async throws {
        try await withDemoAPI { client, database in
            let root = try await UnitStore(database).unit(code: DemoProvince.supervisorCode)
            let group = try await UnitStore(database).children(of: root.id)[0]
            let page = try await Self.page(client, "/units/\(group.id)?lang=en")
            #expect(page.status == .ok)
            #expect(page.html.contains(root.name) && page.html.contains("<h1>\(group.name)</h1>"))
            #expect(page.html.contains("Units below") && page.html.contains("class=\"figures sortable\""))
            let list = try await Self.page(client, "/units")
            #expect(list.status == .ok && list.html.contains(group.name) && list.html.contains("depth-2"))
            let found = try await Self.page(client, "/units?q=\(group.code)&lang=en")
            #expect(found.html.contains("Search results") && found.html.contains(group.code))
            let none = try await Self.page(client, "/units?q=nothing-like-this&lang=en")
            #expect(none.html.contains("No unit matches."))
            for uri in ["/units/99999", "/units/abc"] {
                let missing = try await Self.page(client, uri + "?lang=en")
                #expect(missing.status == .notFound && missing.html.contains("There is no such page or unit."))
            }
            let css = try await Self.page(client, "/static/peakzero.css")
            #expect(css.status == .ok && css.type.hasPrefix("text/css") && css.html.contains("@media print"))
            // A fall in energy or emissions is drawn as good news: no later rule recolours the
            // indicators' up and down (rankings' moves have classes of their own).
            let rules = css.html.split(whereSeparator: \.isNewline).filter { $0.hasPrefix(".change.") }
            #expect(rules.last { $0.hasPrefix(".change.down ") }?.contains("var(--down)") == true, "\(rules)")
            #expect(rules.last { $0.hasPrefix(".change.up ") }?.contains("var(--up)") == true, "\(rules)")
            let script = try await Self.page(client, "/static/peakzero.js")
            #expect(script.status == .ok && script.type.hasPrefix("text/javascript"))
        }
    }

    @Test("every link on the overview, the unit list and the regions leads to a page that answers 200")
    func links() async throws {
        try await withDemoAPI { client, database in
            var seen: Set<String> = []
            for start in ["/", "/?lang=en", "/units", "/regions"] {
                let html = try await Self.page(client, start).html
                for link in Self.links(in: html) where seen.insert(link).inserted {
                    #expect(try await Self.page(client, link).status == .ok, "\(link) from \(start)")
                }
            }
            #expect(seen.count > 50)
        }
    }

    @Test("the string tables have the same keys, and hold every key a template or a WordKey names")
    func strings() throws {
        let strings = try PageRenderer.load().strings
        let zh = Set(strings.table(.zh).keys)
        let en = Set(strings.table(.en).keys)
        #expect(zh == en, "only zh: \(zh.subtracting(en)), only en: \(en.subtracting(zh))")
        let folder = PageRenderer.resources.appendingPathComponent("templates")
        var used: Set<String> = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            used.formUnion(Self.matches(of: #"layout\.t\.([a-z0-9_]+)"#, in: text))
        }
        // Swift code names its words by `WordKey`; keys it builds from a value (`light_red`) are
        // checked where those pages are rendered.
        used.formUnion(WordKey.allCases.map(\.rawValue))
        #expect(used.count > 40)
        #expect(used.subtracting(zh).isEmpty, "missing: \(used.subtracting(zh))")
    }

    @Test("every API message is in both languages, with the same placeholders")
    func apiMessages() {
        #expect(APIMessage.catalogue.gaps == [])
        #expect(Language.zh.say(.badQueryParameter, ["name": "year", "text": "x"]) == "查询参数 year 无效：x")
    }

    static func links(in html: String) -> [String] {
        matches(of: #"href="(/[^"]*)""#, in: html).map { $0.replacingOccurrences(of: "&amp;", with: "&") }
            .filter { !$0.hasPrefix("/api/") }
    }

    static func matches(of pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}

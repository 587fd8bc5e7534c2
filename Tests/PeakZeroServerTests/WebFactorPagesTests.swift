import Accounting
import Foundation
import HTTPTypes
import HummingbirdTesting
import Persistence
import Testing

@testable import PeakZeroServer

/// The factor library's page: the bundled factors with grade and source, narrowed by a filter; a
/// user set uploaded (its bad rows named by row and column, nothing stored), listed and deleted.
@Suite("Web pages: factor library")
struct WebFactorPagesTests {
    static let goodSet = """
        id,kind,item,region,year,value,unit,grade,source,notes
        MY-1,grid_average,electricity,51,2024,0.1,tCO2/MWh,V,Sichuan provincial notice 2025,measured by the province
        MY-2,ncv,diesel,,2024,43.0,GJ/t,S,Supplier certificate 7,

        """

    @Test("the library lists every bundled factor with its grade and source, and narrows by grade")
    func library() async throws {
        let bundled = try FactorSet.bundled()
        try await withAPI("sqlite") { client, _ in
            let zh = try await WebPagesTests.page(client, "/factors")
            #expect(zh.status == .ok && zh.html.contains("<h1>因子库</h1>"))
            #expect(zh.html.contains("显示 \(bundled.entries.count) 个，共 \(bundled.entries.count) 个因子"))
            // Fifty a page; the pages together list every factor once, in order.
            var rows = WebPagesTests.matches(of: #"<tr id="factor-([^"]+)">"#, in: zh.html)
            #expect(rows.count == FactorFilter.pageSize)
            let pages = (bundled.entries.count + FactorFilter.pageSize - 1) / FactorFilter.pageSize
            #expect(zh.html.contains("第 1 页，共 \(pages) 页") && zh.html.contains("rel=\"next\""))
            for page in 2...pages {
                let next = try await WebPagesTests.page(client, "/factors?page=\(page)")
                rows += WebPagesTests.matches(of: #"<tr id="factor-([^"]+)">"#, in: next.html)
                #expect(next.html.contains("rel=\"prev\"") && (page == pages) != next.html.contains("rel=\"next\""))
            }
            #expect(rows == bundled.entries.map(\.id))
            // A page past the last shows the last.
            let beyond = try await WebPagesTests.page(client, "/factors?page=999")
            #expect(beyond.html.contains("第 \(pages) 页，共 \(pages) 页"))
            let grid = try #require(bundled.entries.first { $0.kind == .gridAverage && $0.grade == .verified })
            let gridPage = try await WebPagesTests.page(client, "/factors?kind=grid_average")
            // A grid factor shows its value, unit, grade and the notice it comes from.
            #expect(gridPage.html.contains("<tr id=\"factor-\(grid.id)\">"))
            #expect(gridPage.html.contains(grid.unitText))

            let unverified = bundled.entries.filter { $0.grade == .unverified }
            let en = try await WebPagesTests.page(client, "/factors?grade=U&lang=en")
            #expect(
                en.status == .ok && en.html.contains("Showing \(unverified.count) of \(bundled.entries.count) factors"))
            let shown = WebPagesTests.matches(of: #"<tr id="factor-([^"]+)">"#, in: en.html)
            #expect(shown == Array(unverified.map(\.id).prefix(FactorFilter.pageSize)))
            #expect(!en.html.contains("class=\"grade grade-V\" title"))
            #expect(en.html.contains("<option value=\"U\" selected>"))
        }
    }

    @Test("an uploaded set is listed first and shown alone; a bad one is refused with its rows and columns")
    func upload() async throws {
        try await withAPI("sqlite") { client, database in
            let bad = Data(
                "id,kind,item,value,unit,grade,source\nA,ncv,diesel,abc,GJ/t,V,x\nB,ncv,diesel,1,GJ/t,Q,x\n".utf8)
            let refused = try await WebImportPageTests.upload(
                client, bad, name: "bad.csv", language: "zh", fields: ["name": "我的因子"], to: "/factors/sets")
            #expect(refused.status == .unprocessableContent)
            #expect(refused.html.contains("因子集未保存"))
            let cells = WebPagesTests.matches(
                of: #"<tr><td>bad\.csv</td><td>(\d+</td><td>[a-z]+)</td>"#, in: refused.html
            )
            .map { $0.replacingOccurrences(of: "</td><td>", with: " ") }
            #expect(cells == ["2 value", "3 grade"], "\(refused.html)")
            #expect(refused.html.contains("value=\"我的因子\""), "the typed name is kept")
            #expect(try await FactorSetStore(database).list().isEmpty)

            let gbk = Data([0x69, 0x64, 0x0A, 0xB5, 0xE7, 0x0A])
            let notText = try await WebImportPageTests.upload(
                client, gbk, name: "gbk.csv", language: "en", to: "/factors/sets")
            #expect(notText.status == .unprocessableContent && notText.html.contains("not UTF-8"))

            let saved = try await WebImportPageTests.upload(
                client, Data(Self.goodSet.utf8), name: "sichuan.csv", language: "en", to: "/factors/sets")
            #expect(saved.status == .seeOther)
            let stored = try await FactorSetStore(database).list()
            #expect(stored.map(\.name) == ["sichuan"] && stored.first?.entryCount == 2)

            let page = try await WebPagesTests.page(client, "/factors?set=sichuan&added=sichuan&lang=en")
            #expect(page.html.contains("Factor set “sichuan” added (2 factors)"))
            #expect(WebPagesTests.matches(of: #"<tr id="factor-([^"]+)">"#, in: page.html) == ["MY-1", "MY-2"])
            #expect(page.html.contains("measured by the province"))
            // The whole library lists the user's set before the bundled one, as it takes precedence.
            let all = try await WebPagesTests.page(client, "/factors?lang=en")
            #expect(
                WebPagesTests.matches(of: #"<tr id="factor-([^"]+)">"#, in: all.html).prefix(2) == ["MY-1", "MY-2"])

            let again = try await WebImportPageTests.upload(
                client, Data(Self.goodSet.utf8), name: "sichuan.csv", language: "en", to: "/factors/sets")
            #expect(again.status == .unprocessableContent && again.html.contains("named “sichuan” exists already"))
        }
    }

    @Test("a set is deleted by its form, and not by a post from another site")
    func delete() async throws {
        try await withAPI("sqlite") { client, database in
            let set = try await FactorSetStore(database).add(name: "mine", csv: Self.goodSet)
            let page = try await WebPagesTests.page(client, "/factors?lang=en")
            let action = "/factors/sets/\(set.id)/delete"
            #expect(page.html.contains("action=\"\(action)?lang=en\""))
            let foreign = try await WebDataPagesTests.post(client, action, [:], origin: "https://elsewhere.example")
            #expect(foreign.status == .forbidden)
            #expect(try await FactorSetStore(database).list().count == 1)
            let deleted = try await WebDataPagesTests.post(client, action + "?lang=en", [:])
            #expect(deleted.status == .seeOther && deleted.location == "/factors?lang=en")
            #expect(try await FactorSetStore(database).list().isEmpty)
            let gone = try await WebDataPagesTests.post(client, action, [:])
            #expect(gone.status == .notFound)
        }
    }
}

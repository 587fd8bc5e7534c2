import Foundation
import Persistence
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@testable import PeakZeroServer

/// The charts as a page carries them: each `<svg>` is well-formed XML (a browser would draw a broken
/// one as nothing), titled and described, and labelled in the page's language.
@Suite("Charts in pages")
struct ChartSVGTests {
    @Test("every chart of the overview parses as XML, has a title and description, and its axis labels")
    func wellFormed() async throws {
        try await withDemoAPI { client, database in
            for (language, january, scope) in [("zh", "1月", "范围一"), ("en", "Jan", "Scope 1")] {
                let html = try await WebPagesTests.page(client, "/?lang=\(language)").html
                let charts = Self.svgs(in: html)
                #expect(charts.count >= 7, "four sparklines, trend, scopes, donut, items, children")
                for svg in charts {
                    let parser = XMLParser(data: Data(svg.utf8))
                    #expect(parser.parse(), "\(parser.parserError.map(String.init(describing:)) ?? "") in \(svg)")
                    #expect(svg.contains("<title") && (svg.contains("<desc") || svg.contains("class=\"sparkline\"")))
                }
                let stacked = try #require(charts.first { $0.contains("scopes-by-month-t") })
                #expect(stacked.contains(">\(january)</text>"))
                #expect(stacked.components(separatedBy: "<rect class=\"part s1\"").count - 1 == 12)
                #expect(stacked.contains("<title>\(scope)"))
            }
        }
    }

    static func svgs(in html: String) -> [String] {
        html.components(separatedBy: "<svg").dropFirst().compactMap { rest in
            rest.range(of: "</svg>").map { "<svg" + rest[..<$0.upperBound] }
        }
    }
}

import Accounting
import Foundation
import Reports

/// The GHG inventory report as a document to print: a cover, the contents, then the same sections
/// as the page (one shared template), the stylesheet inline, and on every page its number and the
/// number of pages (the `@page` margin boxes Chromium prints).
public enum InventoryReportDocument {
    struct Model: Sendable {
        struct Entry: Sendable {
            let anchor: String
            let title: String
        }

        let page: InventoryReportPage
        let css: String
        let lang: String
        let title: String
        let entity: String
        let year: String
        let printedLine: String
        let contentsTitle: String
        let contents: [Entry]
        /// The `content` of the page-number box, as CSS.
        let pageNumbers: String
        let warnings: [String]
        let hasWarnings: Bool
    }

    /// The document as HTML text.
    public static func html(_ report: GHGInventoryReport, unitID: Int64, language: Language, printedOn: String) throws
        -> String
    {
        let renderer = try PageRenderer.load()
        let t = renderer.strings.table(language)
        func text(_ key: String) -> String { t.text(forKey: key) }
        let title = text("report_inventory_title")
        let layout = PageLayout(
            strings: renderer.strings, language: language, title: title, current: .inventoryReport,
            sameIn: { _ in .inventoryReport(unit: unitID, year: report.basis.year) })
        let page = InventoryReportPage(
            report, layout: layout, heading: title, strings: t, language: language, years: [], workbookURL: "",
            jsonURL: "", pdfURL: "", printedOn: printedOn)
        let contents: [Model.Entry] =
            [("basis", "report_basis"), ("totals", "report_totals")].map { .init(anchor: $0.0, title: text($0.1)) }
            + page.tables.map { .init(anchor: $0.anchor, title: $0.caption) }
            + [("carriers", "report_by_carrier"), ("intensities", "report_intensities"), ("factors", "report_factors")]
            .map { .init(anchor: $0.0, title: text($0.1)) }
        let model = Model(
            page: page, css: String(buffer: renderer.stylesheet), lang: t[.langCode], title: title,
            entity: "\(report.basis.unitCode) \(report.basis.unitName)", year: String(report.basis.year),
            printedLine: "\(text("report_printed_on")) \(printedOn)", contentsTitle: text("report_contents"),
            contents: contents, pageNumbers: text("report_page_numbers"), warnings: page.warnings,
            hasWarnings: page.hasWarnings)
        return renderer.html(model, template: "report-inventory-print")
    }

    /// The document printed to PDF by headless Chromium (`ChromiumPDF`).
    public static func pdf(_ report: GHGInventoryReport, unitID: Int64, language: Language, printedOn: String)
        async throws -> Data
    {
        try await ChromiumPDF.pdf(html: try html(report, unitID: unitID, language: language, printedOn: printedOn))
    }
}

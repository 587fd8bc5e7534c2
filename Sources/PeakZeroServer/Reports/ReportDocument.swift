import Accounting
import Foundation
import Reports

/// A report as a document to print: a cover, the contents, then the report's sections — the same
/// body template its page shows — with the stylesheet inline and, on every page after the cover,
/// its number and the number of pages (the `@page` margin boxes Chromium prints).
enum ReportDocument {
    struct Entry: Sendable {
        let anchor: String
        let title: String
    }

    struct Model: Sendable {
        let body: String
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

    /// The document as HTML: `page` rendered by `bodyTemplate`, wrapped with the cover and contents.
    static func html(
        page: Any, bodyTemplate: String, renderer: PageRenderer, language: Language, title: String, entity: String,
        year: Int, printedOn: String, contents: [Entry], warnings: [String]
    ) -> String {
        let t = renderer.strings.table(language)
        let model = Model(
            body: renderer.html(page, template: bodyTemplate), css: String(buffer: renderer.stylesheet),
            lang: t[.langCode], title: title, entity: entity, year: String(year),
            printedLine: "\(t.text(forKey: "report_printed_on")) \(printedOn)",
            contentsTitle: t.text(forKey: "report_contents"), contents: contents,
            pageNumbers: t.text(forKey: "report_page_numbers"), warnings: warnings, hasWarnings: !warnings.isEmpty)
        return renderer.html(model, template: "report-print")
    }
}

/// The GHG inventory report's document.
public enum InventoryReportDocument {
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
        let contents: [ReportDocument.Entry] =
            [("basis", "report_basis"), ("totals", "report_totals")].map { .init(anchor: $0.0, title: text($0.1)) }
            + page.tables.map { .init(anchor: $0.anchor, title: $0.caption) }
            + (page.hasScope3 ? [.init(anchor: "scope3", title: text("scope3_title"))] : [])
            + [("carriers", "report_by_carrier"), ("intensities", "report_intensities"), ("factors", "report_factors")]
            .map { .init(anchor: $0.0, title: text($0.1)) }
        return ReportDocument.html(
            page: page, bodyTemplate: "report-inventory-body", renderer: renderer, language: language, title: title,
            entity: "\(report.basis.unitCode) \(report.basis.unitName)", year: report.basis.year,
            printedOn: printedOn, contents: contents, warnings: page.warnings)
    }
}

import Accounting
import Foundation
import Hummingbird
import Persistence
import Reports

/// The GHG inventory report as a print-ready page: every table of the report's model, nothing
/// typed by hand, with the workbook and JSON of the same model a link away.
extension PageHandlers {
    func inventoryReportPage(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let language = request.language
        let t = renderer.strings.table(language)
        guard let id = context.parameters.get("id").flatMap(Int64.init), let unit = try? await units.unit(id: id)
        else { return notFound(request) }
        let years = Set(try await inventories.list().map(\.year)).sorted()
        let asked = request.uri.queryParameters.get("year").flatMap { Int(String($0)) }
        let year = asked ?? years.last ?? clock.year
        let method = request.uri.queryParameters.get("scope2").flatMap { Scope2Method(rawValue: String($0)) }
            ?? .location
        let heading = "\(t.text(forKey: "report_inventory_title")) · \(unit.name) · \(year)"
        let layout = PageLayout(
            strings: renderer.strings, language: language, title: heading, current: .inventoryReport,
            sameIn: { _ in .inventoryReport(unit: id, year: year) })
        let report: GHGInventoryReport
        do {
            report = try await InventoryReportSource(database).report(
                unitID: id, year: year, method: method, language: language)
        } catch StoreError.conflict {
            let page = InventoryReportPage.missing(
                layout: layout, heading: heading, message: t.text(forKey: "report_no_inventory"),
                years: years.map { .init(label: String($0), url: SiteURL.inventoryReport(unit: id, year: $0).link(language), current: $0 == year) })
            return renderer.response(page, template: "report-inventory", status: .notFound)
        }
        let api = APIRoute.inventoryReport.path.replacingOccurrences(of: "{id}", with: String(id))
        let page = InventoryReportPage(
            report, layout: layout, heading: heading, strings: t, language: language,
            years: years.map {
                .init(
                    label: String($0), url: SiteURL.inventoryReport(unit: id, year: $0).link(language),
                    current: $0 == year)
            },
            workbookURL: "\(api)?year=\(year)&scope2=\(method.rawValue)&format=xlsx&lang=\(language.rawValue)",
            jsonURL: "\(api)?year=\(year)&scope2=\(method.rawValue)&lang=\(language.rawValue)",
            pdfURL: "\(api)?year=\(year)&scope2=\(method.rawValue)&format=pdf&lang=\(language.rawValue)",
            printedOn: clock.today)
        return renderer.response(page, template: "report-inventory")
    }
}

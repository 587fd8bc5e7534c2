import Accounting
import Foundation
import Hummingbird
import Intake
import Persistence
import Reports

/// The supervisor's report of a unit's subtree, as far as the asker sees: JSON, workbook or PDF
/// through the API, a page on the web.
extension ReportsAPI {
    func supervisorReport(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        guard let year = try request.query("year", as: Int.self) else {
            throw APIError.badRequest(
                request.language.say(.badQueryParameter, ["name": "year", "text": ""]),
                issues: [.init(row: nil, field: "year", message: "required")])
        }
        let report = try await SupervisorReportSource(database).report(
            unitID: try context.id(), year: year, asOf: clock.today, scope: context.readScope,
            language: request.language)
        switch request.uri.queryParameters.get("format").map({ String($0) }) ?? "json" {
        case "json": return try jsonResponse(report)
        case "xlsx":
            return IntakeAPI.file(
                try SupervisorReportWorkbook.data(report, language: request.language),
                name: "\(report.basis.unitCode)-\(year)-supervision.xlsx", format: .xlsx)
        case "pdf":
            let html = try SupervisorReportDocument.html(report, unitID: try context.id(), language: request.language)
            return try await printed(html, name: "\(report.basis.unitCode)-\(year)-supervision.pdf", request)
        case let other:
            throw APIError.badRequest(
                request.language.say(.badQueryParameter, ["name": "format", "text": other]),
                issues: [.init(row: nil, field: "format", message: "json, xlsx, pdf")])
        }
    }
}

/// The supervisor's report's document to print.
public enum SupervisorReportDocument {
    public static func html(_ report: SupervisorReport, unitID: Int64, language: Language) throws -> String {
        try html(report, address: .supervisorReport(unit: unitID, year: report.basis.year), language: language)
    }

    /// The document of a subtree's report or a region's, `address` the page it prints.
    static func html(_ report: SupervisorReport, address: SiteURL, language: Language) throws -> String {
        let renderer = try PageRenderer.load()
        let t = renderer.strings.table(language)
        func text(_ key: String) -> String { t.text(forKey: key) }
        let title = text("supervisor_title")
        let page = SupervisorReportPage(
            report,
            layout: PageLayout(
                strings: renderer.strings, language: language, title: title, current: .supervisorReport,
                sameIn: { _ in address }),
            heading: title, strings: t, language: language, years: [])
        let contents: [ReportDocument.Entry] = [
            ("basis", "report_basis"), ("indicators", "supervisor_indicators"), ("targets", "supervisor_targets"),
            ("measures", "supervisor_measures"), ("completeness", "supervisor_completeness"),
        ].map { .init(anchor: $0.0, title: text($0.1)) }
        return ReportDocument.html(
            page: page, bodyTemplate: "report-supervisor-body", renderer: renderer, language: language, title: title,
            entity: "\(report.basis.unitCode) \(report.basis.unitName)", year: report.basis.year,
            printedOn: report.basis.asOf, contents: contents, warnings: [])
    }
}

extension PageHandlers {
    func supervisorReportPage(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        guard let id = context.parameters.get("id").flatMap(Int64.init), let unit = try? await units.unit(id: id)
        else { return notFound(request) }
        let writes = try await context.writeScope.contains(unitID: id, in: database)
        return try await supervisorPage(
            request, subject: unit.name, current: .supervisorReport, address: { .supervisorReport(unit: id, year: $0) },
            api: APIRoute.supervisorReport.path.replacingOccurrences(of: "{id}", with: String(id)),
            report: { year in
                try await SupervisorReportSource(database).report(
                    unitID: id, year: year, asOf: clock.today, scope: context.readScope, language: request.language)
            },
            issueAction: writes ? SiteURL.issueSupervisorReport(unit: id).link(request.language) : nil)
    }

    /// A supervisor's report's page — of a subtree or a region — for the year asked (the latest with
    /// an inventory by default), with its downloads; the page says so when no inventory covers it.
    func supervisorPage(
        _ request: Request, subject: String, current: SitePage, address: @escaping @Sendable (Int) -> SiteURL,
        api: String, report: (Int) async throws -> SupervisorReport, issueAction: String? = nil
    ) async throws -> Response {
        let language = request.language
        let t = renderer.strings.table(language)
        let years = Set(try await inventories.list().map(\.year)).sorted()
        let year = request.uri.queryParameters.get("year").flatMap { Int(String($0)) } ?? years.last ?? clock.year
        let heading = "\(t.text(forKey: "supervisor_title")) · \(subject) · \(year)"
        let layout = PageLayout(
            strings: renderer.strings, language: language, title: heading, current: current,
            sameIn: { _ in address(year) })
        let choices = years.map {
            InventoryReportPage.Choice(label: String($0), url: address($0).link(language), current: $0 == year)
        }
        let built: SupervisorReport
        do {
            built = try await report(year)
        } catch StoreError.conflict {
            return renderer.response(
                SupervisorReportPage.missing(
                    layout: layout, heading: heading, message: t.text(forKey: "report_no_inventory"), years: choices),
                template: "report-supervisor", status: .notFound)
        }
        var page = SupervisorReportPage(
            built, layout: layout, heading: heading, strings: t, language: language, years: choices)
        page.workbookURL = "\(api)?year=\(year)&format=xlsx&lang=\(language.rawValue)"
        page.jsonURL = "\(api)?year=\(year)&lang=\(language.rawValue)"
        page.pdfURL = "\(api)?year=\(year)&format=pdf&lang=\(language.rawValue)"
        page.year = String(year)
        page.issueAction = issueAction
        return renderer.response(page, template: "report-supervisor")
    }
}

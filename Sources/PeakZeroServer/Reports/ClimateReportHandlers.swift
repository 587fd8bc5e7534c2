import Accounting
import Assets
import Foundation
import Hummingbird
import Intake
import Persistence
import Reports

/// The climate section of a sustainability report: JSON, workbook or PDF through the API with its
/// narrative saved and the section issued; a page with the narrative form on the web.
extension ReportsAPI {
    func climateReport(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let report = try await ClimateDisclosureSource(database).report(
            unitID: try context.id(), year: try Self.year(request), method: try Self.method(request),
            scope: context.readScope, language: request.language)
        let name = "\(report.basis.unitCode)-\(report.basis.year)-climate"
        switch request.uri.queryParameters.get("format").map({ String($0) }) ?? "json" {
        case "json": return try jsonResponse(report)
        case "xlsx":
            return IntakeAPI.file(
                try ClimateDisclosureWorkbook.data(report, language: request.language), name: name + ".xlsx",
                format: .xlsx)
        case "pdf":
            let html = try ClimateReportDocument.html(
                report, unitID: try context.id(), language: request.language, printedOn: clock.today)
            return try await printed(html, name: name + ".pdf", request)
        case let other:
            throw APIError.badRequest(
                request.language.say(.badQueryParameter, ["name": "format", "text": other]),
                issues: [.init(row: nil, field: "format", message: "json, xlsx, pdf")])
        }
    }

    /// Saves the narrative of the unit's year: 200 with it; 422 naming each section with markup,
    /// control characters or too many characters, with nothing saved.
    func saveNarrative(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        var request = request
        let year = try Self.year(request)
        let narrative = try await request.decodeJSON(ClimateNarrative.self, context: context)
        return try jsonResponse(
            try await ReportNarrativeStore(database).save(narrative, unitID: try context.id(), year: year))
    }

    /// Issues the climate section of `year`: its figures and narrative kept as they are now.
    func issueClimate(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let report = try await ClimateDisclosureSource(database).report(
            unitID: try context.id(), year: try Self.year(request), method: try Self.method(request),
            scope: context.readScope, language: request.language)
        let issued = try await IssuedReportStore(database).issue(.climate(report), unitID: try context.id())
        return try jsonResponse(Issued(issued, newerData: false), status: .created)
    }

    /// Issues the supervisor's report of `year` as of `as_of` (today by default; a quarter's end for
    /// a quarterly report).
    func issueSupervisor(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let report = try await SupervisorReportSource(database).report(
            unitID: try context.id(), year: try Self.year(request), asOf: try Self.asOf(request, today: clock.today),
            scope: context.readScope, language: request.language)
        let issued = try await IssuedReportStore(database).issue(.supervisor(report), unitID: try context.id())
        return try jsonResponse(Issued(issued, newerData: false), status: .created)
    }

    /// The `as_of` day of the query (`YYYY-MM-DD`, today by default); 400 when not a day.
    static func asOf(_ request: Request, today: String) throws -> String {
        guard let text = request.uri.queryParameters.get("as_of").map({ String($0) }) else { return today }
        guard CalendarDay(parsing: text) != nil else {
            throw APIError.badRequest(
                request.language.say(.badQueryParameter, ["name": "as_of", "text": text]),
                issues: [.init(row: nil, field: "as_of", message: "YYYY-MM-DD")])
        }
        return text
    }
}

/// The climate section's document to print.
public enum ClimateReportDocument {
    public static func html(_ report: ClimateDisclosure, unitID: Int64, language: Language, printedOn: String) throws
        -> String
    {
        let renderer = try PageRenderer.load()
        let t = renderer.strings.table(language)
        func text(_ key: String) -> String { t.text(forKey: key) }
        let title = text("climate_title")
        let page = ClimateReportPage(
            report,
            layout: PageLayout(
                strings: renderer.strings, language: language, title: title, current: .climateReport,
                sameIn: { _ in .climateReport(unit: unitID, year: report.basis.year) }),
            heading: title, strings: t, language: language, years: [], printedOn: printedOn)
        let contents: [ReportDocument.Entry] =
            [("basis", "report_basis")].map { .init(anchor: $0.0, title: text($0.1)) }
            + page.parts.map { .init(anchor: $0.anchor, title: $0.title) }
            + [("metrics", "climate_metrics"), ("assurance", "climate_assurance"), ("index", "climate_index")]
            .map { .init(anchor: $0.0, title: text($0.1)) }
        return ReportDocument.html(
            page: page, bodyTemplate: "report-climate-body", renderer: renderer, language: language, title: title,
            entity: "\(report.basis.unitCode) \(report.basis.unitName)", year: report.basis.year,
            printedOn: printedOn, contents: contents, warnings: page.warnings)
    }
}

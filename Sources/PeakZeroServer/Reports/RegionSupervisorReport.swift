import Accounting
import Foundation
import Hummingbird
import Intake
import Persistence
import Reports

/// The supervisor's report on a region (province, city or county): the same report as a subtree's,
/// its indicators from the inventories of the units registered there, by city or county.
extension ReportsAPI {
    func regionSupervisorReport(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let code = context.parameters.get("code") ?? ""
        guard let region = RegionPrefix(code) else {
            throw APIError.notFound("no region with code \(code) (use a GB/T 2260 code such as 510000, 510100 or 510104)")
        }
        let language = request.language
        let report = try await Self.regionReport(
            region, code: code, year: try Self.year(request), asOf: try Self.asOf(request, today: clock.today),
            scope: context.readScope, language: language, database)
        let name = "\(code)-\(report.basis.year)-supervision"
        switch request.uri.queryParameters.get("format").map({ String($0) }) ?? "json" {
        case "json": return try jsonResponse(report)
        case "xlsx":
            return IntakeAPI.file(
                try SupervisorReportWorkbook.data(report, language: language), name: name + ".xlsx", format: .xlsx)
        case "pdf":
            let html = try SupervisorReportDocument.html(
                report, address: .regionSupervisorReport(code: code, year: report.basis.year), language: language)
            return try await printed(html, name: name + ".pdf", request)
        case let other:
            throw APIError.badRequest(
                language.say(.badQueryParameter, ["name": "format", "text": other]),
                issues: [.init(row: nil, field: "format", message: "json, xlsx, pdf")])
        }
    }

    /// Issues the region's supervisor's report of `year` as of `as_of`: kept with the region, audited.
    func issueRegionSupervisor(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let code = context.parameters.get("code") ?? ""
        guard let region = RegionPrefix(code) else {
            throw APIError.notFound("no region with code \(code) (use a GB/T 2260 code such as 510000, 510100 or 510104)")
        }
        let report = try await Self.regionReport(
            region, code: code, year: try Self.year(request), asOf: try Self.asOf(request, today: clock.today),
            scope: context.readScope, language: request.language, database)
        let issued = try await IssuedReportStore(database).issue(report, region: code)
        return try jsonResponse(Issued(issued, newerData: false), status: .created)
    }

    static func regionReport(
        _ region: RegionPrefix, code: String, year: Int, asOf: String, scope: AccessScope, language: Language,
        _ database: PeakZeroDatabase
    ) async throws -> SupervisorReport {
        try await SupervisorReportSource(database).report(
            region: region, code: code, name: RegionNames.name(of: region, language),
            childName: { child in RegionPrefix(child).map { RegionNames.name(of: $0, language) } ?? child },
            year: year, asOf: asOf, scope: scope, language: language)
    }
}

extension PageHandlers {
    func regionSupervisorReportPage(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let code = context.parameters.get("code") ?? ""
        guard let region = RegionPrefix(code) else { return notFound(request) }
        return try await supervisorPage(
            request, subject: RegionNames.name(of: region, request.language), current: .regionSupervisorReport,
            address: { .regionSupervisorReport(code: code, year: $0) },
            api: APIRoute.regionSupervisorReport.path.replacingOccurrences(of: "{code}", with: code),
            report: { year in
                try await ReportsAPI.regionReport(
                    region, code: code, year: year, asOf: clock.today, scope: context.readScope,
                    language: request.language, database)
            },
            issueAction: context.writeScope.covers(region)
                ? SiteURL.issueRegionSupervisorReport(code: code).link(request.language) : nil)
    }

    /// Issues the region's report shown, as of today, then shows it as issued.
    func issueRegionSupervisorReportPage(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let form = try await FormPost.read(request)
        let language = request.language
        let code = context.parameters.get("code") ?? ""
        guard let region = RegionPrefix(code), let year = Int(form["year"]) else { return notFound(request) }
        let report: SupervisorReport
        do {
            report = try await ReportsAPI.regionReport(
                region, code: code, year: year, asOf: clock.today, scope: context.readScope, language: language,
                database)
        } catch StoreError.conflict {
            return Self.redirect(to: SiteURL.regionSupervisorReport(code: code, year: year).link(language))
        }
        let issued = try await IssuedReportStore(database).issue(report, region: code)
        return Self.redirect(to: SiteURL.issuedReport(id: issued.id).link(language))
    }
}

import Accounting
import Foundation
import Hummingbird
import Intake
import Persistence
import Reports

/// Reports drawn from stored data: one model per report, rendered as JSON or a workbook here and
/// as a print-ready page on the web.
struct ReportsAPI: Sendable {
    let database: PeakZeroDatabase

    /// The enterprise GHG inventory report of a unit's subtree for a year.
    func inventoryReport(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let report = try await Self.inventoryReport(request, context, database)
        switch request.uri.queryParameters.get("format").map({ String($0) }) ?? "json" {
        case "json": return try jsonResponse(report)
        case "xlsx":
            let data = try InventoryReportWorkbook.data(report, language: request.language)
            return IntakeAPI.file(
                data, name: "\(report.basis.unitCode)-\(report.basis.year)-ghg-report.xlsx", format: .xlsx)
        case let other:
            throw APIError.badRequest(
                request.language.say(.badQueryParameter, ["name": "format", "text": other]),
                issues: [.init(row: nil, field: "format", message: "json, xlsx")])
        }
    }

    /// The report the request asks for (`year`, `scope2`), or a 400/409 saying why there is none.
    static func inventoryReport(_ request: Request, _ context: PeakZeroContext, _ database: PeakZeroDatabase)
        async throws -> GHGInventoryReport
    {
        guard let year = try request.query("year", as: Int.self) else {
            throw APIError.badRequest(
                request.language.say(.badQueryParameter, ["name": "year", "text": ""]),
                issues: [.init(row: nil, field: "year", message: "required")])
        }
        let methodText = request.uri.queryParameters.get("scope2").map { String($0) } ?? "location"
        guard let method = Scope2Method(rawValue: methodText) else {
            throw APIError.badRequest(
                request.language.say(.badQueryParameter, ["name": "scope2", "text": methodText]),
                issues: [.init(row: nil, field: "scope2", message: "location, market")])
        }
        return try await InventoryReportSource(database).report(
            unitID: try context.id(), year: year, method: method, language: request.language)
    }
}

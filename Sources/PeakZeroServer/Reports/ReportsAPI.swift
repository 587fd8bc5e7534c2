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
    let clock: ChinaClock

    /// Two prints at a time for this server: each Chromium takes a core for a second or two. Per
    /// server, not per process, so that servers side by side — the tests' — do not refuse each other.
    let printing = ImportGate(limit: 2)

    /// The enterprise GHG inventory report of a unit's subtree for a year.
    func inventoryReport(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let report = try await Self.inventoryReport(request, context, database)
        switch request.uri.queryParameters.get("format").map({ String($0) }) ?? "json" {
        case "json": return try jsonResponse(report)
        case "xlsx":
            let data = try InventoryReportWorkbook.data(report, language: request.language)
            return IntakeAPI.file(
                data, name: "\(report.basis.unitCode)-\(report.basis.year)-ghg-report.xlsx", format: .xlsx)
        case "pdf":
            return try await pdf(report, unitID: try context.id(), request, printedOn: clock.today)
        case let other:
            throw APIError.badRequest(
                request.language.say(.badQueryParameter, ["name": "format", "text": other]),
                issues: [.init(row: nil, field: "format", message: "json, xlsx, pdf")])
        }
    }

    /// The GHG inventory report printed by headless Chromium.
    private func pdf(_ report: GHGInventoryReport, unitID: Int64, _ request: Request, printedOn: String) async throws
        -> Response
    {
        let html = try InventoryReportDocument.html(
            report, unitID: unitID, language: request.language, printedOn: printedOn)
        return try await printed(html, name: "\(report.basis.unitCode)-\(report.basis.year)-ghg-report.pdf", request)
    }

    /// A report's document printed by headless Chromium; 503 when the server has none, 429 while
    /// two print.
    func printed(_ html: String, name: String, _ request: Request) async throws -> Response {
        guard printing.enter() else {
            throw APIError(
                status: .tooManyRequests, code: "printing_busy",
                message: request.language.say(.importsBusy, ["limit": "2", "seconds": "\(ImportGate.retryAfter)"]),
                retryAfter: ImportGate.retryAfter)
        }
        defer { printing.leave() }
        let data: Data
        do { data = try await ChromiumPDF.pdf(html: html) } catch let failure as ChromiumPDF.Failure {
            throw APIError(status: .serviceUnavailable, code: "pdf_unavailable", message: failure.description)
        }
        var headers = HTTPFields()
        headers[.contentType] = "application/pdf"
        headers[.contentDisposition] =
            "attachment; filename=\"report.pdf\"; filename*=UTF-8''"
            + (name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "report.pdf")
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Issues the unit's report of `year`: kept whole, audited; 201 with the issued report.
    func issue(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let report = try await Self.inventoryReport(request, context, database)
        let issued = try await IssuedReportStore(database).issue(.inventory(report), unitID: try context.id())
        return try jsonResponse(Issued(issued, newerData: false), status: .created)
    }

    /// The issued reports of a unit's subtree, newest first.
    func listIssued(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let issued = try await IssuedReportStore(database).list(under: try context.id())
        return try jsonResponse(try Page(issued.map(Listing.init), request))
    }

    /// An issued report as it was issued — JSON, workbook or PDF — and whether newer data exist.
    func getIssued(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let issued = try await IssuedReportStore(database).report(id: try context.id())
        let name = "\(issued.unitCode)-\(issued.year)-\(issued.kind)-report-\(issued.id)"
        let printedOn = String(issued.issuedAt.prefix(10))
        let language = request.language
        switch (request.uri.queryParameters.get("format").map({ String($0) }) ?? "json", issued.content) {
        case ("json", _):
            let newer = try await InventoryReportSource(database).hasNewerData(issued)
            return try jsonResponse(Issued(issued, newerData: newer))
        case ("xlsx", .inventory(let report)):
            return IntakeAPI.file(
                try InventoryReportWorkbook.data(report.named(in: language), language: language), name: name + ".xlsx",
                format: .xlsx)
        case ("xlsx", .climate(let report)):
            return IntakeAPI.file(
                try ClimateDisclosureWorkbook.data(report, language: language), name: name + ".xlsx", format: .xlsx)
        case ("xlsx", .supervisor(let report)):
            return IntakeAPI.file(
                try SupervisorReportWorkbook.data(report, language: language), name: name + ".xlsx", format: .xlsx)
        case ("pdf", .inventory(let report)):
            return try await pdf(report, unitID: issued.unitId, request, printedOn: printedOn)
        case ("pdf", .climate(let report)):
            let html = try ClimateReportDocument.html(
                report, unitID: issued.unitId, language: language, printedOn: printedOn)
            return try await printed(html, name: name + ".pdf", request)
        case ("pdf", .supervisor(let report)):
            let address: SiteURL =
                issued.regionCode.map { .regionSupervisorReport(code: $0, year: issued.year) }
                ?? .supervisorReport(unit: issued.unitId, year: issued.year)
            let html = try SupervisorReportDocument.html(report, address: address, language: language)
            return try await printed(html, name: name + ".pdf", request)
        case (let other, _):
            throw APIError.badRequest(
                language.say(.badQueryParameter, ["name": "format", "text": other]),
                issues: [.init(row: nil, field: "format", message: "json, xlsx, pdf")])
        }
    }

    /// An issued report with whether its figures are still the current ones: its model under the
    /// key of its kind (`report` for the GHG inventory report, `climate`, `supervisor`).
    struct Issued: Codable {
        let id: Int64
        let unitId: Int64
        let unitCode: String
        let kind: String
        let year: Int
        let issuedBy: String
        let issuedAt: String
        /// A newer inventory covers the unit's year, or the issued one's data changed since.
        let newerData: Bool
        let report: GHGInventoryReport?
        let climate: ClimateDisclosure?
        let supervisor: SupervisorReport?

        init(_ issued: IssuedReport, newerData: Bool) {
            id = issued.id
            unitId = issued.unitId
            unitCode = issued.unitCode
            kind = issued.kind
            year = issued.year
            issuedBy = issued.issuedBy
            issuedAt = issued.issuedAt
            self.newerData = newerData
            switch issued.content {
            case .inventory(let inventory): (report, climate, supervisor) = (inventory, nil, nil)
            case .climate(let section): (report, climate, supervisor) = (nil, section, nil)
            case .supervisor(let supervision): (report, climate, supervisor) = (nil, nil, supervision)
            }
        }
    }

    /// An issued report as a list shows it.
    struct Listing: Codable {
        let id: Int64
        let unitId: Int64
        let unitCode: String
        let kind: String
        let year: Int
        let inventoryId: Int64
        let inventoryVersion: Int
        let issuedBy: String
        let issuedAt: String

        init(_ issued: IssuedReport) {
            id = issued.id
            unitId = issued.unitId
            unitCode = issued.unitCode
            kind = issued.kind
            year = issued.year
            inventoryId = issued.inventoryId
            inventoryVersion = issued.inventoryVersion
            issuedBy = issued.issuedBy
            issuedAt = issued.issuedAt
        }
    }

    /// The report the request asks for (`year`, `scope2`), or a 400/409 saying why there is none.
    static func inventoryReport(_ request: Request, _ context: PeakZeroContext, _ database: PeakZeroDatabase)
        async throws -> GHGInventoryReport
    {
        let year = try Self.year(request)
        return try await InventoryReportSource(database).report(
            unitID: try context.id(), year: year, method: try Self.method(request), language: request.language)
    }

    /// The required `year` of the query; 400 when missing.
    static func year(_ request: Request) throws -> Int {
        guard let year = try request.query("year", as: Int.self) else {
            throw APIError.badRequest(
                request.language.say(.badQueryParameter, ["name": "year", "text": ""]),
                issues: [.init(row: nil, field: "year", message: "required")])
        }
        return year
    }

    /// The `scope2` of the query (location by default); 400 when unknown.
    static func method(_ request: Request) throws -> Scope2Method {
        let methodText = request.uri.queryParameters.get("scope2").map { String($0) } ?? "location"
        guard let method = Scope2Method(rawValue: methodText) else {
            throw APIError.badRequest(
                request.language.say(.badQueryParameter, ["name": "scope2", "text": methodText]),
                issues: [.init(row: nil, field: "scope2", message: "location, market")])
        }
        return method
    }
}

import Accounting
import Foundation
import Hummingbird
import Intake
import Persistence
import Spreadsheet

/// Templates to download, imports of filled-in files (small ones answered at once, large ones run
/// as jobs), and exports of stored numbers as Excel or CSV.
struct IntakeAPI {
    let database: PeakZeroDatabase
    /// The date in China, for this year, this month and today.
    let clock: ChinaClock
    let jobs: ImportJobs
    /// Files larger than this are imported as a job.
    let jobThreshold: Int
    /// The imports running at once, shared with the import page's.
    let gate: ImportGate
    /// How much of a workbook may be read.
    let workbookLimits: WorkbookLimits

    func template(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        guard let kind = context.parameters.get("kind").flatMap(Templates.Kind.init(rawValue:)) else {
            throw APIError.notFound("no template \(context.parameters.get("kind") ?? "")")
        }
        let format = try Self.format(request)
        // The template's own language is asked for by name: a name it does not know is refused, not
        // quietly replaced by the browser's language.
        if let lang = request.uri.queryParameters.get("lang"), Language(rawValue: String(lang)) == nil {
            throw APIError.badRequest(
                request.language.say(.badQueryParameter, ["name": "lang", "text": String(lang)]),
                issues: [.init(row: nil, field: "lang", message: "zh, en")])
        }
        return Self.file(
            try Templates.data(kind, format: format, language: request.language),
            name: "peakzero-\(kind.rawValue)-template.\(format.rawValue)", format: format)
    }

    func createImport(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        var request = request
        let language = request.language
        let dryRun = try request.query("dry_run", as: Bool.self) ?? false
        let modeText = request.uri.queryParameters.get("mode") ?? "append"
        guard let mode = ImportReport.Mode(rawValue: modeText) else {
            throw APIError.badRequest(
                language.say(.badImportMode),
                issues: [.init(row: nil, field: "mode", message: modeText)])
        }
        let kind = try Self.kind(request)
        let body = Data(buffer: try await request.collectBody(upTo: context.maxUploadSize))
        let (data, name) = try Self.upload(body, request: request)
        // The place is taken before the file is opened (a workbook is unpacked in memory) and given
        // back on every way out — by the job, when the import runs as one.
        guard gate.enter() else {
            throw APIError(
                status: .tooManyRequests, code: "imports_busy",
                message: language.say(.importsBusy, ["limit": "\(gate.limit)", "seconds": "\(ImportGate.retryAfter)"]),
                retryAfter: ImportGate.retryAfter)
        }
        let gate = self.gate
        var handedToJob = false
        defer { if !handedToJob { gate.leave() } }
        let file: IntakeFile
        do { file = try IntakeFile(data: data, name: name, limits: workbookLimits) } catch {
            throw APIError(
                status: .unprocessableContent, code: "unreadable_file",
                message: error.issues.first?.message(in: language) ?? name,
                issues: error.issues.map { .init(row: $0.row, field: $0.column, message: $0.message(in: language)) })
        }
        let importer = FileImport(database, workbookLimits: workbookLimits)
        if data.count > jobThreshold {
            // Kept in a file while it runs, so a CSV streams (a block at a time) as from the command line.
            let folder = try PrivateUploads.folder("jobs", UUID().uuidString)
            let path = folder.appendingPathComponent(name).path
            try PrivateUploads.write(data, to: URL(fileURLWithPath: path))
            let scope = context.writeScope
            let owner = try context.signedIn.account.id
            handedToJob = true
            let id = await jobs.start(file: name, owner: owner) { progress in
                defer {
                    try? FileManager.default.removeItem(at: folder)
                    gate.leave()
                }
                return try await importer.run(
                    path: path, kind: kind, mode: mode, dryRun: dryRun, language: language, today: clock.now(), scope: scope,
                    progress: progress)
            }
            var response = try jsonResponse(
                JobBody(
                    id: id, state: .running, file: name, rowsRead: 0, bytesRead: 0, bytesTotal: data.count, report: nil,
                    failure: nil), status: .accepted)
            response.headers[.location] = "/api/v1/imports/\(id)"
            return response
        }
        // Rows for units outside the account's subtrees read as rows for unknown units.
        let report = try await importer.run(
            file, kind: kind, mode: mode, dryRun: dryRun, language: language, today: clock.now(), scope: context.writeScope)
        return try jsonResponse(
            ReportBody(report, language: language), status: report.succeeded ? .ok : .unprocessableContent)
    }

    func getImport(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let account = try context.signedIn.account
        // Another account's job reads as missing.
        guard let id = context.parameters.get("id"), let job = await jobs.job(id),
            job.owner == account.id || account.isAdmin
        else {
            throw APIError.notFound("no import job \(context.parameters.get("id") ?? "")")
        }
        return try jsonResponse(
            JobBody(
                id: job.id, state: job.state, file: job.file,
                rowsRead: job.progress?.rowsRead ?? job.report?.rowsRead ?? 0,
                bytesRead: job.progress?.bytesRead ?? 0, bytesTotal: job.progress?.bytesTotal ?? 0,
                report: job.report.map { ReportBody($0, language: request.language) }, failure: job.failure))
    }

    /// A unit's subtree as one template's data: activity or economic records (of one `year` if
    /// given), the units themselves, their reduction projects or their ledger entries.
    func exportSubtree(_ kind: Exports.SubtreeKind, _ request: Request, _ context: PeakZeroContext) async throws
        -> Response
    {
        let unitID = try request.requireQuery("unit_id", as: Int64.self)
        let year = [.activity, .economic].contains(kind) ? try request.query("year", as: Int.self) : nil
        let format = try Self.format(request)
        let unit = try await UnitStore(database).unit(id: unitID)
        let tables = try await Exports.subtree(
            kind, in: database, under: unitID, year: year, language: request.language)
        return Self.file(
            try Exports.data(tables, format: format), name: "\(kind.rawValue)-\(unit.code).\(format.rawValue)",
            format: format)
    }

    func exportInventory(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let id = try context.id()
        let format = try Self.format(request)
        let tables = try await Exports.inventory(in: database, id: id, language: request.language)
        return Self.file(
            try Exports.data(tables, format: format), name: "inventory-\(id).\(format.rawValue)", format: format)
    }

    func exportIndicators(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let year = try request.requireQuery("year", as: Int.self)
        let format = try Self.format(request)
        let method = try request.choice("scope2", default: Scope2Method.location)
        let subject: RollupSubject
        let name: String
        if let unitID = try request.query("unit_id", as: Int64.self) {
            subject = .unit(
                id: unitID, approach: try request.choice("approach", default: ConsolidationApproach.control))
            name = "indicators-\(unitID)-\(year)"
        } else if let code = request.uri.queryParameters.get("region") {
            guard let prefix = RegionPrefix(String(code)) else { throw APIError.notFound("no region \(code)") }
            subject = .region(prefix)
            name = "indicators-\(prefix.prefix)-\(year)"
        } else {
            throw APIError.badRequest(
                request.language.say(.unitOrRegionNeeded),
                issues: [.init(row: nil, field: "unit_id", message: "required")])
        }
        let tables = try await Exports.indicators(
            in: database, subject: subject, year: year, method: method, language: request.language)
        return Self.file(try Exports.data(tables, format: format), name: "\(name).\(format.rawValue)", format: format)
    }

    // MARK: helpers

    /// The kind of file an import is told it holds; nil leaves it to the file.
    static func kind(_ request: Request) throws -> Templates.Kind? {
        guard let text = request.uri.queryParameters.get("kind").map({ String($0) }) else { return nil }
        guard let kind = Templates.Kind(rawValue: text) else {
            throw APIError.badRequest(
                request.language.say(.badImportKind),
                issues: [.init(row: nil, field: "kind", message: text)])
        }
        return kind
    }

    static func format(_ request: Request) throws -> Templates.Format {
        let text = request.uri.queryParameters.get("format").map { String($0) } ?? "xlsx"
        guard let format = Templates.Format(rawValue: text.lowercased()) else {
            throw APIError.badRequest(
                request.language.say(.badFileFormat),
                issues: [.init(row: nil, field: "format", message: text)])
        }
        return format
    }

    /// The uploaded file: the `file` part of a multipart form, or the whole body named by `file_name`.
    static func upload(_ body: Data, request: Request) throws -> (Data, String) {
        let language = request.language
        if let type = request.headers[.contentType], let boundary = MultipartForm.boundary(of: type) {
            guard let form = MultipartForm(body: body, boundary: boundary),
                let part = form.parts.first(where: { $0.name == "file" })
                    ?? form.parts.first(where: { $0.fileName != nil })
            else {
                throw APIError.badRequest(
                    language.say(.formHasNoFile),
                    issues: [.init(row: nil, field: "file", message: "required")])
            }
            return (part.data, safeName(part.fileName ?? "upload"))
        }
        guard !body.isEmpty else {
            throw APIError.badRequest(
                language.say(.requestHasNoFile),
                issues: [.init(row: nil, field: "file", message: "required")])
        }
        return (body, safeName(request.uri.queryParameters.get("file_name").map { String($0) } ?? "upload"))
    }

    /// A file name as given, without any folder part: it names a temporary file and appears in reports.
    static func safeName(_ name: String) -> String {
        let last = (name.replacingOccurrences(of: "\\", with: "/") as NSString).lastPathComponent
        return ["", ".", ".."].contains(last) ? "upload" : last
    }

    static func file(_ data: Data, name: String, format: Templates.Format) -> Response {
        var headers = HTTPFields()
        headers[.contentType] =
            format == .xlsx
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8"
        let ascii = name.unicodeScalars.allSatisfy { $0.isASCII && $0 != "\"" } ? name : "peakzero.\(format.rawValue)"
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ascii
        headers[.contentDisposition] = "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    // MARK: bodies

    struct IssueBody: Codable {
        let sheet: String?
        let row: Int?
        let column: String?
        let columnLetter: String?
        let message: String

        init(_ issue: InputIssue, language: Language) {
            sheet = issue.sheet
            row = issue.row
            column = issue.column
            columnLetter = issue.columnLetter
            message = issue.message(in: language)
        }
    }

    struct ReportBody: Codable {
        let file: String
        let sheet: String?
        let contentHash: String
        let mode: String
        let dryRun: Bool
        let rowsRead: Int
        let rowsValid: Int
        let rowsWritten: Int
        let rowsSuperseded: Int
        let batchId: Int64?
        let alreadyImported: Bool
        let errors: [IssueBody]
        let warnings: [IssueBody]
        let summary: String

        init(_ r: ImportReport, language: Language) {
            file = r.file
            sheet = r.sheet
            contentHash = r.contentHash
            mode = r.mode.rawValue
            dryRun = r.dryRun
            rowsRead = r.rowsRead
            rowsValid = r.rowsValid
            rowsWritten = r.rowsWritten
            rowsSuperseded = r.rowsSuperseded
            batchId = r.batchID
            alreadyImported = r.alreadyImported
            errors = r.errors.map { IssueBody($0, language: language) }
            warnings = r.warnings.map { IssueBody($0, language: language) }
            summary = r.text(in: language)
        }
    }

    struct JobBody: Codable {
        let id: String
        let state: ImportJobs.State
        let file: String
        let rowsRead: Int
        let bytesRead: Int
        let bytesTotal: Int
        let report: ReportBody?
        let failure: String?
    }
}

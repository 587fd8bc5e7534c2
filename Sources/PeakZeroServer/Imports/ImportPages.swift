import Accounting
import Foundation
import Hummingbird
import Intake
import Persistence

/// The import page: upload a filled-in template, read the dry run's report (every problem with
/// its sheet, row and column), then confirm. The uploaded file waits in a private folder between
/// the two steps, named by its content hash, so the confirmation imports exactly what was checked.
/// Each server keeps its own folder and each account its own place in it, so two people (or two
/// servers on one machine) checking the same file never confirm or remove each other's.
extension PageHandlers {
    /// Where the account's checked files wait.
    func pendingFolder(_ context: PeakZeroContext) throws -> URL {
        try PrivateUploads.folder("pending", pendingRoot.lastPathComponent, String(try context.signedIn.account.id))
    }

    func importForm(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        renderer.response(importPage(request, report: nil, pending: nil), template: "import")
    }

    /// Checks an uploaded file (a dry run) and keeps it for the confirmation.
    func uploadImport(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let language = request.language
        guard let upload = try await FileUpload.read(request, context) else {
            return renderer.response(
                importPage(request, report: nil, pending: nil, problem: renderer.strings.text(.noFile, language)),
                template: "import", status: .unprocessableContent)
        }
        let part = upload.file
        let choice = PendingImport(
            name: IntakeAPI.safeName(part.fileName ?? "upload"), hash: "",
            kind: Templates.Kind(rawValue: upload.field("kind")),
            mode: ImportReport.Mode(rawValue: upload.field("mode")) ?? .append)
        // The place is taken before the file is opened: a workbook is unpacked in memory.
        if let busy = busyPage(request) { return busy }
        defer { importGate.leave() }
        let file: IntakeFile
        do { file = try IntakeFile(data: part.data, name: choice.name, limits: workbookLimits) } catch {
            return renderer.response(
                importPage(
                    request, report: nil, pending: nil,
                    problem: error.issues.map { $0.message(in: language) }.joined(separator: "\n")),
                template: "import", status: .unprocessableContent)
        }
        let report = try await FileImport(database, workbookLimits: workbookLimits).run(
            file, kind: choice.kind, mode: choice.mode, dryRun: true, language: language, today: clock.now(), scope: context.writeScope)
        var pending: PendingImport?
        if report.succeeded && !report.alreadyImported {
            let kept = PendingImport(name: choice.name, hash: file.contentHash, kind: choice.kind, mode: choice.mode)
            let folder = try pendingFolder(context)
            try PrivateUploads.write(part.data, to: kept.path(in: folder))
            pending = kept
        }
        return renderer.response(
            importPage(request, report: report, pending: pending), template: "import",
            status: report.succeeded ? .ok : .unprocessableContent)
    }

    /// Imports the file checked before, all rows or none.
    func confirmImport(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let form = try await FormPost.read(request)
        let language = request.language
        let folder = try pendingFolder(context)
        guard let pending = PendingImport(form: form),
            FileManager.default.fileExists(atPath: pending.path(in: folder).path)
        else {
            return renderer.response(
                importPage(
                    request, report: nil, pending: nil, problem: renderer.strings.text(.uploadExpired, language)),
                template: "import", status: .gone)
        }
        if let busy = busyPage(request) { return busy }
        defer { importGate.leave() }
        defer { try? FileManager.default.removeItem(at: pending.path(in: folder)) }
        let report = try await FileImport(database, workbookLimits: workbookLimits).run(
            path: pending.path(in: folder).path, kind: pending.kind, mode: pending.mode, dryRun: false,
            language: language,
            createdBy: nil, today: clock.now(), scope: context.writeScope)
        return renderer.response(
            importPage(request, report: report, pending: nil), template: "import",
            status: report.succeeded ? .ok : .unprocessableContent)
    }

    /// The page saying the imports are all taken (429, `Retry-After`), or nil when this one may run
    /// — then it holds a place until it calls `importGate.leave()`.
    private func busyPage(_ request: Request) -> Response? {
        guard !importGate.enter() else { return nil }
        let language = request.language
        var response = renderer.response(
            importPage(
                request, report: nil, pending: nil,
                problem: language.say(
                    .importsBusy, ["limit": "\(importGate.limit)", "seconds": "\(ImportGate.retryAfter)"])),
            template: "import", status: .tooManyRequests)
        response.headers[.retryAfter] = String(ImportGate.retryAfter)
        return response
    }

    private func importPage(
        _ request: Request, report: ImportReport?, pending: PendingImport?, problem: String? = nil
    ) -> ImportPage {
        let language = request.language
        let t = renderer.strings.table(language)
        func issues(_ list: [InputIssue]) -> [ImportPage.Issue] {
            list.map {
                .init(
                    sheet: $0.sheet ?? "", row: $0.row.map(String.init) ?? "",
                    column: [$0.columnLetter, $0.column].compactMap { $0 }.joined(separator: " "),
                    message: $0.problem.text(in: language))
            }
        }
        let view = report.map { report in
            ImportPage.Report(
                title: t[report.dryRun ? .dryRunTitle : .importDoneTitle],
                summary: report.text(in: language).split(separator: "\n").prefix(2).joined(separator: " · "),
                outcome: report.text(in: language).split(separator: "\n").last.map(String.init) ?? "",
                succeeded: report.succeeded, errors: issues(report.errors), hasErrors: !report.errors.isEmpty,
                more: report.errorsNotShown > 0
                    ? (t[.errorsNotShown]).replacingOccurrences(
                        of: "{count}", with: String(report.errorsNotShown))
                    : nil,
                warnings: issues(report.warnings), hasWarnings: !report.warnings.isEmpty)
        }
        return ImportPage(
            layout: PageLayout(
                strings: renderer.strings, language: language, title: t[.importTitle], current: .importForm,
                sameIn: { _ in .importForm }),
            action: SiteURL.importUpload.link(language), confirmAction: SiteURL.importConfirm.link(language),
            kinds: [("", t[.kindAuto])]
                + Templates.Kind.allCases.map { ($0.rawValue, t.text(forKey: "kind_\($0.rawValue)", else: $0.rawValue)) },
            templates: Templates.Kind.allCases.map { kind in
                .init(
                    name: t.text(forKey: "kind_\(kind.rawValue)", else: kind.rawValue),
                    url: APIRoute.getTemplate.path.replacingOccurrences(of: "{kind}", with: kind.rawValue)
                        + "?format=xlsx&lang=\(language.rawValue)")
            }, problem: problem, report: view, pending: pending)
    }
}

/// A checked upload waiting for its confirmation, as the confirmation form carries it.
struct PendingImport: Sendable {
    let name: String
    let hash: String
    let kind: Templates.Kind?
    let mode: ImportReport.Mode
    /// The kind and mode as the confirmation form carries them; stored, because mustache sees
    /// stored properties only (a computed one renders empty, and the confirmation would fall back
    /// to "append" and "told by the file").
    let kindValue: String
    let modeValue: String

    init(name: String, hash: String, kind: Templates.Kind?, mode: ImportReport.Mode) {
        self.name = name
        self.hash = hash
        self.kind = kind
        self.mode = mode
        kindValue = kind?.rawValue ?? ""
        modeValue = mode.rawValue
    }

    /// From the confirmation form; nil unless the hash is a SHA-256 in hex (it names a file).
    init?(form: FormPost) {
        let hash = form["hash"]
        guard hash.count == 64, hash.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
        self.init(
            name: IntakeAPI.safeName(form["name"]), hash: hash, kind: Templates.Kind(rawValue: form["kind"]),
            mode: ImportReport.Mode(rawValue: form["mode"]) ?? .append)
    }

    /// Where the file waits: its hash and its name, so the importer sees the name's extension.
    func path(in folder: URL) -> URL { folder.appendingPathComponent("\(hash)-\(name)") }
}

/// The import page's model.
struct ImportPage: Sendable {
    struct Issue: Sendable {
        let sheet: String
        let row: String
        let column: String
        let message: String
    }

    struct Report: Sendable {
        let title: String
        let summary: String
        let outcome: String
        let succeeded: Bool
        let errors: [Issue]
        let hasErrors: Bool
        let more: String?
        let warnings: [Issue]
        let hasWarnings: Bool
    }

    let layout: PageLayout
    let action: String
    let confirmAction: String
    let kinds: [RecordForm.Option]
    let templates: [DashboardPage.Crumb]
    let problem: String?
    let report: Report?
    let pending: PendingImport?

    init(
        layout: PageLayout, action: String, confirmAction: String, kinds: [(String, String)],
        templates: [DashboardPage.Crumb], problem: String?, report: Report?, pending: PendingImport?
    ) {
        self.layout = layout
        self.action = action
        self.confirmAction = confirmAction
        self.kinds = kinds.map { .init(value: $0.0, label: $0.1, selected: $0.0 == (pending?.kindValue ?? "")) }
        self.templates = templates
        self.problem = problem
        self.report = report
        self.pending = pending
    }
}

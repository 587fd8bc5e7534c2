import Accounting
import Foundation
import Persistence

/// How far a running import has got, for a progress bar or a job's state.
public struct ImportProgress: Sendable {
    public let bytesRead: Int
    public let bytesTotal: Int
    public let rowsRead: Int
}

extension ActivityImport {
    /// Imports a file by its path. A CSV into SQLite streams: it is read, checked and written a
    /// block at a time in one transaction, so a million rows never sit in memory at once. A
    /// workbook, or any file into PostgreSQL, is read whole and imported as `run(_:)` does.
    public func run(
        path: String, mode: ImportReport.Mode = .append, dryRun: Bool, language: Language, createdBy: String? = nil,
        today: Date = Date(), scope: AccessScope = .everything, progress: (@Sendable (ImportProgress) -> Void)? = nil
    ) async throws -> ImportReport {
        let name = (path as NSString).lastPathComponent
        let store = ActivityStore(database)
        guard store.streams, !FileImport.isWorkbook(path: path) else {
            do {
                return try await run(
                    try IntakeFile(path: path), mode: mode, dryRun: dryRun, language: language, createdBy: createdBy,
                    today: today, scope: scope)
            } catch let issues as InputIssues {
                var report = ImportReport(file: name, sheet: nil, contentHash: "", mode: mode, dryRun: dryRun)
                report.add(issues.issues)
                return report
            }
        }
        let provenance = RecordBatch(
            kind: "import", fileName: name, templateVersion: "activity-v\(ActivityTemplate.version)",
            createdBy: createdBy)
        let outcome = try await store.stream(provenance: provenance, scope: scope) { stream in
            try Self.streamRows(
                path: path, stream: stream, mode: mode, dryRun: dryRun, language: language, today: today,
                progress: progress)
        }
        var report = outcome.result
        if let earlier = outcome.earlier {
            // The same answer as for a file read whole: the earlier batch, nothing checked or written.
            return .repeated(
                file: name, sheet: nil, contentHash: report.contentHash, mode: mode, dryRun: dryRun,
                earlier: (earlier.id, earlier.createdAt))
        }
        report.rowsWritten = outcome.written
        report.batchID = outcome.batch
        if outcome.batch == nil { report.rowsSuperseded = 0 }
        return report
    }

    /// Reads, checks and (unless it is a dry run or an error has been found) writes every row.
    static func streamRows(
        path: String, stream: ActivityStream, mode: ImportReport.Mode, dryRun: Bool, language: Language, today: Date,
        progress: (@Sendable (ImportProgress) -> Void)?
    ) throws -> ActivityStore.StreamOutcome<ImportReport> {
        var chunks: CSVChunks
        var report = ImportReport(
            file: (path as NSString).lastPathComponent, sheet: nil, contentHash: "", mode: mode, dryRun: dryRun)
        func refused(_ issues: [InputIssue]) -> ActivityStore.StreamOutcome<ImportReport> {
            report.add(issues)
            return .init(commit: false, contentHash: nil, superseding: [], result: report)
        }
        do { chunks = try CSVChunks(path: path) } catch { return refused(error.issues) }
        var reader: ActivityTemplate.ImportReader?
        var checks = ImportChecks(mode: mode, today: today)
        let unitRegion: (String) -> String? = { stream.unit(code: $0)?.regionCode }
        while true {
            let block: (firstRow: Int, records: [[String]])?
            do { block = try chunks.next() } catch { return refused(error.issues) }
            guard let block else { break }
            for (offset, values) in block.records.enumerated() where !CSVTable.isBlank(values) {
                let number = block.firstRow + offset
                guard let current = reader else {
                    do {
                        reader = try ActivityTemplate.ImportReader(
                            header: values, row: number, file: chunks.name, sheet: nil)
                    } catch { return refused(error.issues) }
                    continue
                }
                report.rowsRead += 1
                switch current.read(values, row: number, language: language, unitRegion: unitRegion) {
                case .failure(let issues): report.add(issues.issues)
                case .success(let record):
                    guard let unit = stream.unit(code: record.unitCode) else { continue }
                    let problems = try checks.check(record, unitID: unit.id, storedID: { try stream.storedID($0) }) {
                        field, problem in current.issue(row: number, field: field, problem)
                    }
                    report.add(problems)
                    guard problems.isEmpty else { continue }
                    report.rowsValid += 1
                    if !dryRun, report.succeeded { try stream.append(record) }
                }
            }
            progress?(ImportProgress(bytesRead: chunks.bytesRead, bytesTotal: chunks.size, rowsRead: report.rowsRead))
        }
        guard let reader else { return refused([InputIssue(file: chunks.name, problem: .emptyFile)]) }
        if report.rowsRead == 0 { return refused([InputIssue(file: chunks.name, problem: .noDataRows)]) }
        report.warnings = checks.warnings(storedMonthly: stream.storedMonthly) { row, problem in
            reader.issue(row: row, field: "quantity", problem)
        }
        report.errors.sort(by: InputIssue.spreadsheetOrder)
        report.warnings.sort(by: InputIssue.spreadsheetOrder)
        var hasher = chunks.hasher
        let hash = hasher.finish()
        report = ImportReport(copying: report, contentHash: hash)
        report.rowsSuperseded = checks.superseded.count
        return .init(
            commit: report.succeeded && !dryRun, contentHash: hash, superseding: checks.superseded, result: report)
    }
}

extension ImportReport {
    /// The same report with its file's hash, known only once the whole file is read.
    init(copying other: ImportReport, contentHash: String) {
        self = ImportReport(
            file: other.file, sheet: other.sheet, contentHash: contentHash, mode: other.mode, dryRun: other.dryRun)
        rowsRead = other.rowsRead
        rowsValid = other.rowsValid
        errors = other.errors
        warnings = other.warnings
        errorsNotShown = other.errorsNotShown
    }
}

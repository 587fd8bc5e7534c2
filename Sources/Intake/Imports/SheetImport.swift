import Accounting
import Persistence

/// One kind of import — activity, economic data, units — as the stages every import takes, which
/// `run` puts in order: a file imported before is answered with its batch; each row is read and
/// checked by the template; the rows it accepts are checked against the stored data; and, unless
/// something is wrong or it is a dry run, all are written in one transaction, or none. The streamed
/// activity import (`ActivityImport+Streaming`) takes the same stages a block at a time.
protocol SheetImport: Sendable {
    /// The rows the template accepts, with what the later stages need of the file.
    associatedtype Rows: Sendable
    /// What the checks against the stored data accept, ready to write.
    associatedtype Accepted: Sendable

    var database: PeakZeroDatabase { get }
    var kind: Templates.Kind { get }

    /// Reads the file by the template; the problems found go into the report (with `rowsRead`).
    /// Nil when the file as a whole cannot be read (wrong headers, no rows).
    func read(_ file: IntakeFile, _ options: ImportOptions, into report: inout ImportReport) async throws -> Rows?

    /// Checks the rows against each other, the calendar, locked periods and the stored data; the
    /// problems go into the report (with `rowsValid`).
    func check(_ rows: Rows, _ file: IntakeFile, _ options: ImportOptions, into report: inout ImportReport)
        async throws -> Accepted

    /// How many stored rows the accepted ones replace.
    func superseded(_ accepted: Accepted) -> Int

    /// Writes the accepted rows in one transaction (`rowsWritten`); what only the database can
    /// refuse goes into the report as errors, with nothing written.
    func write(_ accepted: Accepted, provenance: RecordBatch, into report: inout ImportReport) async throws
}

extension SheetImport {
    func run(_ file: IntakeFile, _ options: ImportOptions) async throws -> ImportReport {
        let batches = ActivityStore(database)
        if let earlier = try await batches.batch(contentHash: file.contentHash) {
            return .repeated(
                file: file.name, sheet: file.sheet, contentHash: file.contentHash, mode: options.mode,
                dryRun: options.dryRun, earlier: (earlier.id, earlier.createdAt))
        }
        var report = options.report(file: file.name, sheet: file.sheet, contentHash: file.contentHash)
        guard let rows = try await read(file, options, into: &report) else { return report }
        let accepted = try await check(rows, file, options, into: &report)
        report.sortIssues()
        guard report.succeeded else { return report }
        report.rowsSuperseded = superseded(accepted)
        guard !options.dryRun else { return report }
        try await write(
            accepted, provenance: options.provenance(of: kind, file: file.name, contentHash: file.contentHash),
            into: &report)
        report.sortIssues()
        guard report.succeeded else {
            report.rowsSuperseded = 0
            return report
        }
        report.batchID = try await batches.batch(contentHash: file.contentHash)?.id
        return report
    }

    /// Each row's own cells read by `parse` (which adds the problems it finds); the rows read without
    /// a problem, each with its row; nil when the headers are wrong.
    func readRows<Value>(
        _ file: IntakeFile, into report: inout ImportReport, _ parse: (TableRow, inout [InputIssue]) -> Value?
    ) -> (values: [Value], sources: [TableRow])? {
        guard let table = table(of: file, into: &report) else { return nil }
        var values: [Value] = [], sources: [TableRow] = []
        for row in table.rows {
            var issues: [InputIssue] = row.extraFieldIssue.map { [$0] } ?? []
            if let value = parse(row, &issues), issues.isEmpty {
                values.append(value)
                sources.append(row)
            }
            report.add(issues)
        }
        return (values, sources)
    }

    /// The file's rows by the kind's headers; nil, and the report saying why, when the headers are wrong.
    func table(of file: IntakeFile, into report: inout ImportReport) -> TableReader? {
        do {
            let table = try kind.table(file.rows, file: file.name, sheet: file.sheet)
            report.rowsRead = table.rows.count
            return table
        } catch {
            report.add(error.issues)
            return nil
        }
    }

    /// Whether the file holds more data rows than `limit` (the problem then reported): for imports
    /// whose rows are each costly to book, so one file cannot hold the writers back for long.
    func refusesTooManyRows(_ file: IntakeFile, limit: Int, into report: inout ImportReport) -> Bool {
        let count = file.rows.count { !CSVTable.isBlank($0.values) } - 1
        guard count > limit else { return false }
        report.add([InputIssue(file: file.name, sheet: file.sheet, problem: .tooManyRows(count: count, limit: limit))])
        return true
    }
}

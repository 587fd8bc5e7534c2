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

    /// A block of rows read and checked on the reading thread, for the writing thread.
    struct ReadBlock: Sendable {
        var rows: [ActivityStream.Row] = []
        /// Each row's spreadsheet row.
        var rowNumbers: [Int32] = []
        /// Rows refused by the file's own checks, with their spreadsheet rows: checked against the
        /// stored data too (so every problem of a row is named at once), never written.
        var refused: [(row: ActivityStream.Row, number: Int32)] = []
        /// Shapes first used in this block, numbered after the earlier blocks' shapes.
        var shapes: [ActivityStream.Shape] = []
    }

    /// What the reading thread found in the whole file.
    struct FileReading: Sendable {
        var report: ImportReport
        var reader: ImportRowReader?
        var contentHash: String?
        /// Problems of the whole file (unreadable, not UTF-8, no header, no rows).
        var refusal: [InputIssue]?
    }

    /// Reads and checks every row on a thread of its own, while this one (the bulk SQLite
    /// connection's) checks each row against the stored data and, unless it is a dry run or an
    /// error has been found, writes it.
    static func streamRows(
        path: String, stream: ActivityStream, mode: ImportReport.Mode, dryRun: Bool, language: Language, today: Date,
        progress: (@Sendable (ImportProgress) -> Void)?
    ) throws -> ActivityStore.StreamOutcome<ImportReport> {
        let handover = Handover<ReadBlock, FileReading>(capacity: 3)
        let directory = stream.directory
        let readingThread = Thread {
            handover.finish(
                readFile(
                    path: path, directory: directory, mode: mode, dryRun: dryRun, language: language, today: today,
                    progress: progress, handover: handover))
        }
        readingThread.start()
        var stored = StoredCheck(mode: mode)
        var storedIssues: [InputIssue] = []
        var refused = Set<Int32>()
        do {
            while let block = handover.receive() {
                stream.register(block.shapes)
                var accepted: [ActivityStream.Row] = []
                accepted.reserveCapacity(block.rows.count)
                var lastUnit: Int64 = -1
                var unitHasStored = false
                /// Whether the row passes the check against the stored data (its problems kept if not).
                func passes(_ row: ActivityStream.Row, _ number: Int32) throws -> Bool {
                    if row.unitID != lastUnit {
                        lastUnit = row.unitID
                        unitHasStored = try stream.hasStoredRecords(unitID: row.unitID)
                    }
                    guard unitHasStored else { return true }
                    let shape = stream.shape(row.shape)
                    let key = ActivityStore.RecordKey(
                        unitID: row.unitID, year: Int(row.year), month: row.month == 0 ? nil : Int(row.month),
                        item: shape.item, category: shape.category)
                    let problems = try stored.check(storedID: stream.storedID(key)) { field, problem in
                        InputIssue(row: Int(number), column: field, problem: problem)
                    }
                    storedIssues += problems
                    return problems.isEmpty
                }
                for (row, number) in zip(block.rows, block.rowNumbers) {
                    if try passes(row, number) { accepted.append(row) } else { refused.insert(number) }
                }
                for (row, number) in block.refused { _ = try passes(row, number) }
                if !dryRun, storedIssues.isEmpty, !handover.sawProblem { try stream.append(accepted) }
            }
        } catch {
            handover.cancel()
            _ = handover.waitForResult()
            throw error
        }
        let reading = handover.waitForResult()
        var report = reading.report
        if let refusal = reading.refusal {
            report.add(refusal)
            return .init(commit: false, contentHash: nil, superseding: [], result: report)
        }
        guard let reader = reading.reader, let hash = reading.contentHash else {
            return .init(commit: false, contentHash: nil, superseding: [], result: report)
        }
        // The writing thread names its problems by field; the file's header names the columns.
        report.add(storedIssues.map { reader.reader.issue(row: $0.row, field: $0.column ?? "", $0.problem) })
        report.rowsValid -= refused.count
        report.warnings = reader.checks.warnings(storedMonthly: stream.storedMonthly, excluded: refused) {
            row, problem in reader.reader.issue(row: row, field: "quantity", problem)
        }
        report.errors.sort(by: InputIssue.spreadsheetOrder)
        report.warnings.sort(by: InputIssue.spreadsheetOrder)
        report = ImportReport(copying: report, contentHash: hash)
        report.rowsSuperseded = stored.superseded.count
        return .init(
            commit: report.succeeded && !dryRun, contentHash: hash, superseding: stored.superseded, result: report)
    }

    /// The reading thread's work: the file read a block at a time, each row read and checked by
    /// the template and against the file's other rows, the good rows handed over block by block.
    static func readFile(
        path: String, directory: ActivityStream.UnitDirectory, mode: ImportReport.Mode, dryRun: Bool,
        language: Language, today: Date, progress: (@Sendable (ImportProgress) -> Void)?,
        handover: Handover<ReadBlock, FileReading>
    ) -> FileReading {
        var report = ImportReport(
            file: (path as NSString).lastPathComponent, sheet: nil, contentHash: "", mode: mode, dryRun: dryRun)
        func refused(_ issues: [InputIssue]) -> FileReading { FileReading(report: report, refusal: issues) }
        var chunks: CSVChunks
        do { chunks = try CSVChunks(path: path) } catch { return refused(error.issues) }
        var reader: ImportRowReader?
        var nextRow = 1
        var shapesSent = 0
        var atStart = true
        while true {
            var text: String
            do {
                guard let next = try chunks.nextText() else { break }
                text = next
            } catch { return refused(error.issues) }
            var block = ReadBlock()
            let firstRow = nextRow
            let counted = text.withUTF8 { bytes in
                // A byte-order mark may open the file (Excel writes one); it is not part of the header.
                let first = atStart && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
                return Result { () throws(CSVTable.ParseError) in
                    try CSVRecords.forEach(in: bytes, from: first) { record, index in
                        let number = firstRow + index
                        guard reader != nil else {
                            let texts: [String]
                            switch record {
                            case .plain(let plain): texts = plain.texts
                            case .quoted(let values): texts = values
                            }
                            guard !CSVTable.isBlank(texts) else { return }
                            do throws(InputIssues) {
                                reader = ImportRowReader(
                                    reader: try ActivityTemplate.ImportReader(
                                        header: texts, row: number, file: chunks.name, sheet: nil),
                                    language: language, directory: directory, today: today)
                            } catch {
                                report.add(error.issues)
                            }
                            return
                        }
                        // In place: a copy of the reader would copy its tables on every row.
                        let outcome: ImportRowReader.Outcome
                        switch record {
                        case .plain(let plain): outcome = reader!.read(plain, row: number)
                        case .quoted(let values): outcome = reader!.read(values, row: number)
                        }
                        switch outcome {
                        case .blank: return
                        case .issues(let issues):
                            report.rowsRead += 1
                            report.add(issues)
                        case .refused(let row, let issues):
                            report.rowsRead += 1
                            report.add(issues)
                            block.refused.append((row, Int32(clamping: number)))
                        case .row(let row):
                            report.rowsRead += 1
                            report.rowsValid += 1
                            block.rows.append(row)
                            block.rowNumbers.append(Int32(clamping: number))
                        }
                    }
                }
            }
            atStart = false
            switch counted {
            case .success(let count): nextRow += count
            case .failure(.unterminatedQuote(let row)):
                return refused([InputIssue(file: chunks.name, row: firstRow + row - 1, problem: .unterminatedQuote)])
            }
            if !report.errors.isEmpty, reader == nil { return refused([]) }
            if !report.succeeded { handover.sawProblem = true }
            if let reader {
                block.shapes = Array(reader.shapes[shapesSent...])
                shapesSent = reader.shapes.count
            }
            guard handover.send(block) else { return refused([]) }
            progress?(ImportProgress(bytesRead: chunks.bytesRead, bytesTotal: chunks.size, rowsRead: report.rowsRead))
        }
        guard let reader else { return refused([InputIssue(file: chunks.name, problem: .emptyFile)]) }
        if report.rowsRead == 0 { return refused([InputIssue(file: chunks.name, problem: .noDataRows)]) }
        var hasher = chunks.hasher
        return FileReading(report: report, reader: reader, contentHash: hasher.finish())
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

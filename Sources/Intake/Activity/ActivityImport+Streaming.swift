import Accounting
import FastStructures
import Foundation
import Persistence
import Spreadsheet

/// How far a running import has got, for a progress bar or a job's state.
public struct ImportProgress: Sendable {
    public let bytesRead: Int
    public let bytesTotal: Int
    public let rowsRead: Int
}

extension ActivityImport {
    /// Imports a file by its path. On the `.sqliteBulk` engine a CSV streams: it is read, checked
    /// and written a block at a time in one transaction, so a million rows never sit in memory at
    /// once; a workbook's sheet is read whole, then checked and written the same way. On the
    /// `.portable` engine a file is read whole and imported as `run(_:)` does.
    public func run(
        path: String, mode: ImportReport.Mode = .append, dryRun: Bool, language: Language, createdBy: String? = nil,
        today: Date, scope: AccessScope, progress: (@Sendable (ImportProgress) -> Void)? = nil
    ) async throws -> ImportReport {
        let options = ImportOptions(
            mode: mode, dryRun: dryRun, language: language, createdBy: createdBy, today: today, scope: scope)
        switch database.engine {
        case .sqliteBulk: return try await stream(path: path, options, progress: progress)
        case .portable:
            let file: IntakeFile
            do throws(InputIssues) { file = try IntakeFile(path: path) } catch {
                return Self.unreadable(path: path, options, error)
            }
            return try await run(file, options)
        }
    }

    /// The report on a file that could not be opened at all.
    static func unreadable(path: String, _ options: ImportOptions, _ issues: InputIssues) -> ImportReport {
        var report = options.report(file: UserFile.name(of: path), sheet: nil, contentHash: "")
        report.add(issues.issues)
        return report
    }

    /// The stages of `SheetImport` on two threads: one reads the file and checks its rows by the
    /// template, the other (the bulk SQLite connection's) checks them against the stored data and
    /// writes them.
    func stream(
        path: String, _ options: ImportOptions, progress: (@Sendable (ImportProgress) -> Void)?
    ) async throws -> ImportReport {
        let name = UserFile.name(of: path)
        let workbook: OpenWorkbook?
        do throws(InputIssues) {
            workbook = FileImport.isWorkbook(path: path) ? try OpenWorkbook(path: path) : nil
        } catch { return Self.unreadable(path: path, options, error) }
        let outcome = try await ActivityStore(database).stream(
            provenance: options.provenance(of: .activity, file: name, contentHash: nil), scope: options.scope
        ) { stream in
            let feed = RowFeed(
                file: name, sheet: workbook?.sheet.name, mode: options.mode, dryRun: options.dryRun,
                language: options.language, today: options.today, directory: stream.directory)
            return try Self.streamRows(stream: stream, mode: options.mode, dryRun: options.dryRun) { handover in
                guard let workbook else {
                    return Self.readCSV(path: path, feed: feed, handover: handover, progress: progress)
                }
                return Self.readSheet(of: workbook, feed: feed, handover: handover, progress: progress)
            }
        }
        var report = outcome.result
        if let earlier = outcome.earlier {
            // The same answer as for a file read whole: the earlier batch, nothing checked or written.
            return .repeated(
                file: name, sheet: workbook?.sheet.name, contentHash: report.contentHash, mode: options.mode,
                dryRun: options.dryRun, earlier: (earlier.id, earlier.createdAt))
        }
        report.rowsWritten = outcome.written
        report.batchID = outcome.batch
        if !report.succeeded { report.rowsSuperseded = 0 }
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
        stream: ActivityStream, mode: ImportReport.Mode, dryRun: Bool,
        read: @escaping @Sendable (Handover<ReadBlock, FileReading>) -> FileReading
    ) throws -> ActivityStore.StreamOutcome<ImportReport> {
        let handover = Handover<ReadBlock, FileReading>(capacity: 3)
        let readingThread = Thread { handover.finish(read(handover)) }
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
                    let month = row.month == 0 ? nil : Int(row.month)
                    var problems: [InputIssue] = []
                    if unitHasStored {
                        let shape = stream.shape(row.shape)
                        let key = ActivityStore.RecordKey(
                            unitID: row.unitID, year: Int(row.year), month: month, item: shape.item,
                            category: shape.category)
                        problems = try stored.check(storedID: stream.storedID(key)) { field, problem in
                            InputIssue(row: Int(number), column: field, problem: problem)
                        }
                    }
                    // A submitted or approved period: named on its row, in the dry run too.
                    if let locked = stream.lockProblem(unitID: row.unitID, year: Int(row.year), month: month) {
                        problems.append(InputIssue(row: Int(number), column: "period", problem: locked))
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
        report.sortIssues()
        report = ImportReport(copying: report, contentHash: hash)
        report.rowsSuperseded = stored.superseded.count
        return .init(
            commit: report.succeeded && !dryRun, contentHash: hash, superseding: stored.superseded, result: report)
    }

    /// The reading thread's work on a CSV: read a block at a time, each record handed to the feed.
    static func readCSV(
        path: String, feed: RowFeed, handover: Handover<ReadBlock, FileReading>,
        progress: (@Sendable (ImportProgress) -> Void)?
    ) -> FileReading {
        var feed = feed
        var chunks: CSVChunks
        do { chunks = try CSVChunks(path: path) } catch { return feed.refused(error.issues) }
        var nextRow = 1
        var atStart = true
        while true {
            var text: String
            do {
                guard let next = try chunks.nextText() else { break }
                text = next
            } catch { return feed.refused(error.issues) }
            let firstRow = nextRow
            let counted = text.withUTF8 { bytes in
                // A byte-order mark may open the file (Excel writes one); it is not part of the header.
                let first = atStart && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
                return Result { () throws(CSVTable.ParseError) in
                    try CSVRecords.forEach(in: bytes, from: first) { record, index in
                        feed.add(record, row: firstRow + index)
                    }
                }
            }
            atStart = false
            switch counted {
            case .success(let count): nextRow += count
            case .failure(.unterminatedQuote(let row)):
                return feed.refused([
                    InputIssue(file: chunks.name, row: firstRow + row - 1, problem: .unterminatedQuote)
                ])
            }
            guard feed.handOver(to: handover) else { return feed.refused([]) }
            progress?(ImportProgress(bytesRead: chunks.bytesRead, bytesTotal: chunks.size, rowsRead: feed.rowsRead))
        }
        var hasher = chunks.hasher
        return feed.finish(contentHash: hasher.finish())
    }

    /// A workbook opened for an import: its parts unpacked and its data sheet chosen.
    struct OpenWorkbook: Sendable {
        let workbook: XLSXWorkbook
        let sheet: XLSXWorkbook.Sheet
        let contentHash: String
        let name: String

        init(path: String) throws(InputIssues) {
            let data = try UserFile.contents(atPath: path)
            name = UserFile.name(of: path)
            contentHash = SHA256.hex(data)
            (workbook, sheet) = try IntakeFile.dataSheet(of: data, name: name)
        }
    }

    /// The reading thread's work on a workbook: its data sheet's XML read on a thread of its own,
    /// which hands rows of cells (as the template reads them) over in batches; each row then fed
    /// here, while the writing thread writes the rows already checked.
    static func readSheet(
        of file: OpenWorkbook, feed: RowFeed, handover: Handover<ReadBlock, FileReading>,
        progress: (@Sendable (ImportProgress) -> Void)?
    ) -> FileReading {
        let sheet = Handover<[(number: Int, values: [String])], SheetEnd>(capacity: 4)
        let parsing = Thread { sheet.finish(parseSheet(of: file, into: sheet)) }
        parsing.start()
        var feed = feed
        while let rows = sheet.receive() {
            for row in rows { feed.add(.quoted(row.values), row: row.number, asBytes: true) }
            guard feed.handOver(to: handover) else {
                sheet.cancel()
                _ = sheet.waitForResult()
                return feed.refused([])
            }
            progress?(ImportProgress(bytesRead: 0, bytesTotal: 0, rowsRead: feed.rowsRead))
        }
        if case .failed(let issues) = sheet.waitForResult() { return feed.refused(issues.issues) }
        return feed.finish(contentHash: file.contentHash)
    }

    /// How reading a sheet's XML ended.
    enum SheetEnd: Sendable {
        case done
        case failed(InputIssues)
    }

    /// Reads a sheet's rows, handing them over 16,384 at a time.
    static func parseSheet(
        of file: OpenWorkbook, into sheet: Handover<[(number: Int, values: [String])], SheetEnd>
    ) -> SheetEnd {
        struct GaveUp: Error {}
        var rows: [(number: Int, values: [String])] = []
        do {
            try file.workbook.forEachRow(of: file.sheet) { row in
                rows.append((row.number, row.cells.map(IntakeFile.text)))
                if rows.count == 16_384 {
                    guard sheet.send(rows) else { throw GaveUp() }
                    rows.removeAll(keepingCapacity: true)
                }
            }
            _ = sheet.send(rows)
            return .done
        } catch is GaveUp {
            return .done
        } catch {
            return .failed(IntakeFile.issues(error, file: file.name))
        }
    }
}

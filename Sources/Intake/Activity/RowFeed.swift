import Accounting
import FastStructures
import Foundation
import Persistence
import Spreadsheet

/// Records of a file fed one at a time on the reading thread: the first that is not blank is the
/// header, each later one is read by `ImportRowReader`, and the good rows go to the writing thread
/// in blocks.
struct RowFeed: Sendable {
    let file: String
    let sheet: String?
    let language: Language
    let today: Date
    let directory: ActivityStream.UnitDirectory
    var report: ImportReport
    var reader: ImportRowReader?
    var block = ActivityImport.ReadBlock()
    var shapesSent = 0

    init(
        file: String, sheet: String?, mode: ImportReport.Mode, dryRun: Bool, language: Language, today: Date,
        directory: ActivityStream.UnitDirectory
    ) {
        self.file = file
        self.sheet = sheet
        self.language = language
        self.today = today
        self.directory = directory
        report = ImportReport(file: file, sheet: sheet, contentHash: "", mode: mode, dryRun: dryRun)
    }

    var rowsRead: Int { report.rowsRead }

    /// Reads one record. `asBytes`: a record given as texts (a workbook's row) is read as bytes
    /// first, like a CSV's; a CSV record in quotes goes to the template whole.
    mutating func add(_ record: CSVRecords.Record, row number: Int, asBytes: Bool = false) {
        guard reader != nil else { return header(record, row: number) }
        // In place: a copy of the reader would copy its tables on every row.
        let outcome: ImportRowReader.Outcome
        switch record {
        case .plain(let plain): outcome = reader!.read(plain, row: number)
        case .quoted(let values):
            outcome = asBytes ? reader!.read(fields: values, row: number) : reader!.read(values, row: number)
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

    private mutating func header(_ record: CSVRecords.Record, row number: Int) {
        let texts: [String]
        switch record {
        case .plain(let plain): texts = plain.texts
        case .quoted(let values): texts = values
        }
        guard !CSVTable.isBlank(texts) else { return }
        do throws(InputIssues) {
            reader = ImportRowReader(
                reader: try ActivityTemplate.ImportReader(header: texts, row: number, file: file, sheet: sheet),
                language: language, directory: directory, today: today)
        } catch {
            report.add(error.issues)
        }
    }

    /// Hands the rows read since the last call to the writing thread; false when it has given up
    /// (or the header was refused).
    mutating func handOver(to handover: Handover<ActivityImport.ReadBlock, ActivityImport.FileReading>) -> Bool {
        if !report.errors.isEmpty, reader == nil { return false }
        if !report.succeeded { handover.sawProblem = true }
        if let reader {
            block.shapes = Array(reader.shapes[shapesSent...])
            shapesSent = reader.shapes.count
        }
        defer { block = ActivityImport.ReadBlock() }
        return handover.send(block)
    }

    /// The whole file refused (unreadable, no header, …), with what was found so far.
    func refused(_ issues: [InputIssue]) -> ActivityImport.FileReading {
        ActivityImport.FileReading(report: report, refusal: issues)
    }

    func finish(contentHash: String) -> ActivityImport.FileReading {
        guard let reader else { return refused([InputIssue(file: file, sheet: sheet, problem: .emptyFile)]) }
        if report.rowsRead == 0 { return refused([InputIssue(file: file, sheet: sheet, problem: .noDataRows)]) }
        return ActivityImport.FileReading(report: report, reader: reader, contentHash: contentHash)
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

import Accounting
import Persistence

extension ImportReport {
    /// What a sheet import does first: a file imported before is answered with its earlier batch
    /// (and no table); otherwise the report to fill and the sheet read by the kind's headers — no
    /// table when the headers are wrong, the report saying why.
    static func begin(
        _ file: IntakeFile, _ kind: Templates.Kind, mode: Mode, dryRun: Bool, in database: PeakZeroDatabase
    ) async throws -> (ImportReport, TableReader?) {
        if let earlier = try await ActivityStore(database).batch(contentHash: file.contentHash) {
            let report = repeated(
                file: file.name, sheet: file.sheet, contentHash: file.contentHash, mode: mode, dryRun: dryRun,
                earlier: (earlier.id, earlier.createdAt))
            return (report, nil)
        }
        var report = ImportReport(
            file: file.name, sheet: file.sheet, contentHash: file.contentHash, mode: mode, dryRun: dryRun)
        do {
            let table = try kind.table(file.rows, file: file.name, sheet: file.sheet)
            report.rowsRead = table.rows.count
            return (report, table)
        } catch {
            report.add(error.issues)
            return (report, nil)
        }
    }

    /// The answer to a file imported before: the earlier batch, nothing checked or written.
    static func repeated(
        file: String, sheet: String?, contentHash: String, mode: Mode, dryRun: Bool, earlier: (id: Int64, when: String)
    ) -> ImportReport {
        var report = ImportReport(file: file, sheet: sheet, contentHash: contentHash, mode: mode, dryRun: dryRun)
        report.alreadyImported = true
        report.batchID = earlier.id
        report.warnings = [InputIssue(file: file, problem: .alreadyImported(batch: earlier.id, when: earlier.when))]
        return report
    }

    /// A units file from an account that may not change the shared unit tree: refused whole.
    static func unitsRefused(_ file: IntakeFile, mode: Mode, dryRun: Bool) -> ImportReport {
        var report = ImportReport(
            file: file.name, sheet: file.sheet, contentHash: file.contentHash, mode: mode, dryRun: dryRun)
        report.add([InputIssue(file: file.name, problem: .unitsNeedAdministrator)])
        return report
    }
}

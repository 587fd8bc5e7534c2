import Accounting
import Persistence

extension ImportReport {
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
        refused(file, .unitsNeedAdministrator, mode: mode, dryRun: dryRun)
    }

    /// A file refused whole for one reason.
    static func refused(_ file: IntakeFile, _ problem: Problem, mode: Mode, dryRun: Bool) -> ImportReport {
        var report = ImportReport(
            file: file.name, sheet: file.sheet, contentHash: file.contentHash, mode: mode, dryRun: dryRun)
        report.add([InputIssue(file: file.name, problem: problem)])
        return report
    }
}

import Accounting
import Foundation
import Persistence

/// How the caller runs an import. Every part is said by the caller: none defaults to a wider
/// scope, to "now" or to someone else's name.
struct ImportOptions: Sendable {
    let mode: ImportReport.Mode
    let dryRun: Bool
    let language: Language
    let createdBy: String?
    /// The day in China the import runs, for the check that no period lies in the future.
    let today: Date
    /// The units whose data the importer may read and write; others read as unknown units.
    let scope: AccessScope

    /// The batch a file's rows are written in.
    func provenance(of kind: Templates.Kind, file: String, contentHash: String?) -> RecordBatch {
        RecordBatch(
            kind: "import", fileName: file, contentHash: contentHash, templateVersion: Templates.version(kind),
            createdBy: createdBy)
    }

    /// An empty report for a file.
    func report(file: String, sheet: String?, contentHash: String) -> ImportReport {
        ImportReport(file: file, sheet: sheet, contentHash: contentHash, mode: mode, dryRun: dryRun)
    }
}

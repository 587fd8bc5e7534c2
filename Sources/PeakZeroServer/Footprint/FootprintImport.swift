import Accounting
import Footprint
import Foundation
import Intake
import Persistence
import Spreadsheet

/// A model file read and checked against the installation's factor library, for the API and the
/// page alike: the model, or every problem named where the file has it.
enum FootprintImport {
    static func checked(
        _ data: Data, name: String, productSystem: String?, limits: WorkbookLimits, database: PeakZeroDatabase
    ) async throws -> Result<ImportedModel, InputIssues> {
        let imported: ImportedModel
        do {
            imported = try FootprintModelFile.read(data, name: name, productSystem: productSystem, limits: limits)
        } catch {
            return .failure(error)
        }
        do {
            _ = try await FootprintFigures.calculation(imported.model, gwp: .ar6, in: database)
        } catch let problems as FootprintProblems {
            return .failure(imported.issues(problems))
        }
        return .success(imported)
    }

    /// The checked model, or a 422 listing the problems (`row`, and the file, sheet or archive entry
    /// and column as `field`).
    static func read(
        _ data: Data, name: String, productSystem: String?, limits: WorkbookLimits, database: PeakZeroDatabase,
        language: Language
    ) async throws -> ImportedModel {
        switch try await checked(data, name: name, productSystem: productSystem, limits: limits, database: database) {
        case .success(let imported): return imported
        case .failure(let issues):
            let problems = issues.issues.map { issue in
                (
                    row: issue.row,
                    field: [issue.file, issue.sheet, issue.column].compactMap { $0 }.joined(separator: " · "),
                    message: issue.problem.text(in: language)
                )
            }
            throw APIError(
                status: .unprocessableContent, code: "invalid",
                message: language.say(.problemsNothingWritten, ["count": "\(problems.count)"]),
                issues: problems.map { APIError.Issue(row: $0.row, field: $0.field, message: $0.message) })
        }
    }
}

import Accounting
import Footprint

/// A product model read from a file — PeakZero's JSON or template, or an openLCA export — with
/// where each of its processes and exchanges came from, so that what the model's check finds
/// (`SystemMatrices.build`) is told at the row or archive entry the user can open and mend.
public struct ImportedModel: Sendable {
    public let model: ProductModel
    /// What the reader should know of how the file was read (in Chinese and English).
    public let notes: [(zh: String, en: String)]
    /// The file, and within it the sheet, row or archive entry, by `Self.key`.
    let places: [String: InputIssue]
    let file: String

    init(model: ProductModel, file: String, notes: [(zh: String, en: String)] = [], places: [String: InputIssue] = [:]) {
        self.model = model
        self.file = file
        self.notes = notes
        self.places = places
    }

    /// A process's exchange as `FootprintProblem` names it (`inputs[2]`, `output`; nil for the
    /// process itself, which its output row stands for).
    static func key(process: String?, exchange: String?) -> String {
        // `background_factors[1].unit` is the factor's row.
        let base = exchange.map { label in
            label.firstIndex(of: "]").map { String(label[...$0]) } ?? label
        }
        return (process ?? "") + "\u{1F}" + (base ?? "output")
    }

    /// The check's problems as the file's issues, each at its place when it has one.
    public func issues(_ problems: FootprintProblems) -> InputIssues {
        InputIssues(
            problems.problems.map { problem in
                var issue =
                    places[Self.key(process: problem.process, exchange: problem.exchange)]
                    ?? InputIssue(file: file, problem: .missingValue)
                issue.problem = .composed(zh: problem.message(.zh), en: problem.message(.en))
                return issue
            })
    }
}

import Accounting

/// What an import found and did: counts, and every error and warning with its place in the file.
public struct ImportReport: Sendable {
    public enum Mode: String, Sendable, CaseIterable {
        /// New rows are added; a row for a unit, period, item and category already stored is an error.
        case append
        /// The file's rows replace the stored rows of the same unit, period, item and category.
        case replace
    }

    public let file: String
    public let sheet: String?
    public let contentHash: String
    public let mode: Mode
    public let dryRun: Bool
    /// Data rows read (blank rows not counted).
    public var rowsRead = 0
    public var rowsValid = 0
    public var errors: [InputIssue] = []
    public var warnings: [InputIssue] = []
    /// Errors beyond the first `shownLimit`, counted but not listed (a file of a million bad rows).
    public var errorsNotShown = 0
    public static let shownLimit = 10_000
    /// Rows written (0 for a dry run or a refused file) and stored rows superseded.
    public var rowsWritten = 0
    public var rowsSuperseded = 0
    /// The batch written, or the earlier batch of an identical file.
    public var batchID: Int64?
    public var alreadyImported = false

    public var succeeded: Bool { errors.isEmpty && errorsNotShown == 0 }

    /// Keeps an error (counting it only, past the limit).
    mutating func add(_ issues: [InputIssue]) {
        for issue in issues {
            if errors.count < Self.shownLimit { errors.append(issue) } else { errorsNotShown += 1 }
        }
    }

    /// Errors and warnings in the order of the file (sheet, row, column).
    mutating func sortIssues() {
        errors.sort(by: InputIssue.spreadsheetOrder)
        warnings.sort(by: InputIssue.spreadsheetOrder)
    }

    /// The report as a person reads it.
    public func text(in language: Language) -> String {
        let word = language.word
        let place = sheet.map { word(.reportPlaceSheet, ["file": file, "sheet": $0]) } ?? file
        var lines = [
            word(
                .reportHeading,
                [
                    "place": place, "mode": word(mode == .append ? .modeAppend : .modeReplace, [:]),
                    "dryRun": dryRun ? word(.dryRunMark, [:]) : "",
                ]),
            word(
                .reportCounts,
                [
                    "read": "\(rowsRead)", "valid": "\(rowsValid)", "errors": "\(errors.count)",
                    "warnings": "\(warnings.count)",
                ]),
        ]
        lines += errors.map { word(.reportError, ["message": $0.message(in: language)]) }
        lines += warnings.map { word(.reportWarning, ["message": $0.message(in: language)]) }
        if alreadyImported {
            lines.append(word(.reportRepeated, [:]))
        } else if dryRun {
            lines.append(word(errors.isEmpty ? .reportDryRunClean : .reportDryRunErrors, [:]))
        } else if succeeded {
            lines.append(
                word(
                    .reportWritten,
                    ["written": "\(rowsWritten)", "batch": "\(batchID ?? 0)", "superseded": "\(rowsSuperseded)"]))
        } else {
            lines.append(word(.reportNothingWritten, [:]))
        }
        return lines.joined(separator: "\n")
    }
}

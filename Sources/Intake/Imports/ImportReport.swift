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
        let zh = language == .zh
        var lines: [String] = []
        let place = sheet.map { zh ? "\(file)（工作表“\($0)”）" : "\(file) (sheet \"\($0)\")" } ?? file
        lines.append(
            zh
                ? "导入 \(place)，模式：\(mode == .append ? "追加" : "替换")\(dryRun ? "（试运行）" : "")"
                : "Import of \(place), mode \(mode.rawValue)\(dryRun ? " (dry run)" : "")")
        lines.append(
            zh
                ? "读取 \(rowsRead) 行，有效 \(rowsValid) 行，错误 \(errors.count) 个，提示 \(warnings.count) 个"
                : "\(rowsRead) rows read, \(rowsValid) valid, \(errors.count) errors, \(warnings.count) warnings")
        for issue in errors { lines.append((zh ? "错误：" : "error: ") + issue.message(in: language)) }
        for issue in warnings { lines.append((zh ? "提示：" : "warning: ") + issue.message(in: language)) }
        if alreadyImported {
            lines.append(zh ? "此文件已导入过，未重复写入。" : "This file was imported before; nothing was written again.")
        } else if dryRun {
            lines.append(
                errors.isEmpty
                    ? (zh ? "试运行：未写入任何数据；可以正式导入。" : "Dry run: nothing written; the file can be imported.")
                    : (zh ? "试运行：未写入任何数据；请先修正上述错误。" : "Dry run: nothing written; fix the errors above first."))
        } else if succeeded {
            lines.append(
                zh
                    ? "已写入 \(rowsWritten) 行（批次 \(batchID ?? 0)），替换 \(rowsSuperseded) 行。"
                    : "Wrote \(rowsWritten) rows (batch \(batchID ?? 0)), superseded \(rowsSuperseded).")
        } else {
            lines.append(zh ? "未写入任何数据：请修正上述错误后重新导入。" : "Nothing written: fix the errors above and import again.")
        }
        return lines.joined(separator: "\n")
    }
}

import Foundation

/// Reading a file a user gives PeakZero, with every failure as an `InputIssue` naming the file.
public enum UserFile {
    /// The file's bytes; a missing or unreadable file is an issue.
    public static func contents(atPath path: String) throws(InputIssues) -> Data {
        guard let data = FileManager.default.contents(atPath: path) else { throw unreadable(path) }
        return data
    }

    /// Why a file that cannot be opened cannot: missing, or not readable.
    public static func unreadable(_ path: String) -> InputIssues {
        let reason = FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file: \(path)"
        return InputIssues([InputIssue(file: name(of: path), problem: .unreadableFile(reason))])
    }

    /// Bytes as UTF-8 text. Strict: Foundation's decoder would replace bad bytes (a GBK file) instead of failing.
    public static func text(_ data: Data, file: String?) throws(InputIssues) -> String {
        let checked = data.withUnsafeBytes { String(validating: $0.assumingMemoryBound(to: UInt8.self), as: UTF8.self) }
        guard let text = checked else {
            throw InputIssues([InputIssue(file: file, problem: .notUTF8)])
        }
        return text
    }

    public static func name(of path: String) -> String { (path as NSString).lastPathComponent }
}

extension CSVTable {
    /// Splits a user's CSV text; an unterminated quote is an issue at the row where it opened,
    /// counting from `firstRow` (the text may be a later block of a large file).
    public init(parsing text: String, file: String?, firstRow: Int = 1) throws(InputIssues) {
        do { try self.init(parsing: text) } catch {
            switch error {
            case .unterminatedQuote(let row):
                throw InputIssues([InputIssue(file: file, row: firstRow + row - 1, problem: .unterminatedQuote)])
            }
        }
    }
}

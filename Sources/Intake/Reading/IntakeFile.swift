import Accounting
import Foundation
import Spreadsheet

/// A file a user hands PeakZero — a CSV (UTF-8) or an Excel workbook — read as rows of text cells
/// numbered as the spreadsheet shows them, with the hash that identifies its content.
public struct IntakeFile: Sendable {
    public let name: String
    public let contentHash: String
    /// The sheet the rows come from (nil for a CSV).
    public let sheet: String?
    public let rows: [(number: Int, values: [String])]

    /// What the file holds: told by its data sheet's name, or else by its header row; nil when
    /// neither says.
    public var kind: Templates.Kind? {
        if let sheet, let kind = Templates.Kind(sheetName: sheet) { return kind }
        return rows.first { !CSVTable.isBlank($0.values) }.flatMap { Templates.Kind(header: $0.values) }
    }

    /// - Parameter limits: how much of a workbook may be read (the server's settings, else the standard).
    public init(data: Data, name: String, limits: WorkbookLimits = .standard) throws(InputIssues) {
        self.name = name
        contentHash = SHA256.hex(data)
        if Self.isWorkbook(data: data, name: name) {
            let (workbook, sheet) = try Self.dataSheet(of: data, name: name, limits: limits)
            var rows: [(number: Int, values: [String])] = []
            do { try workbook.forEachRow(of: sheet) { rows.append(($0.number, $0.cells.map(Self.text))) } } catch {
                throw Self.issues(error, file: name)
            }
            self.sheet = sheet.name
            self.rows = rows
        } else {
            let table = try CSVTable(parsing: try UserFile.text(data, file: name), file: name)
            sheet = nil
            rows = table.records.enumerated().map { ($0.offset + 1, $0.element) }
        }
    }

    /// A workbook by its zip signature or its name.
    static func isWorkbook(data: Data, name: String) -> Bool {
        data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || name.lowercased().hasSuffix(".xlsx")
    }

    /// A workbook opened, and the sheet to read: a template's data sheet (of any kind), else the
    /// first visible sheet.
    static func dataSheet(of data: Data, name: String, limits: WorkbookLimits = .standard) throws(InputIssues)
        -> (XLSXWorkbook, XLSXWorkbook.Sheet)
    {
        let workbook: XLSXWorkbook
        do { workbook = try XLSXWorkbook(data: data, limits: limits) } catch { throw issues(error, file: name) }
        guard
            let sheet = workbook.sheets.first(where: { Templates.Kind(sheetName: $0.name) != nil })
                ?? workbook.sheets.first(where: { !$0.hidden })
        else {
            let expected = Templates.Kind.activity.sheetName(.zh)
            throw InputIssues([InputIssue(file: name, problem: .noSuchSheet(expected, available: []))])
        }
        return (workbook, sheet)
    }

    /// A failure to read a workbook, told in the user's terms.
    static func issues(_ error: any Error, file name: String) -> InputIssues {
        if let error = error as? InputIssues { return error }
        if let error = error as? SpreadsheetError {
            return InputIssues([
                InputIssue(
                    file: name,
                    problem: .unreadableWorkbook(zh: error.message(chinese: true), en: error.message(chinese: false)))
            ])
        }
        let reason = String(describing: error)
        return InputIssues([InputIssue(file: name, problem: .unreadableWorkbook(zh: reason, en: reason))])
    }

    public init(path: String, limits: WorkbookLimits = .standard) throws(InputIssues) {
        try self.init(data: try UserFile.contents(atPath: path), name: UserFile.name(of: path), limits: limits)
    }

    /// A cell as the template reads it. A date on the first of a month at midnight is that month:
    /// Excel turns `2024-01` typed into a cell into the date 2024-01-01.
    static func text(_ cell: CellValue) -> String {
        let full = cell.text
        guard case .date = cell, full.count == 10, full.hasSuffix("-01") else { return full }
        return String(full.prefix(7))
    }
}

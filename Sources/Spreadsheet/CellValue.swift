import Foundation

/// A cell's value as a workbook stores it.
public enum CellValue: Sendable, Equatable {
    case empty
    case text(String)
    case number(Double)
    case bool(Bool)
    /// A number shown with a date or time format, read as that moment in UTC.
    case date(Date)
    /// An error value (`#N/A`, `#DIV/0!` …) a formula left in the cell.
    case error(String)

    /// What the cell shows as plain text: numbers in their shortest exact form, dates as
    /// `yyyy-MM-dd` (with the time when it has one), booleans as TRUE/FALSE.
    public var text: String {
        switch self {
        case .empty: ""
        case .text(let s): s
        case .number(let n): CellValue.plain(n)
        case .bool(let b): b ? "TRUE" : "FALSE"
        case .date(let d): ExcelDate.text(d)
        case .error(let e): e
        }
    }

    public var isEmpty: Bool {
        switch self {
        case .empty: true
        case .text(let s): s.allSatisfy(\.isWhitespace)
        default: false
        }
    }

    /// `12` rather than `12.0` for whole numbers that print exactly.
    static func plain(_ n: Double) -> String {
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return String(n)
    }
}

/// One row of a sheet: its number as the spreadsheet shows it (1-based) and its cells from column A.
public struct SheetRow: Sendable, Equatable {
    public let number: Int
    public let cells: [CellValue]

    public init(number: Int, cells: [CellValue]) {
        self.number = number
        self.cells = cells
    }

    public subscript(column: Int) -> CellValue { column < cells.count ? cells[column] : .empty }
}

/// Column letters: 0 ↔ A, 25 ↔ Z, 26 ↔ AA.
public enum ColumnName {
    public static func letters(_ index: Int) -> String {
        var n = index + 1
        var out: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            out.append(Character(UnicodeScalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(out.reversed())
    }

    /// The column and row of a reference such as `AB12`; nil when it is not one.
    static func parse(_ reference: String) -> (column: Int, row: Int)? {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                column = column * 26 + Int(byte - 64)
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0:
                row = row * 10 + Int(byte - 48)
                digits += 1
            case UInt8(ascii: "$"):
                continue
            default:
                return nil
            }
            if letters > 3 || digits > 7 { return nil }
        }
        guard letters > 0, digits > 0, row > 0 else { return nil }
        return (column - 1, row)
    }
}

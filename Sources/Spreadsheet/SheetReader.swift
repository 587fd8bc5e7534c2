/// Turns the events of one worksheet part into rows: `<row r="…">` holds `<c r="…" t="…" s="…">`
/// cells whose value is in `<v>` (a number, a shared-string index, a boolean, a formula's result)
/// or, for inline strings, in `<is><t>`.
struct SheetReader {
    let part: String
    let workbook: XLSXWorkbook
    private var rowNumber = 0
    private var cells: [CellValue] = []
    private var column = 0
    private var type = "n"
    private var style = 0
    private var value: String?
    private var inline = ""
    private var inPhonetic = false

    init(part: String, workbook: XLSXWorkbook) {
        self.part = part
        self.workbook = workbook
    }

    mutating func start(_ name: String, _ attributes: XMLAttributes) throws {
        switch name {
        case "row":
            if let r = attributes["r"] {
                guard let number = Int(r), number > rowNumber, number <= 1_048_576 else {
                    throw SpreadsheetError.invalidContent(part: part, reason: "row number \(r) out of order")
                }
                rowNumber = number
            } else {
                rowNumber += 1
            }
            cells = []
        case "c":
            if let r = attributes["r"] {
                guard let reference = ColumnName.parse(r), reference.row == rowNumber, reference.column >= cells.count
                else { throw SpreadsheetError.invalidContent(part: part, reason: "cell reference \(r) out of place") }
                column = reference.column
            } else {
                column = cells.count
            }
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap(Int.init) ?? 0
            value = nil
            inline = ""
        case "rPh": inPhonetic = true
        default: break
        }
    }

    /// Handles an end tag; returns the row it completes, if it completes one that has cells.
    mutating func end(_ name: String, _ text: String) throws -> SheetRow? {
        switch name {
        case "v": value = text
        case "t" where !inPhonetic: inline += text
        case "rPh": inPhonetic = false
        case "c":
            if column >= workbook.limits.columns {
                throw SpreadsheetError.tooLarge(
                    what: "cell \(ColumnName.letters(column))\(rowNumber)",
                    limit: "\(workbook.limits.columns) columns (\(ColumnName.letters(workbook.limits.columns - 1)))")
            }
            let cell = try self.cell()
            while cells.count < column { cells.append(.empty) }
            cells.append(cell)
        case "row":
            while let last = cells.last, last == .empty { cells.removeLast() }
            if !cells.isEmpty { return SheetRow(number: rowNumber, cells: cells) }
        default: break
        }
        return nil
    }

    private func cell() throws -> CellValue {
        // Named only in a message: spelling it out for every cell took 12 % of a 200,000-row
        // workbook's dry run.
        var reference: String { ColumnName.letters(column) + String(rowNumber) }
        switch type {
        case "inlineStr":
            if inline.utf8.count > workbook.limits.cellCharacters, inline.count > workbook.limits.cellCharacters {
                throw SpreadsheetError.tooLarge(
                    what: "cell \(reference) of \(inline.count) characters", limit: "\(workbook.limits.cellCharacters)")
            }
            return .text(OOXMLText.unescape(inline))
        case "s":
            guard let value else { return .empty }
            guard let index = Int(value), workbook.sharedStrings.indices.contains(index) else {
                throw SpreadsheetError.invalidContent(
                    part: part, reason: "cell \(reference): no shared string \(value)")
            }
            return .text(workbook.sharedStrings[index])
        case "str":
            if let value, value.utf8.count > workbook.limits.cellCharacters, value.count > workbook.limits.cellCharacters {
                throw SpreadsheetError.tooLarge(
                    what: "cell \(reference) of \(value.count) characters", limit: "\(workbook.limits.cellCharacters)")
            }
            return value.map { .text(OOXMLText.unescape($0)) } ?? .empty
        case "b": return value.map { .bool($0 == "1" || $0 == "true") } ?? .empty
        case "e": return value.map { .error($0) } ?? .empty
        case "d":
            guard let value else { return .empty }
            guard let date = ISO8601Date.parse(value) else {
                throw SpreadsheetError.invalidContent(part: part, reason: "cell \(reference): bad date \(value)")
            }
            return .date(date)
        default:
            guard let value, !value.isEmpty else { return .empty }
            guard let number = Double(value), number.isFinite else {
                throw SpreadsheetError.invalidContent(part: part, reason: "cell \(reference): not a number (\(value))")
            }
            if style < workbook.dateStyles.count, workbook.dateStyles[style] {
                return .date(ExcelDate.date(serial: number, uses1904: workbook.uses1904))
            }
            return .number(number)
        }
    }
}

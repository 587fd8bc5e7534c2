import Foundation

/// Reads a table whose columns are named by header: finds each field's column (by its name or an
/// accepted alias, ignoring case and spaces), and reports a missing, repeated or empty header.
public struct TableReader: Sendable {
    public struct Column: Sendable {
        public let index: Int
        public let header: String
        public var letter: String { TableReader.letter(forColumn: index) }
    }

    public let file: String?
    public let columns: [String: Column]
    public let rows: [TableRow]
    /// Headers that name no known field; their values are not read.
    public let ignoredHeaders: [String]

    init(
        text: String, file: String?, required: [String], optional: [String], headerAliases: [String: [String]]
    ) throws(InputIssues) {
        let table = try CSVTable(parsing: text, file: file)
        try self.init(
            rows: table.records.enumerated().map { (number: $0.offset + 1, values: $0.element) }, file: file,
            sheet: nil, required: required, optional: optional, headerAliases: headerAliases)
    }

    /// Reads rows numbered as the spreadsheet shows them (a CSV's lines, a sheet's rows); the first
    /// row that is not blank is the header.
    public init(
        rows records: [(number: Int, values: [String])], file: String?, sheet: String?, required: [String],
        optional: [String], headerAliases: [String: [String]]
    ) throws(InputIssues) {
        guard let headerIndex = records.firstIndex(where: { !CSVTable.isBlank($0.values) }) else {
            throw InputIssues([InputIssue(file: file, sheet: sheet, problem: .emptyFile)])
        }
        let header = records[headerIndex].values
        let headerRow = records[headerIndex].number
        let resolved = try Self.columns(
            header: header, row: headerRow, file: file, sheet: sheet, required: required, optional: optional,
            headerAliases: headerAliases)
        let columns = resolved.columns
        let ignored = resolved.ignored
        var rows: [TableRow] = []
        for (index, record) in records.enumerated() where index > headerIndex && !CSVTable.isBlank(record.values) {
            rows.append(
                TableRow(
                    number: record.number, values: record.values, columns: columns, file: file, sheet: sheet,
                    width: header.count))
        }
        if rows.isEmpty { throw InputIssues([InputIssue(file: file, sheet: sheet, problem: .noDataRows)]) }
        self.file = file
        self.columns = columns
        self.rows = rows
        self.ignoredHeaders = ignored
    }

    /// Each field's column in a header row, and the headers that name no field; throws a missing or
    /// repeated column.
    static func columns(
        header: [String], row headerRow: Int, file: String?, sheet: String?, required: [String], optional: [String],
        headerAliases: [String: [String]]
    ) throws(InputIssues) -> (columns: [String: Column], ignored: [String]) {
        var lookup: [String: String] = [:]
        for field in required + optional {
            for name in [field] + headerAliases[field, default: []] { lookup[Self.key(name)] = field }
        }
        var columns: [String: Column] = [:]
        var ignored: [String] = []
        var issues: [InputIssue] = []
        for (index, raw) in header.enumerated() {
            let text = raw.trimmed
            guard let field = lookup[Self.key(text)] else {
                if !text.isEmpty { ignored.append(text) }
                continue
            }
            if let first = columns[field] {
                issues.append(
                    InputIssue(
                        file: file, sheet: sheet, row: headerRow, column: text,
                        columnLetter: Self.letter(forColumn: index),
                        problem: .duplicateHeader(text, firstColumn: first.letter)))
            } else {
                columns[field] = Column(index: index, header: text)
            }
        }
        for field in required where columns[field] == nil {
            issues.append(
                InputIssue(
                    file: file, sheet: sheet, row: headerRow,
                    problem: .missingColumn(field: field, accepted: [field] + headerAliases[field, default: []])))
        }
        if !issues.isEmpty { throw InputIssues(issues) }
        return (columns, ignored)
    }

    /// A header as compared with the known names: case, spaces and underscores ignored.
    public static func key(_ header: String) -> String {
        UnitOfMeasure.normalise(header).replacingOccurrences(of: "_", with: "")
    }

    /// A, B, … Z, AA, AB … as spreadsheets name columns (index 0 is A).
    static func letter(forColumn index: Int) -> String {
        var n = index + 1
        var letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters
    }
}

/// One data row of a `TableReader`, read by field name.
public struct TableRow: Sendable {
    public let number: Int
    public let values: [String]
    let columns: [String: TableReader.Column]
    let file: String?
    let sheet: String?
    let width: Int

    /// The trimmed text of a field; empty when the column is absent or the row is short.
    public func text(_ field: String) -> String {
        guard let column = columns[field], column.index < values.count else { return "" }
        return values[column.index].trimmed
    }

    public func issue(_ field: String, _ problem: Problem) -> InputIssue {
        let column = columns[field]
        return InputIssue(
            file: file, sheet: sheet, row: number, column: column?.header, columnLetter: column?.letter,
            problem: problem)
    }

    /// Fields beyond the header that hold something (trailing empty cells are common and harmless).
    public var extraFieldIssue: InputIssue? {
        guard values.count > width,
            values[width...].contains(where: { !$0.trimmed.isEmpty })
        else { return nil }
        return InputIssue(
            file: file, sheet: sheet, row: number, problem: .tooManyFields(count: values.count, expected: width))
    }
}

extension TableRow {
    /// Reads a number as spreadsheets write it: `1234.5`, `1,234.5`, ` 12 `. Rejects NaN and infinities.
    public static func number(_ text: String) -> Double? {
        let cleaned = text.contains(where: { $0 == "," || $0 == "，" }) ? text.filter { $0 != "," && $0 != "，" } : text
        guard !cleaned.isEmpty, let value = Double(cleaned), value.isFinite else { return nil }
        return value
    }

    /// A field that may be empty, read as a number; a problem (not a number) when it holds other text.
    public func optionalNumber(_ field: String, _ issues: inout [InputIssue]) -> Double? {
        let text = text(field)
        guard !text.isEmpty else { return nil }
        guard let value = Self.number(text) else {
            issues.append(issue(field, .notANumber(text)))
            return nil
        }
        guard Plausible.isAmount(value) else {
            issues.append(issue(field, .beyondPlausible(text)))
            return nil
        }
        return value
    }
}

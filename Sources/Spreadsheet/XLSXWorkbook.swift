import Foundation

/// An Office Open XML workbook (.xlsx) opened for reading: its sheets by name, each read as rows of
/// cell values. Reads what templates and typical user workbooks hold — shared and inline strings,
/// numbers, dates (1900 and 1904 systems), booleans, formula results, errors, empty and merged
/// cells — and refuses anything broken with a `SpreadsheetError` naming the part at fault.
public struct XLSXWorkbook: Sendable {
    public struct Sheet: Sendable, Equatable {
        public let name: String
        /// The part the sheet is stored in, such as `xl/worksheets/sheet1.xml`.
        let part: String
        public let hidden: Bool
    }

    public let sheets: [Sheet]
    public var sheetNames: [String] { sheets.map(\.name) }
    let uses1904: Bool
    let sharedStrings: [String]
    /// Per cell style index: whether its number format shows a date.
    let dateStyles: [Bool]
    let limits: WorkbookLimits
    private let parts: [String: Data]

    public init(contentsOf url: URL, limits: WorkbookLimits = .standard) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw SpreadsheetError.notAWorkbook("cannot read \(url.lastPathComponent)")
        }
        try self.init(data: data, limits: limits)
    }

    public init(data: Data, limits: WorkbookLimits = .standard) throws {
        let zip = try ZipEntries(data)
        self.limits = limits
        let read = zip.entries.filter { entry in
            !entry.path.hasSuffix("/") && (entry.path.hasPrefix("xl/") || entry.path.hasPrefix("/xl/"))
        }
        // Judged by the sizes the archive states, before anything is unpacked; the inflate then
        // stops at the stated size, so a part cannot unpack to more than it claims.
        let unpacked = read.reduce(0) { $0 + $1.uncompressedSize }
        if unpacked > limits.unpackedBytes {
            throw SpreadsheetError.tooLarge(
                what: "\(Self.mebibytes(unpacked)) unpacked", limit: Self.mebibytes(limits.unpackedBytes))
        }
        for entry in read where entry.uncompressedSize > 1 << 20
            && entry.uncompressedSize / max(1, entry.compressedSize) > limits.compressionRatio
        {
            throw SpreadsheetError.tooLarge(
                what: "\(entry.path) packed \(entry.uncompressedSize / max(1, entry.compressedSize)):1",
                limit: "\(limits.compressionRatio):1")
        }
        var parts: [String: Data] = [:]
        for entry in read {
            let path = entry.path.hasPrefix("/") ? String(entry.path.dropFirst()) : entry.path
            parts[path] = try zip.content(of: entry)
        }
        self.parts = parts
        guard let workbook = parts["xl/workbook.xml"] else { throw SpreadsheetError.missingPart("xl/workbook.xml") }
        let relationships = try Self.relationships(
            parts["xl/_rels/workbook.xml.rels"], part: "xl/_rels/workbook.xml.rels")
        var sheets: [Sheet] = []
        var uses1904 = false
        try XMLScanner.parse(
            workbook, part: "xl/workbook.xml",
            onStart: { name, attributes in
                switch name {
                case "workbookPr":
                    uses1904 = ["1", "true"].contains(attributes["date1904"] ?? "")
                case "sheet":
                    guard let sheetName = attributes["name"],
                        let id = attributes.first(where: { $0.key == "id" || $0.key.hasSuffix(":id") })?.value
                    else {
                        throw SpreadsheetError.invalidContent(
                            part: "xl/workbook.xml", reason: "a sheet without name or id")
                    }
                    guard let target = relationships[id] else {
                        throw SpreadsheetError.invalidContent(
                            part: "xl/workbook.xml", reason: "sheet \(sheetName) points to a missing part (\(id))")
                    }
                    let state = attributes["state"] ?? "visible"
                    sheets.append(Sheet(name: sheetName, part: Self.resolve(target), hidden: state != "visible"))
                default: break
                }
            }, onEnd: { _, _ in })
        self.sheets = sheets
        self.uses1904 = uses1904
        sharedStrings = try Self.sharedStrings(parts["xl/sharedStrings.xml"], limits: limits)
        dateStyles = try Self.dateStyles(parts["xl/styles.xml"])
    }

    /// A target in the workbook's relationships, relative to `xl/` unless absolute.
    static func resolve(_ target: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        return "xl/" + target
    }

    static func relationships(_ data: Data?, part: String) throws -> [String: String] {
        guard let data else { throw SpreadsheetError.missingPart(part) }
        var targets: [String: String] = [:]
        try XMLScanner.parse(
            data, part: part,
            onStart: { name, attributes in
                if name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] {
                    targets[id] = target
                }
            }, onEnd: { _, _ in })
        return targets
    }

    /// Each `<si>`'s text: its `<t>`, or the `<t>`s of its runs joined; phonetic hints (`<rPh>`) left out.
    static func mebibytes(_ bytes: Int) -> String { "\((bytes + (1 << 20) - 1) >> 20) MiB" }

    static func sharedStrings(_ data: Data?, limits: WorkbookLimits) throws -> [String] {
        guard let data else { return [] }
        var strings: [String] = []
        var current = ""
        var inPhonetic = false
        try XMLScanner.parse(
            data, part: "xl/sharedStrings.xml",
            onStart: { name, _ in
                if name == "si" { current = "" }
                if name == "rPh" { inPhonetic = true }
            },
            onEnd: { name, text in
                switch name {
                case "t" where !inPhonetic: current += text
                case "rPh": inPhonetic = false
                case "si":
                    if current.utf8.count > limits.cellCharacters, current.count > limits.cellCharacters {
                        throw SpreadsheetError.tooLarge(
                            what: "shared string \(strings.count) of \(current.count) characters",
                            limit: "\(limits.cellCharacters)")
                    }
                    strings.append(OOXMLText.unescape(current))
                default: break
                }
            })
        return strings
    }

    /// Whether each cell format (`cellXfs`) shows its number as a date or time.
    static func dateStyles(_ data: Data?) throws -> [Bool] {
        guard let data else { return [] }
        var customDate: [Int: Bool] = [:]
        var styles: [Bool] = []
        var inCellFormats = false
        try XMLScanner.parse(
            data, part: "xl/styles.xml",
            onStart: { name, attributes in
                switch name {
                case "numFmt":
                    if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] {
                        customDate[id] = NumberFormat.showsDate(code)
                    }
                case "cellXfs": inCellFormats = true
                case "xf" where inCellFormats:
                    let id = attributes["numFmtId"].flatMap(Int.init) ?? 0
                    styles.append(customDate[id] ?? NumberFormat.builtInShowsDate(id))
                default: break
                }
            },
            onEnd: { name, _ in if name == "cellXfs" { inCellFormats = false } })
        return styles
    }

    /// The rows of a sheet by name.
    public func rows(sheet name: String) throws -> [SheetRow] {
        guard let sheet = sheets.first(where: { $0.name == name }) else { throw SpreadsheetError.noSuchSheet(name) }
        return try rows(of: sheet)
    }

    /// The rows of a sheet that have at least one cell, each with its number as the spreadsheet
    /// shows it; a row's cells run from column A to its last cell, gaps filled with `.empty`.
    public func rows(of sheet: Sheet) throws -> [SheetRow] {
        var rows: [SheetRow] = []
        try forEachRow(of: sheet) { rows.append($0) }
        return rows
    }

    /// Calls `body` with each row of a sheet that has at least one cell, as the sheet is read: a
    /// large sheet's rows need not all be held at once.
    public func forEachRow(of sheet: Sheet, _ body: (SheetRow) throws -> Void) throws {
        guard let data = parts[sheet.part] else { throw SpreadsheetError.missingPart(sheet.part) }
        var reader = SheetReader(part: sheet.part, workbook: self)
        try XMLScanner.parse(
            data, part: sheet.part, onStart: { try reader.start($0, $1) },
            onEnd: { if let row = try reader.end($0, $1) { try body(row) } })
    }
}

import Foundation
import ZIPFoundation

/// Writes an Office Open XML workbook: sheets of rows of values, strings shared, the first row of a
/// sheet bold and frozen when it is a header, dates as serials shown `yyyy-mm-dd`. The files open
/// in Excel, WPS and LibreOffice.
public struct XLSXWriter: Sendable {
    public struct Sheet: Sendable {
        public var name: String
        public var rows: [[CellValue]]
        public var header: Bool
        public var columnWidths: [Double]
        public var hidden: Bool

        public init(
            name: String, rows: [[CellValue]], header: Bool = true, columnWidths: [Double] = [], hidden: Bool = false
        ) {
            self.name = name
            self.rows = rows
            self.header = header
            self.columnWidths = columnWidths
            self.hidden = hidden
        }
    }

    public private(set) var sheets: [Sheet] = []

    public init() {}

    /// Adds a sheet; names must be unique, at most 31 characters, without `[]:*?/\`.
    public mutating func add(_ sheet: Sheet) throws {
        let forbidden = Set("[]:*?/\\")
        guard !sheet.name.isEmpty, sheet.name.count <= 31, !sheet.name.contains(where: forbidden.contains),
            !sheets.contains(where: { $0.name.lowercased() == sheet.name.lowercased() })
        else { throw SpreadsheetError.cannotWrite("bad or repeated sheet name \(sheet.name)") }
        sheets.append(sheet)
    }

    /// The workbook as the bytes of an .xlsx file.
    public func data() throws -> Data {
        guard !sheets.isEmpty else { throw SpreadsheetError.cannotWrite("a workbook needs at least one sheet") }
        var strings = SharedStrings()
        var parts: [(String, Data)] = []
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", Data(sheetXML(sheet, strings: &strings).utf8)))
        }
        parts.insert(
            contentsOf: [
                ("[Content_Types].xml", Data(contentTypes.utf8)), ("_rels/.rels", Data(Self.packageRelationships.utf8)),
                ("xl/workbook.xml", Data(workbookXML.utf8)),
                ("xl/_rels/workbook.xml.rels", Data(workbookRelationships.utf8)),
                ("xl/styles.xml", Data(Self.styles.utf8)), ("xl/sharedStrings.xml", Data(strings.xml.utf8)),
            ], at: 0)
        do {
            let archive = try Archive(accessMode: .create)
            for (path, content) in parts {
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(content.count),
                    modificationDate: Date(timeIntervalSince1970: 1_577_836_800), compressionMethod: .deflate
                ) { position, size in content.subdata(in: Int(position)..<Int(position) + size) }
            }
            guard let data = archive.data else { throw SpreadsheetError.cannotWrite("no archive data") }
            return data
        } catch let error as SpreadsheetError {
            throw error
        } catch {
            throw SpreadsheetError.cannotWrite("\(error)")
        }
    }

    public func write(to url: URL) throws {
        do { try data().write(to: url, options: .atomic) } catch let error as SpreadsheetError { throw error } catch {
            throw SpreadsheetError.cannotWrite("\(url.path): \(error.localizedDescription)")
        }
    }

    // MARK: parts

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    /// Cell styles: 0 plain, 1 bold (headers), 2 date `yyyy-mm-dd`.
    static let boldStyle = 1
    static let dateStyle = 2

    var contentTypes: String {
        Self.declaration
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + sheets.indices.map {
                "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            }.joined()
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
            + "</Types>"
    }

    static let packageRelationships =
        declaration
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(officeRelationships)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    var workbookXML: String {
        Self.declaration + "<workbook xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.officeRelationships)\"><sheets>"
            + sheets.enumerated().map { index, sheet in
                "<sheet name=\"\(OOXMLText.escape(sheet.name))\" sheetId=\"\(index + 1)\""
                    + (sheet.hidden ? " state=\"hidden\"" : "") + " r:id=\"rId\(index + 1)\"/>"
            }.joined() + "</sheets></workbook>"
    }

    var workbookRelationships: String {
        Self.declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + sheets.indices.map {
                "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(Self.officeRelationships)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
            }.joined()
            + "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(Self.officeRelationships)/styles\" Target=\"styles.xml\"/>"
            + "<Relationship Id=\"rId\(sheets.count + 2)\" Type=\"\(Self.officeRelationships)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
            + "</Relationships>"
    }

    static let styles =
        declaration + "<styleSheet xmlns=\"\(main)\">"
        + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/></numFmts>"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"

    func sheetXML(_ sheet: Sheet, strings: inout SharedStrings) -> String {
        var xml = Self.declaration + "<worksheet xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.officeRelationships)\">"
        if sheet.header, sheet.rows.count > 1 {
            xml +=
                "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\""
                + " activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
        }
        if !sheet.columnWidths.isEmpty {
            xml +=
                "<cols>"
                + sheet.columnWidths.enumerated().map {
                    "<col min=\"\($0.offset + 1)\" max=\"\($0.offset + 1)\" width=\"\($0.element)\" customWidth=\"1\"/>"
                }.joined() + "</cols>"
        }
        xml += "<sheetData>"
        for (r, row) in sheet.rows.enumerated() {
            xml += "<row r=\"\(r + 1)\">"
            let bold = sheet.header && r == 0
            for (c, value) in row.enumerated() {
                let reference = ColumnName.letters(c) + String(r + 1)
                let style = bold ? " s=\"\(Self.boldStyle)\"" : ""
                switch value {
                case .empty: continue
                case .text(let s): xml += "<c r=\"\(reference)\"\(style) t=\"s\"><v>\(strings.index(s))</v></c>"
                case .number(let n) where n.isFinite:
                    xml += "<c r=\"\(reference)\"\(style)><v>\(CellValue.plain(n))</v></c>"
                case .number: xml += "<c r=\"\(reference)\"\(style) t=\"e\"><v>#NUM!</v></c>"
                case .bool(let b): xml += "<c r=\"\(reference)\"\(style) t=\"b\"><v>\(b ? 1 : 0)</v></c>"
                case .date(let d):
                    xml += "<c r=\"\(reference)\" s=\"\(Self.dateStyle)\"><v>\(ExcelDate.serial(of: d))</v></c>"
                case .error(let e): xml += "<c r=\"\(reference)\"\(style) t=\"e\"><v>\(OOXMLText.escape(e))</v></c>"
                }
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    /// The shared-string table: each distinct text once, cells point to it by index.
    struct SharedStrings {
        private var indexByText: [String: Int] = [:]
        private var texts: [String] = []
        private var uses = 0

        mutating func index(_ text: String) -> Int {
            uses += 1
            if let known = indexByText[text] { return known }
            texts.append(text)
            indexByText[text] = texts.count - 1
            return texts.count - 1
        }

        var xml: String {
            XLSXWriter.declaration
                + "<sst xmlns=\"\(XLSXWriter.main)\" count=\"\(uses)\" uniqueCount=\"\(texts.count)\">"
                + texts.map { "<si><t xml:space=\"preserve\">\(OOXMLText.escape($0))</t></si>" }.joined() + "</sst>"
        }
    }
}

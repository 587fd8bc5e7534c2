import Foundation
import Spreadsheet
import Testing
import ZIPFoundation

/// Workbooks put together part by part, the way other programs write them, and broken ones.
enum Parts {
    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>
        """
    static let workbookRels = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/data.xml"/>
        </Relationships>
        """

    static func workbook(date1904: Bool = false, prefixed: Bool = false) -> String {
        let p = prefixed ? "x:" : ""
        let ns = prefixed ? "xmlns:x" : "xmlns"
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <\(p)workbook \(ns)="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
            <\(p)workbookPr date1904="\(date1904 ? 1 : 0)"/>
            <\(p)sheets><\(p)sheet name="能源" sheetId="1" r:id="rId7"/></\(p)sheets></\(p)workbook>
            """
    }

    /// Cell formats: 0 general, 1 built-in date 14, 2 custom 「yyyy"年"m"月"」, 3 custom number `0.00"吨"`.
    static let styles = """
        <?xml version="1.0" encoding="UTF-8"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
        <numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/>
        <numFmt numFmtId="177" formatCode="0.00&quot;吨&quot;"/></numFmts>
        <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/><xf numFmtId="177"/></cellXfs>
        </styleSheet>
        """

    static let sharedStrings = """
        <?xml version="1.0" encoding="UTF-8"?>
        <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">
        <si><t>单位代码</t></si>
        <si><r><rPr><b/></rPr><t>数</t></r><r><t xml:space="preserve">量 </t></r><rPh sb="0" eb="1"><t>しゅう</t></rPh></si>
        <si><t>F_x000D_1</t></si>
        </sst>
        """

    static func sheet(prefixed: Bool = false, body: String? = nil) -> String {
        let p = prefixed ? "x:" : ""
        let ns = prefixed ? "xmlns:x" : "xmlns"
        let rows =
            body ?? """
                <\(p)row r="1"><\(p)c r="A1" t="s"><\(p)v>0</\(p)v></\(p)c><\(p)c r="B1" t="s"><\(p)v>1</\(p)v></\(p)c></\(p)row>
                <\(p)row r="3"><\(p)c t="s"><\(p)v>2</\(p)v></\(p)c><\(p)c s="3"><\(p)v>12.5</\(p)v></\(p)c>
                <\(p)c r="D3" s="1"><\(p)v>45292</\(p)v></\(p)c><\(p)c r="E3" s="2"><\(p)v>45323</\(p)v></\(p)c></\(p)row>
                <\(p)row r="4"><\(p)c r="A4" t="inlineStr"><\(p)is><\(p)t>内联</\(p)t></\(p)is></\(p)c>
                <\(p)c r="B4" t="str"><\(p)f>A1&amp;"x"</\(p)f><\(p)v>单位代码x</\(p)v></\(p)c>
                <\(p)c r="C4" t="b"><\(p)v>1</\(p)v></\(p)c><\(p)c r="D4" t="e"><\(p)v>#DIV/0!</\(p)v></\(p)c>
                <\(p)c r="F4"/></\(p)row>
                <\(p)row r="5"><\(p)c r="A5" t="s"/></\(p)row>
                """
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <\(p)worksheet \(ns)="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
            <\(p)sheetData>\(rows)</\(p)sheetData>
            <\(p)mergeCells count="1"><\(p)mergeCell ref="A1:B1"/></\(p)mergeCells></\(p)worksheet>
            """
    }

    static func zip(_ parts: [String: String]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
        }
        return archive.data!
    }

    static func workbook(
        date1904: Bool = false, prefixed: Bool = false, sheet: String? = nil, dropping: String? = nil
    ) throws -> Data {
        var parts = [
            "[Content_Types].xml": contentTypes, "xl/workbook.xml": workbook(date1904: date1904, prefixed: prefixed),
            "xl/_rels/workbook.xml.rels": workbookRels, "xl/styles.xml": styles, "xl/sharedStrings.xml": sharedStrings,
            "xl/worksheets/data.xml": sheet ?? Self.sheet(prefixed: prefixed),
        ]
        if let dropping { parts[dropping] = nil }
        return try zip(parts)
    }
}

@Suite("XLSX: workbooks written by other programs, and broken ones")
struct ForeignWorkbookTests {
    static func date(_ text: String) -> CellValue {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withFullDate]
        return .date(f.date(from: text)!)
    }

    @Test("shared, rich and inline strings, formulas, booleans, errors, date formats, gaps", arguments: [false, true])
    func foreign(prefixed: Bool) throws {
        let workbook = try XLSXWorkbook(data: try Parts.workbook(prefixed: prefixed))
        #expect(workbook.sheetNames == ["能源"])
        let rows = try workbook.rows(sheet: "能源")
        #expect(rows.map(\.number) == [1, 3, 4])
        #expect(rows[0].cells == [.text("单位代码"), .text("数量 ")])
        // A cell with a number format that is not a date stays a number; 14 and 年月 formats are dates.
        #expect(
            rows[1].cells == [.text("F\r1"), .number(12.5), .empty, Self.date("2024-01-01"), Self.date("2024-02-01")])
        #expect(rows[2].cells == [.text("内联"), .text("单位代码x"), .bool(true), .error("#DIV/0!")])
    }

    @Test("the 1904 date system")
    func dates1904() throws {
        let rows = try XLSXWorkbook(data: try Parts.workbook(date1904: true)).rows(sheet: "能源")
        // 45292 in the 1904 system is 1462 days after 2024-01-01.
        #expect(rows[1][3] == Self.date("2028-01-02"))
    }

    @Test("broken workbooks fail with an error naming the part")
    func broken() throws {
        #expect(throws: SpreadsheetError.notAWorkbook("not a zip archive")) {
            try XLSXWorkbook(data: Data("unit,period\nF1,2024-01\n".utf8))
        }
        #expect(throws: SpreadsheetError.missingPart("xl/workbook.xml")) {
            try XLSXWorkbook(data: try Parts.workbook(dropping: "xl/workbook.xml"))
        }
        let unclosed = try XLSXWorkbook(data: try Parts.workbook(sheet: Parts.sheet(body: "<row r=\"1\"><c r=\"A1\">")))
        #expect {
            try unclosed.rows(sheet: "能源")
        } throws: { error in
            guard case .malformedXML(let part, _, _) = error as? SpreadsheetError else { return false }
            return part == "xl/worksheets/data.xml"
        }
        for body in [
            "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>99</v></c></row>",  // no such shared string
            "<row r=\"1\"><c r=\"A1\"><v>12,5</v></c></row>",  // not a number
            "<row r=\"2\"><c r=\"A1\"><v>1</v></c></row>",  // cell outside its row
            "<row r=\"2\"/><row r=\"1\"/>",  // rows out of order
        ] {
            let workbook = try XLSXWorkbook(data: try Parts.workbook(sheet: Parts.sheet(body: body)))
            #expect {
                try workbook.rows(sheet: "能源")
            } throws: { error in
                guard case .invalidContent(let part, _) = error as? SpreadsheetError else { return false }
                return part == "xl/worksheets/data.xml"
            }
        }
        let ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
        for sheet in [
            "<worksheet \(ns)><sheetData></sheetdata></worksheet>",  // wrong end tag
            "<worksheet \(ns)><sheetData><row r=1/></sheetData></worksheet>",  // unquoted attribute
            "<worksheet \(ns)><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&nbsp;</t></is></c></row></sheetData></worksheet>",
            "<!DOCTYPE x [<!ENTITY a \"b\">]><worksheet \(ns)/>",  // declarations are refused
            "<worksheet \(ns)/>trailing",  // text after the root
            "<worksheet \(ns)/><worksheet \(ns)/>",  // two roots
            "",  // empty
        ] {
            let workbook = try XLSXWorkbook(data: try Parts.workbook(sheet: sheet))
            #expect {
                try workbook.rows(sheet: "能源")
            } throws: { error in
                guard case .malformedXML(let part, let line, _) = error as? SpreadsheetError else { return false }
                return part == "xl/worksheets/data.xml" && line >= 1
            }
        }
        #expect(throws: SpreadsheetError.missingPart("xl/worksheets/data.xml")) {
            try XLSXWorkbook(data: try Parts.workbook(dropping: "xl/worksheets/data.xml")).rows(sheet: "能源")
        }
    }
}

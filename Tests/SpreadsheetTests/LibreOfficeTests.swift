import Foundation
import PersistenceTestSupport
import Spreadsheet
import Testing

@Suite("XLSX: LibreOffice agrees", .enabled(if: LibreOffice.isInstalled, "LibreOffice is not installed"), .serialized)
struct LibreOfficeTests {
    @Test("a workbook PeakZero writes opens in LibreOffice with the same values")
    func ourWorkbookOpens() throws {
        let folder = try LibreOffice.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var writer = XLSXWriter()
        try writer.add(
            .init(
                name: "活动数据",
                rows: [
                    [.text("单位代码"), .text("品种"), .text("数量"), .text("日期"), .text("备注")],
                    [
                        .text("F-001"), .text("烟煤"), .number(1250.5), .date(WriterRoundTripTests.day),
                        .text("含\"引号\", 逗号"),
                    ],
                    [.text("F-002"), .text("电力"), .number(-3), .empty, .bool(true)],
                ]))
        let file = folder.appendingPathComponent("ours.xlsx")
        try writer.write(to: file)
        let csv = try String(contentsOf: LibreOffice.convert(file, to: "csv", in: folder), encoding: .utf8)
        let lines = csv.split(whereSeparator: \.isNewline).map(String.init)
        // LibreOffice quotes every text cell; numbers, the date and the boolean come unquoted.
        #expect(
            lines == [
                "\"单位代码\",\"品种\",\"数量\",\"日期\",\"备注\"",
                "\"F-001\",\"烟煤\",1250.5,2024-01-01,\"含\"\"引号\"\", 逗号\"",
                "\"F-002\",\"电力\",-3,,TRUE",
            ])
    }

    @Test("a workbook LibreOffice writes (from a CSV) reads here with the same values")
    func theirWorkbookReads() throws {
        let folder = try LibreOffice.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("theirs.csv")
        try Data(
            "unit,period,item,quantity,uom\nF-001,2024-01,烟煤,1250.5,t\nF-002,2024-02,电力,3,MWh\n,,,,\nF-003,2024-03,天然气,0.25,万Nm3\n"
                .utf8
        )
        .write(to: source)
        let workbook = try XLSXWorkbook(contentsOf: LibreOffice.convert(source, to: "xlsx", in: folder))
        let rows = try workbook.rows(sheet: workbook.sheetNames[0])
        #expect(rows.map(\.number) == [1, 2, 3, 5])
        #expect(rows[0].cells.map(\.text) == ["unit", "period", "item", "quantity", "uom"])
        #expect(rows[1][0] == .text("F-001") && rows[1][2] == .text("烟煤") && rows[1][3] == .number(1250.5))
        // LibreOffice reads 2024-01 in a CSV as a date and stores it with a date format.
        #expect(rows[1][1].text.hasPrefix("2024-01"))
        #expect(rows[3][3] == .number(0.25) && rows[3][4] == .text("万Nm3"))
    }
}

import Foundation
import Spreadsheet
import Testing

@Suite("XLSX: the writer's workbooks read back")
struct WriterRoundTripTests {
    static let day = Date(timeIntervalSince1970: 1_704_067_200)  // 2024-01-01 00:00 UTC

    static let rows: [[CellValue]] = [
        [.text("单位代码"), .text("期间"), .text("品种"), .text("数量"), .text("计量单位")],
        [.text("F-001"), .text("2024-01"), .text("烟煤"), .number(1250.5), .text("t")],
        [.text("F-001"), .date(day), .text("电力"), .number(-3), .text("MWh"), .empty, .bool(true)],
        [.empty, .empty, .text("quotes \" & <tags> 'apostrophes'"), .number(1e-7), .text("_x0041_ stays")],
        [.text("tab\there, line\nbreak, bell \u{07} too"), .number(123_456_789_012), .error("#N/A")],
    ]

    @Test("values, gaps and sheets survive a write and a read")
    func roundTrip() throws {
        var writer = XLSXWriter()
        try writer.add(.init(name: "活动数据", rows: Self.rows, columnWidths: [12, 10, 14, 12, 10]))
        try writer.add(.init(name: "说明", rows: [[.text("PeakZero 模板 activity-v1")]], header: false, hidden: true))
        let workbook = try XLSXWorkbook(data: try writer.data())
        #expect(workbook.sheetNames == ["活动数据", "说明"])
        #expect(workbook.sheets.map(\.hidden) == [false, true])
        let read = try workbook.rows(sheet: "活动数据")
        #expect(read.map(\.number) == [1, 2, 3, 4, 5])
        for (expected, row) in zip(Self.rows, read) {
            var trimmed = expected
            while trimmed.last == .empty { trimmed.removeLast() }
            #expect(row.cells == trimmed)
        }
        #expect(try workbook.rows(sheet: "说明").first?[0] == .text("PeakZero 模板 activity-v1"))
        #expect(throws: SpreadsheetError.noSuchSheet("Sheet9")) { try workbook.rows(sheet: "Sheet9") }
    }

    @Test("sheet names are checked: empty, too long, forbidden characters, repeated")
    func sheetNames() throws {
        var writer = XLSXWriter()
        try writer.add(.init(name: "Data", rows: []))
        for bad in ["", String(repeating: "x", count: 32), "a/b", "data"] {
            #expect(throws: SpreadsheetError.self) { try writer.add(.init(name: bad, rows: [])) }
        }
        #expect(throws: SpreadsheetError.self) { try XLSXWriter().data() }
    }

    @Test("Excel serial dates in the 1900 and 1904 systems")
    func serialDates() {
        func text(_ serial: Double, _ uses1904: Bool = false) -> String {
            ExcelDate.text(ExcelDate.date(serial: serial, uses1904: uses1904))
        }
        // Serial 1 is 1900-01-01; 59 is 1900-02-28; 60 is Excel's 1900-02-29, which never was; 61 is 1900-03-01.
        #expect(text(1) == "1900-01-01")
        #expect(text(59) == "1900-02-28")
        #expect(text(61) == "1900-03-01")
        // 45292 is 2024-01-01 (Excel: =DATE(2024,1,1) shows 45292 as a number); .5 is noon.
        #expect(text(45292) == "2024-01-01")
        #expect(text(45292.5) == "2024-01-01 12:00:00")
        // The 1904 system counts from 1904-01-01: 2024-01-01 is 43830 there (45292 − 1462).
        #expect(text(0, true) == "1904-01-01")
        #expect(text(43830, true) == "2024-01-01")
        #expect(ExcelDate.serial(of: Self.day) == 45292)
    }

    @Test("column letters")
    func columns() {
        #expect(
            [0, 25, 26, 51, 52, 701, 702, 16_383].map(ColumnName.letters) == [
                "A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD",
            ])
    }
}

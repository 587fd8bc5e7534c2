import Foundation
import Testing

@testable import Spreadsheet

/// Hostile workbooks are refused before they are unpacked, or as soon as they overstep, in bounded
/// memory: a megabyte that unpacked to gigabytes once took 2 GB of the server for half a minute.
@Suite("Workbook limits")
struct WorkbookLimitsTests {
    static func workbook(_ rows: [[CellValue]]) throws -> Data {
        var writer = XLSXWriter()
        try writer.add(.init(name: "Data", rows: rows))
        return try writer.data()
    }

    static func tooLarge(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let SpreadsheetError.tooLarge(what, limit) {
            return "\(what) / \(limit)"
        } catch {
            return "other: \(error)"
        }
    }

    @Test("a part packed far tighter than spreadsheets pack is refused before it is unpacked")
    func packedTooTightly() throws {
        // Four mebibytes of one letter pack about a thousand times: a bomb's signature.
        let data = try Self.workbook([[.text(String(repeating: "a", count: 4 << 20))]])
        #expect(data.count < 64 << 10)
        let refusal = Self.tooLarge { _ = try XLSXWorkbook(data: data) }
        #expect(refusal?.contains("xl/sharedStrings.xml packed") == true, "\(refusal ?? "accepted")")
        #expect(refusal?.hasSuffix("200:1") == true)
    }

    @Test("more unpacked than the limit is refused by the sizes the archive states")
    func unpackedTotal() throws {
        let data = try Self.workbook((0..<200).map { [.text("row \($0)"), .number(Double($0))] })
        let small = WorkbookLimits(unpackedBytes: 4_000, compressionRatio: 200, columns: 1_024, cellCharacters: 32_767)
        let refusal = Self.tooLarge { _ = try XLSXWorkbook(data: data, limits: small) }
        #expect(refusal?.hasSuffix("unpacked / 1 MiB") == true, "\(refusal ?? "accepted")")
        // The same workbook within the standard limits reads.
        #expect(try XLSXWorkbook(data: data).rows(sheet: "Data").count == 200)
    }

    @Test("a cell beyond column 1,024 and a cell longer than Excel's 32,767 characters are refused by name")
    func columnsAndCells() throws {
        let wide = try Self.workbook([Array(repeating: CellValue.empty, count: 2_000) + [.text("far")]])
        let refusal = Self.tooLarge { _ = try XLSXWorkbook(data: wide).rows(sheet: "Data") }
        #expect(refusal == "cell BXY1 / 1024 columns (AMJ)", "\(refusal ?? "accepted")")
        let long = try Self.workbook([[.text(String(repeating: "碳", count: 40_000))]])
        let cell = Self.tooLarge { _ = try XLSXWorkbook(data: long).rows(sheet: "Data") }
        #expect(cell == "shared string 0 of 40000 characters / 32767", "\(cell ?? "accepted")")
        // At the limit, it reads.
        let full = try Self.workbook([[.text(String(repeating: "碳", count: 32_767))]])
        #expect(try XLSXWorkbook(data: full).rows(sheet: "Data").first?.cells.first?.text.count == 32_767)
    }
}

import Foundation
import PersistenceTestSupport
import Spreadsheet
import Testing

@Suite("XLSX: random and damaged bytes never crash the reader")
struct FuzzTests {
    static func valid() throws -> Data {
        var writer = XLSXWriter()
        try writer.add(.init(name: "Data", rows: WriterRoundTripTests.rows))
        return try writer.data()
    }

    /// Opens and reads every sheet; true when that succeeded, false when it threw.
    static func read(_ data: Data) -> Bool {
        do {
            let workbook = try XLSXWorkbook(data: data)
            for sheet in workbook.sheets { _ = try workbook.rows(of: sheet) }
            return true
        } catch is SpreadsheetError {
            return false
        } catch {
            Issue.record("not a SpreadsheetError: \(error)")
            return false
        }
    }

    @Test("random bytes and every truncation are refused with an error")
    func randomAndTruncated() throws {
        var random = SplitMix64(state: 20_261_121)
        for _ in 0..<300 {
            let count = Int.random(in: 0..<4096, using: &random)
            let bytes = Data((0..<count).map { _ in UInt8.random(in: 0...255, using: &random) })
            #expect(!Self.read(bytes))
        }
        let valid = try Self.valid()
        for length in stride(from: 0, to: valid.count, by: max(1, valid.count / 400)) {
            #expect(!Self.read(valid.prefix(length)), "truncated to \(length) of \(valid.count) bytes")
        }
    }

    @Test("damaged bytes inside a workbook: an error or a reading, never a crash")
    func damaged() throws {
        let valid = try Self.valid()
        var random = SplitMix64(state: 7)
        var refused = 0
        for _ in 0..<500 {
            var bytes = valid
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
            if !Self.read(bytes) { refused += 1 }
        }
        // Most damage lands in compressed data, whose checksum then fails.
        #expect(refused > 250)
    }
}

import Accounting
import Foundation
import Persistence
import PersistenceTestSupport
import Testing

@testable import Intake

@Suite("Importing a CSV file by streaming it")
struct StreamingImportTests {
    static func file(_ text: String, name: String = "stream.csv") throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "peakzero-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test("blocks cut anywhere give the same records and row numbers as the whole file")
    func blocks() throws {
        let text =
            "\u{FEFF}unit,period,item,quantity,uom,note\r\nF1,2024-01,柴油,1,t,\"a, b\"\n\nF1,2024-02,柴油,2,t,\"two\nlines\"\nF1,2024-03,柴油,3,t,\"say \"\"hi\"\"\"\nF1,2024-04,柴油,4,t,last"
        let url = try Self.file(text)
        let whole = try CSVTable(parsing: text).records
        for blockSize in [1, 2, 3, 7, 16, 64, 1 << 20] {
            var chunks = try CSVChunks(path: url.path, blockSize: blockSize)
            var records: [(Int, [String])] = []
            while let block = try chunks.next() {
                records += block.records.enumerated().map { (block.firstRow + $0.offset, $0.element) }
            }
            #expect(records.map(\.1) == whole, "block size \(blockSize)")
            #expect(records.map(\.0) == Array(1...whole.count), "block size \(blockSize)")
            var hasher = chunks.hasher
            #expect(hasher.finish() == SHA256.hex(Data(text.utf8)))
        }
    }

    @Test("streamed: the same checks and messages as a file read whole, and all or nothing")
    func sameAsWhole() async throws {
        try await TestDatabases.withDatabase("sqlite") { db async throws in
            try await UnitStore(db).create(ActivityImportTests.units)
            try await ActivityStore(db).insert([
                NewActivityRecord(unitCode: "F1", period: "2024-03", item: "柴油", quantity: 2, uom: "t")
            ])
            let csv = """
                单位代码,期间,品种,数量,计量单位
                NOPE,2024-01,烟煤,1,t
                F1,2024-13,烟煤,1,t
                F1,2025-06,烟煤,1,t
                F1,2024-02,烟煤,1,t
                F1,2024-02,烟煤,2,t
                F1,2024-03,柴油,1,t

                """
            let url = try Self.file(csv)
            let importer = ActivityImport(db)
            let streamed = try await importer.run(
                path: url.path, dryRun: false, language: .en, today: ActivityImportTests.today, scope: .everything)
            let whole = try await importer.run(
                try IntakeFile(data: Data(csv.utf8), name: "stream.csv"), dryRun: true, language: .en,
                today: ActivityImportTests.today, scope: .everything)
            #expect(streamed.errors.map { $0.message(in: .en) } == whole.errors.map { $0.message(in: .en) })
            #expect(streamed.errors.map(\.row) == [2, 3, 4, 6, 7])
            #expect(streamed.rowsRead == 6 && streamed.rowsWritten == 0)
            #expect(try await ActivityStore(db).batches().count == 1)  // only the API's; the import's rolled back

            let good = try Self.file("unit,period,item,quantity,uom\nF1,2024-04,柴油,1,t\nF2,2024-04,电力,10,MWh\n")
            let done = try await importer.run(
                path: good.path, dryRun: false, language: .zh, today: ActivityImportTests.today, scope: .everything)
            #expect(done.succeeded && done.rowsWritten == 2 && done.batchID != nil)
            let batch = try #require(try await ActivityStore(db).batches().first)
            #expect(batch.rowCount == 2 && batch.contentHash == done.contentHash && batch.fileName == "stream.csv")
            let again = try await importer.run(
                path: good.path, dryRun: false, language: .zh, today: ActivityImportTests.today, scope: .everything)
            #expect(again.alreadyImported && again.rowsWritten == 0 && again.batchID == batch.id)
        }
    }
}

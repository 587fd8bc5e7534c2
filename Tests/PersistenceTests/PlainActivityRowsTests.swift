import Accounting
import Foundation
import PersistenceTestSupport
import Testing

@testable import Persistence

/// Plain rows are written block by block while another thread numbers the next block's texts. A
/// small block makes a thousand rows eight blocks, with texts first seen in late blocks.
@Suite("Plain activity rows written in numbered blocks")
struct PlainActivityRowsTests {
    @Test func blocksWriteEveryRowWithItsOwnTexts() async throws {
        try await TestDatabases.withDatabase("sqlite") { db async throws in
            try await UnitStore(db).create(StoreTests.tree)
            let items: [(item: String, uom: String)] = [
                ("柴油", "t"), ("电力", "MWh"), ("天然气", "万Nm3"), ("热力", "GJ"), ("汽油", "t"), ("烟煤", "t"),
            ]
            var records: [NewActivityRecord] = []
            for n in 0..<1_000 {
                // The last item appears only from row 600 on, in the fifth block of 128.
                let use = items[n < 600 ? n % 5 : n % 6]
                records.append(
                    NewActivityRecord(
                        unitCode: ["F1", "E2", "E1"][n % 3], period: "2023-\(String(format: "%02d", n % 12 + 1))",
                        item: use.item, quantity: Double(n + 1), uom: use.uom))
            }
            let store = ActivityStore(db)
            let rows = try await store.validate(records).rows
            try await db.withRawSQLite { raw in
                try raw.transaction {
                    try BulkInsert.run(
                        table: "record_batches", columns: RecordBatch.columns,
                        rows: [RecordBatch(kind: "test").row(count: rows.count)], in: raw)
                    try PlainActivityRows.write(rows, batchID: raw.lastInsertedID, in: raw, blockSize: 128)
                    try ActivitySpans.write(
                        ActivityStore.spans(of: rows, ids: (1...Int64(rows.count)).map { $0 }), in: raw)
                }
            }
            let s = try await UnitStore(db).unit(code: "S")
            let stored = try await store.list(under: s.id).sorted { $0.id < $1.id }
            #expect(stored.count == 1_000)
            #expect(stored.map(\.quantity) == (1...1_000).map(Double.init))
            #expect(stored.map(\.item) == rows.map(\.record.item.code))
            #expect(stored.map(\.uom) == rows.map(\.record.quantity.unitSymbol))
        }
    }
}

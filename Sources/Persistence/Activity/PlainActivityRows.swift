import Accounting
import FastStructures
import Foundation

/// Activity rows without measured parameters or a source — nearly every row of a file or a
/// province — written with nine columns and their texts bound in place: each distinct item,
/// category and unit of measure is kept once as C strings, so SQLite copies no text per row.
enum PlainActivityRows {
    static let columns = [
        "root_id", "unit_id", "year", "month", "item", "category", "quantity", "uom", "batch_id",
    ]

    /// A row's item, category and unit of measure as C strings.
    final class Texts: @unchecked Sendable {  // immutable once made
        let item: SQLiteRaw.StaticText
        let category: SQLiteRaw.StaticText
        let uom: SQLiteRaw.StaticText

        init(item: String, category: String, uom: String) {
            self.item = SQLiteRaw.StaticText(item)
            self.category = SQLiteRaw.StaticText(category)
            self.uom = SQLiteRaw.StaticText(uom)
        }
    }

    /// Binds one row from parameter `p` on; `month` 0 is a whole-year record.
    static func bind(
        _ statement: SQLiteRaw.Statement, from p: Int32, rootID: Int64, unitID: Int64, year: Int64, month: Int64,
        texts: Texts, quantity: Double, batchID: Int64
    ) {
        statement.bind(p, rootID)
        statement.bind(p + 1, unitID)
        statement.bind(p + 2, year)
        statement.bind(p + 3, month == 0 ? nil : month)
        statement.bind(p + 4, texts.item)
        statement.bind(p + 5, texts.category)
        statement.bind(p + 6, quantity)
        statement.bind(p + 7, texts.uom)
        statement.bind(p + 8, batchID)
    }

    /// Numbers the distinct texts of validated records (a batch has a few dozen): the three texts,
    /// laid end to end, are looked up as one byte string.
    struct Table {
        private(set) var texts: [Texts] = []
        private var interner = ByteInterner()
        private var scratch: [UInt8] = []

        mutating func index(item: String, category: String, uom: String) -> Int32 {
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: item.utf8)
            scratch.append(0x01)  // a separator: ("ab", "c") and ("a", "bc") differ
            scratch.append(contentsOf: category.utf8)
            scratch.append(0x01)
            scratch.append(contentsOf: uom.utf8)
            let (id, isNew) = scratch.withUnsafeBufferPointer { interner.id(of: $0) }
            if isNew { texts.append(Texts(item: item, category: category, uom: uom)) }
            return id
        }
    }

    /// Whether a validated row can be written as a plain row.
    static func isPlain(_ row: ActivityStore.BulkRow) -> Bool {
        row.source == nil && row.record.measured == MeasuredParameters()
    }

    /// A block of rows with its texts numbered, and the texts first seen in it.
    struct NumberedBlock: Sendable {
        let rows: Range<Int>
        let textIndexes: [Int32]
        let newTexts: [Texts]
    }

    /// Writes validated plain rows (multi-row statements, one transaction held by the caller). The
    /// texts of each block of rows are numbered on another thread while SQLite writes the block
    /// before: the two cores share the work.
    /// - Parameter blockSize: rows per block; a multiple of the rows per INSERT (64), so only the
    ///   last block ends in a shorter statement.
    static func write(
        _ rows: [ActivityStore.BulkRow], batchID: Int64, in raw: SQLiteRaw, blockSize: Int = 64 * 1024
    ) throws {
        let handover = Handover<NumberedBlock, Bool>(capacity: 4)
        let numbering = Thread { handover.finish(number(rows, blockSize: blockSize, into: handover)) }
        numbering.start()
        // On an error below, the numbering thread's next block is refused and it stops.
        defer { handover.cancel() }
        var texts: [Texts] = []
        while let block = handover.receive() {
            texts += block.newTexts
            let first = block.rows.lowerBound
            try BulkInsert.run(table: "activity_records", columns: columns, count: block.rows.count, in: raw) {
                statement, k, p in
                let i = first + k
                // Fields read in place (`rows[i].…`): a row copied whole would retain its every string.
                bind(
                    statement, from: p, rootID: rows[i].rootID, unitID: rows[i].unitID,
                    year: Int64(rows[i].record.period.year), month: Int64(rows[i].record.period.month ?? 0),
                    texts: texts[Int(block.textIndexes[k])], quantity: rows[i].record.quantity.value,
                    batchID: batchID)
            }
        }
    }

    /// Numbers the rows' texts block by block, handing each block over; false when the writer gave up.
    private static func number(
        _ rows: [ActivityStore.BulkRow], blockSize: Int, into handover: Handover<NumberedBlock, Bool>
    ) -> Bool {
        var table = Table()
        for start in stride(from: 0, to: rows.count, by: blockSize) {
            let block = start..<min(start + blockSize, rows.count)
            let known = table.texts.count
            var indexes: [Int32] = []
            indexes.reserveCapacity(block.count)
            for i in block {
                indexes.append(
                    table.index(
                        item: rows[i].record.item.code, category: rows[i].record.category.rawValue,
                        uom: rows[i].record.quantity.unitSymbol))
            }
            let numbered = NumberedBlock(rows: block, textIndexes: indexes, newTexts: Array(table.texts[known...]))
            guard handover.send(numbered) else { return false }
        }
        return true
    }
}

import Accounting
import FastStructures
import Foundation

/// A recalculation on SQLite, on both cores: one thread reads the subtree's records on a
/// connection of its own and computes their lines block by block; the bulk connection's thread
/// writes each block of lines while the next is read. When every record is read, the reading
/// thread builds the summaries while the last lines are written.
extension InventoryStore {
    /// Computes and stores the inventory of `rows`' subtree; returns its id.
    /// - Parameter rows: everything but the lines (which are read here): `rows.lines` holds only
    ///   the subtree's units.
    func computeOnSQLite(_ rows: InventoryRows, path: String) async throws -> Int64 {
        try await database.withRawSQLite { raw in
            try raw.withoutForeignKeyChecks {
                try raw.transaction { try Self.compute(rows, readingFrom: path, writingTo: raw) }
            }
        }
    }

    private static func compute(_ rows: InventoryRows, readingFrom path: String, writingTo raw: SQLiteRaw) throws
        -> Int64
    {
        try UnitLookup.requireExisting([rows.unitID], in: raw)
        let version =
            try Int(
                raw.integer(
                    "SELECT COALESCE(MAX(version), 0) FROM inventories WHERE unit_id = ? AND year = ?", rows.unitID,
                    Int64(rows.year))) + 1
        // The write lock is held: the next inventory id is this one's, and the header, written last
        // with its totals, takes it.
        let id = try raw.integer("SELECT COALESCE(MAX(id), 0) + 1 FROM inventories")
        let first = InventoryRows.firstLineID(of: id)
        // Lines after the first are numbered by SQLite (the largest id plus one), which appends
        // without the look-up an explicit id costs — when no stored line has a larger id than this
        // inventory's, as when inventories are numbered in turn; otherwise each id is given.
        let numbered = raw.lastInsertedIDOf(table: "inventory_lines") < first
        let handover = Handover<LineBlock, Result<LineReading, any Error>>(capacity: 3)
        let reading = Thread { handover.finish(Result { try read(rows, from: path, into: handover) }) }
        reading.start()
        // On an error below, the reading thread's next block is refused and it stops.
        defer { handover.cancel() }
        var written = 0
        while let block = handover.receive() {
            let start = written
            try BulkInsert.run(
                table: "inventory_lines", columns: InventoryRows.lineColumns, count: block.recordIDs.count, in: raw
            ) { statement, k, p in
                let line = start + k
                statement.bind(p, line == 0 || !numbered ? first + Int64(line) + 1 : nil)
                statement.bind(p + 1, id)
                statement.bind(p + 2, rows.anchor.rootID)
                statement.bind(p + 3, block.recordIDs[k])
                statement.bind(p + 4, block.unitIDs[k])
                statement.bind(p + 5, block.months[k] == 0 ? nil : Int64(block.months[k]))
                statement.bind(p + 6, block.lineageIDs[k])
                statement.bind(p + 7, block.location[k])
                statement.bind(p + 8, block.market[k])
                statement.bind(p + 9, block.calorific[k])
                statement.bind(p + 10, block.equivalent[k])
            }
            written += block.recordIDs.count
        }
        let result = try handover.waitForResult().get()
        guard written == result.lines.count, written == 0 || raw.lastInsertedID == first + Int64(written) else {
            throw StoreError.conflict("inventory \(id): its lines were not numbered in turn")
        }
        let complete = rows.with(lines: result.lines)
        try BulkInsert.run(
            table: "inventories", columns: ["id"] + InventoryRows.inventoryColumns,
            rows: [[.int(id)] + complete.header(version: version)], in: raw)
        try BulkInsert.run(
            table: "inventory_lineages", columns: InventoryRows.lineageColumns,
            rows: result.lineages.lazy.map { [.int(id)] + $0 }, in: raw)
        try complete.writeFactorsAndSummaries(result.summaries, of: id, in: raw)
        try AuditLog.append([complete.auditChange(id: id, version: version)], in: raw)
        return id
    }

    /// The reading thread: reads the records, computes their lines and lineages block by block and
    /// hands each block over; then builds the summaries. A key without factors stops the handing
    /// over (all is rolled back) but not the reading, so the error names every row it concerns.
    private static func read(
        _ rows: InventoryRows, from path: String, into handover: Handover<LineBlock, Result<LineReading, any Error>>
    ) throws -> LineReading {
        let raw = try SQLiteRaw(path: path)
        var input = rows.lines.input
        var blocks = LineBlocks(rows.lines)
        try input.read(anchor: rows.anchor, from: raw, every: 64 * 1024) { input in
            guard let block = try blocks.next(after: input) else { return }
            if !handover.send(block) { throw CancellationError() }
        }
        return try blocks.finish(input: input, rows: rows)
    }
}

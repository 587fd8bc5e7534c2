import Accounting
import Foundation
import SQLKit

/// A recalculation on PostgreSQL, reading and writing at once: one pooled connection streams the
/// subtree's records while the transaction's connection streams the computed lines back through
/// `COPY`, block by block, as runs of one unit's lines (migration 30) — the two server processes
/// work beside this one. The header is written first (the lines refer to it) and given its totals
/// at the end.
extension InventoryStore {
    /// Computes and stores the inventory of `rows`' subtree; returns its id.
    /// - Parameter rows: everything but the lines (which are read here): `rows.lines` holds only
    ///   the subtree's units.
    func computeOnPostgres(_ rows: InventoryRows) async throws -> Int64 {
        let pool = database.sql
        return try await database.transaction { session in
            let version =
                try await session.select().column(SQLFunction("MAX", args: SQLColumn("version")), as: "v")
                .from("inventories").where("unit_id", .equal, SQLBind(rows.unitID))
                .where("year", .equal, SQLBind(rows.year)).first()?.decode(column: "v", as: Int?.self) ?? 0
            let id = try await session.insert(into: "inventories").columns(InventoryRows.inventoryColumns)
                .values(rows.header(version: version + 1).map(\.bind)).returning("id").first()!
                .decode(column: "id", as: Int64.self)
            let reading = try await Self.copyLines(of: rows, id: id, readingFrom: pool, into: session)
            let complete = rows.with(lines: reading.lines)
            let summaries = complete.summarySubjects()
            var update = session.update("inventories")
            for (column, value) in zip(InventoryRows.inventoryColumns, complete.header(version: version + 1)) {
                update = update.set(SQLIdentifier(column), to: value.bind)
            }
            try await update.where("id", .equal, SQLBind(id)).run()
            try await PostgresCopy.run(
                table: "inventory_lineages", columns: InventoryRows.lineageColumns,
                rows: reading.lineages.map { [.int(id)] + $0 }, in: session)
            try await PostgresCopy.run(
                table: "inventory_factors", columns: InventoryRows.factorColumns,
                rows: complete.factorRows(inventoryID: id), in: session)
            try await Self.copySummaries(summaries, of: id, into: session)
            try await AuditLog.append(complete.auditChange(id: id, version: version + 1), in: session)
            return id
        }
    }

    /// Writes the summaries as JSON a stretch of subjects at a time, each sent as soon as it is
    /// written, so that PostgreSQL stores one while the next is written: done one after the other,
    /// the two were a fifth of a province's recalculation.
    private static func copySummaries(
        _ summaries: RollupSummaryBuilder.Subjects, of id: Int64, into session: any SQLDatabase
    ) async throws {
        try await PostgresCopy.run(table: "inventory_summaries", columns: InventoryRows.summaryColumns, in: session) {
            (copy: inout CopyTextRows, flush) in
            for start in stride(from: 0, to: summaries.count, by: 1024) {
                for (subject, json) in summaries.json(start..<min(start + 1024, summaries.count)) {
                    copy.int(id)
                    copy.text(subject)
                    copy.text(json)
                    copy.endRow()
                }
                try await flush.all(&copy)
            }
        } as Void
    }

    /// Streams the records from a pooled connection and their lines into `session` by `COPY`.
    private static func copyLines(
        of rows: InventoryRows, id: Int64, readingFrom pool: any SQLDatabase, into session: any SQLDatabase
    ) async throws -> (lines: ComputedLines, lineages: [[BulkValue]]) {
        let first = InventoryRows.firstLineID(of: id)
        let logger = session.logger
        return try await PostgresCopy.withConnection(of: pool) { reader in
            try await PostgresCopy.run(
                table: "inventory_line_runs", columns: InventoryRows.postgresRunColumns, in: session
            ) {
                (copy: inout CopyBinaryRows, flush) in
                var input = rows.lines.input
                var blocks = LineBlocks(rows.lines)
                var written = 0
                try await input.read(anchor: rows.anchor, from: reader, logger: logger, every: 16 * 1024) { input in
                    guard let block = try blocks.next(after: input) else { return }
                    copy.lineRuns(block, firstID: first + Int64(written) + 1, rootID: rows.anchor.rootID)
                    written += block.count
                    try await flush(&copy)
                }
                // The last lines go before the totals and summaries are worked out.
                try await flush.all(&copy)
                return try blocks.finishLines(input: input)
            }
        }
    }
}

extension CopyBinaryRows {
    /// A block of lines as rows of `inventory_line_runs` (migration 30), in
    /// `InventoryRows.postgresRunColumns`' order: one row per run of consecutive lines of one unit,
    /// each field of the lines an array. The lines are numbered from `firstID`; a run's id is its
    /// first line's.
    mutating func lineRuns(_ block: LineBlock, firstID: Int64, rootID: Int64) {
        guard block.count > 0 else { return }
        var runs: [Range<Int>] = []
        var start = 0
        for k in 1...block.count where k == block.count || block.unitIDs[k] != block.unitIDs[start] {
            runs.append(start..<k)
            start = k
        }
        let perRun = CopyBinaryCursor.rowBytes(fields: 10, eightByte: 3) + 7 * CopyBinaryCursor.arrayHeaderBytes
        // Each element a length and its value: the record id and four figures of 8 bytes, the
        // month and lineage of 4.
        let perLine = 5 * (4 + 8) + 2 * (4 + 4)
        write(maximumBytes: perRun * runs.count + perLine * block.count) { row in
            for run in runs {
                row.beginRow(fields: 10)
                row.int8(firstID + Int64(run.lowerBound))
                row.int8(rootID)
                row.int8(block.unitIDs[run.lowerBound])
                row.array(of: .int8, count: run.count, hasNulls: false) { for k in run { $0.int8(block.recordIDs[k]) } }
                row.array(of: .int4, count: run.count, hasNulls: block.months[run].contains(0)) {
                    for k in run { $0.int4(block.months[k] == 0 ? nil : Int32(block.months[k])) }
                }
                row.array(of: .int4, count: run.count, hasNulls: false) {
                    for k in run { $0.int4(Int32(block.lineageIDs[k])) }
                }
                for figures in [block.location, block.market, block.calorific, block.equivalent] {
                    row.array(of: .float8, count: run.count, hasNulls: false) { for k in run { $0.float8(figures[k]) } }
                }
            }
        }
    }
}

/// Reading lines on PostgreSQL, where they are stored as runs (migration 30).
extension InventoryStore {
    /// The records of a page of an inventory's lines in record order (of a unit's subtree), and the
    /// runs that hold them, from the runs' arrays of record ids alone: a province's page took
    /// 0.7–0.9 s through the view, which unnests all seven arrays of every run, and 0.1 s this way.
    func pageOfRecords(
        inventoryID: Int64, under unitID: Int64?, offset: Int, limit: Int
    ) async throws -> (records: [Int64], runs: [Int64]) {
        let rows = try await runsQuery(inventoryID: inventoryID, under: unitID)
            .column(SQLAlias(SQLFunction("unnest", args: SQLColumn("record_ids", table: "l")), as: SQLIdentifier("rid")))
            .column(SQLColumn("first_id", table: "l"))
            .orderBy(SQLIdentifier("rid")).limit(limit).offset(offset).all()
        let page = try rows.map { (try $0.decode(column: "rid", as: Int64.self), try $0.decode(column: "first_id", as: Int64.self)) }
        return (page.map(\.0), Array(Set(page.map(\.1))).sorted())
    }
}

import Foundation
import Logging
import NIOCore
import PostgresKit

extension CalculationInput {
    /// Reads on a PostgreSQL connection, streaming: each span of records (a unit's, written in
    /// one go) arrives as one row holding them as an array of records, read in place
    /// (`BinaryRecordArray`) — texts matched as bytes, no cell or String made per record.
    /// - Parameter progress: called with the input after at least `every` records and at the end.
    mutating func read(
        anchor: UnitLookup.Entry, from connection: PostgresConnection, logger: Logger, every: Int = .max,
        progress: (CalculationInput) async throws -> Void = { _ in }
    ) async throws {
        for try await (unit, first, last) in try await connection.query(
            PostgresQuery(unsafeSQL: Self.approvedPeriods(year: year)), logger: logger
        ).decode((Int64, Int, Int).self) {
            approve(unitID: unit, months: first...last)
        }
        var binds = PostgresBindings(capacity: 4)
        binds.append(anchor.rootID)
        binds.append(year)
        binds.append(anchor.rootID)
        binds.append(anchor.path + "%")
        let filter =
            "s.root_id = $1 AND s.year = $2 AND s.unit_id IN (SELECT id FROM units WHERE root_id = $3 AND path LIKE $4)"
        // PostgreSQL would compile this query's expressions (its cost estimate is high), which took
        // 0.2 s of the 2 s it runs for a province: its thousands of small per-span aggregates gain
        // nothing from it. Off on this pooled connection for good — it serves short queries too.
        for try await _ in try await connection.query(PostgresQuery(unsafeSQL: "SET jit = off"), logger: logger) {}
        // One aggregate per span, so the records' fields stay together in their ROW. A span is one
        // unit's year, which holds at most one record per period, item and category (imports and
        // batches refuse duplicates): a few thousand records, far below an array's 1 GB limit. The
        // span names the unit once: PostgreSQL's time here goes per field it sends.
        let spans = try await connection.query(
            PostgresQuery(
                unsafeSQL: """
                    SELECT s.unit_id, (SELECT array_agg(ROW(\(Self.spanColumns))) FROM activity_records a
                    WHERE a.id BETWEEN s.first_id AND s.last_id AND a.unit_id = s.unit_id AND a.year = s.year)
                    FROM activity_spans s WHERE \(filter)
                    """, binds: binds),
            logger: logger)
        var reported = 0
        for try await row in spans {
            var cells = row.makeIterator()
            let unitID = try cells.next()?.decode(Int64.self)
            // A span whose records were all deleted aggregates to NULL: nothing to add.
            if let unitID, let records = cells.next()?.bytes {
                try records.withUnsafeReadableBytes { try addSpan($0, unitID: unitID) }
            }
            if count - reported >= every {
                try await progress(self)
                reported = count
            }
        }
        try await progress(self)
    }

    /// The fields of a span's records, in the order `addSpan` reads them: `columns` but the unit,
    /// which the span names.
    static let spanColumns = columns.replacingOccurrences(of: "a.unit_id, ", with: "")

    /// Adds a span's records, sent as an array of records with `spanColumns`' fields.
    private mutating func addSpan(_ bytes: UnsafeRawBufferPointer, unitID: Int64) throws {
        var records = try BinaryRecordArray(bytes, fields: 9)
        while records.remaining > 0 {
            try records.nextRecord()
            let (id, month, quantity) = (try records.int64(), try records.int32OrNil(), try records.double())
            let (item, category, uom) = (
                textIndex(try records.text()), textIndex(try records.text()), textIndex(try records.text())
            )
            try add(
                id: id, unitID: unitID, month: month.map(Int.init), quantity: quantity, item: item,
                category: category, uom: uom, ncv: try records.doubleOrNil(), carbonContent: try records.doubleOrNil(),
                oxidationRate: try records.doubleOrNil())
        }
    }
}

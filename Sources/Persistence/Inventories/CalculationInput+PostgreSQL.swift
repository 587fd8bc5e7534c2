import Logging
import NIOCore
import PostgresKit

extension CalculationInput {
    /// Reads on a PostgreSQL connection, streaming: rows arrive as the server sends them and are
    /// taken by position, texts matched as bytes — no row is decoded by column name and no String
    /// made per row.
    /// - Parameter progress: called with the input after every `every` rows and at the end.
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
        let records = try await connection.query(
            PostgresQuery(
                unsafeSQL: "SELECT \(Self.columns) FROM \(ActivitySpans.recordsOfSpans) WHERE \(filter)", binds: binds),
            logger: logger)
        var reported = 0
        for try await row in records {
            let cells = row.makeRandomAccess()
            try add(
                id: cells[0].decode(Int64.self), unitID: cells[1].decode(Int64.self),
                month: cells[2].decode(Int?.self), quantity: cells[3].decode(Double.self),
                item: textIndex(cells[4]), category: textIndex(cells[5]), uom: textIndex(cells[6]),
                ncv: cells[7].decode(Double?.self), carbonContent: cells[8].decode(Double?.self),
                oxidationRate: cells[9].decode(Double?.self))
            if count - reported >= every {
                try await progress(self)
                reported = count
            }
        }
        try await progress(self)
    }

    /// A text cell's index, matched by its bytes.
    private mutating func textIndex(_ cell: PostgresCell) throws -> Int32 {
        guard let bytes = cell.bytes else {
            throw StoreError.conflict("a stored activity record has no \(cell.columnName) (NULL where the schema forbids it)")
        }
        return bytes.withUnsafeReadableBytes { textIndex($0) }
    }
}

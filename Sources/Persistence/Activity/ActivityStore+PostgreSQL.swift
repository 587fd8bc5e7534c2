import SQLKit

extension ActivityStore {
    /// Takes an advisory lock, held to the end of the transaction, while ids of activity records
    /// are given out, so a batch's ids are one unbroken range (its spans stay few).
    static let idLock: Int64 = 0x7065_616B_6163_7469

    /// Writes the rows through `COPY` inside the caller's transaction (PostgreSQL): their ids are
    /// reserved first as one range of the table's sequence, so the rows carry them and need not be
    /// read back. Every insert of activity records takes the same lock before its ids, so no other
    /// writer draws from the sequence between the reservation's two steps.
    static func copy(_ rows: [BulkRow], batchID: Int64, into db: any SQLDatabase) async throws -> [Int64] {
        guard !rows.isEmpty else { return [] }
        try await db.raw("SELECT pg_advisory_xact_lock(\(bind: idLock))").run()
        let sequence = "pg_get_serial_sequence('activity_records', 'id')"
        let first = try await db.raw("SELECT nextval(\(unsafeRaw: sequence)) AS first").first()!
            .decode(column: "first", as: Int64.self)
        let last = first + Int64(rows.count) - 1
        if last > first { try await db.raw("SELECT setval(\(unsafeRaw: sequence), \(bind: last))").run() }
        try await PostgresCopy.run(table: "activity_records", columns: ["id"] + columns, in: db) {
            (copy: inout CopyTextRows, flush) in
            for (offset, row) in rows.enumerated() {
                // The values of `values(_:batchID:)`, written in place (no array per row).
                let r = row.record
                copy.int(first + Int64(offset))
                copy.int(row.rootID)
                copy.int(row.unitID)
                copy.int(Int64(r.period.year))
                copy.int(r.period.month.map(Int64.init))
                copy.text(r.item.code)
                copy.text(r.category.rawValue)
                copy.double(r.quantity.value)
                copy.text(r.quantity.unitSymbol)
                copy.double(r.measured.netCalorificValue?.value)
                copy.double(r.measured.carbonContent?.value)
                copy.double(r.measured.oxidationRate?.value)
                copy.text(row.source)
                copy.int(batchID)
                copy.endRow()
                if offset % 4096 == 4095 { try await flush(&copy) }
            }
        } as Void
        return Array(first...last)
    }
}

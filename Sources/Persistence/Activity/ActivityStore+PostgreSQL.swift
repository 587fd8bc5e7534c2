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
            (copy: inout CopyBinaryRows, flush) in
            // Eight 8-byte fields, two integers, four texts (counted as four bytes each, plus theirs).
            let fixedBytes = CopyBinaryCursor.rowBytes(fields: 14, eightByte: 8)
            for (offset, row) in rows.enumerated() {
                // The values of `values(_:batchID:)` in the columns' types (migration 2), written
                // in place (no array per row).
                let r = row.record
                let (item, category, uom) = (r.item.code, r.category.rawValue, r.quantity.unitSymbol)
                let texts = [item, category, uom, row.source].reduce(0) { $0 + ($1?.utf8.count ?? 0) }
                copy.write(maximumBytes: fixedBytes + texts) { fields in
                    fields.beginRow(fields: 14)
                    fields.int8(first + Int64(offset))
                    fields.int8(row.rootID)
                    fields.int8(row.unitID)
                    fields.int4(Int32(r.period.year))
                    fields.int4(r.period.month.map(Int32.init))
                    fields.text(item)
                    fields.text(category)
                    fields.float8(r.quantity.value)
                    fields.text(uom)
                    fields.float8(r.measured.netCalorificValue?.value)
                    fields.float8(r.measured.carbonContent?.value)
                    fields.float8(r.measured.oxidationRate?.value)
                    fields.text(row.source)
                    fields.int8(batchID)
                }
                if offset % 4096 == 4095 { try await flush(&copy) }
            }
        } as Void
        return Array(first...last)
    }
}

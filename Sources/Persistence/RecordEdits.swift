import Accounting
import SQLKit

/// Editing one record: the corrected record takes the old one's place in one transaction, and the
/// inventories of both the old and the new unit and year become stale.
enum RecordEdits {
    /// Deletes the record from `table` and marks what covered it stale; 404 when it is gone.
    static func remove(_ id: Int64, from table: String, kind: String, in db: any SQLDatabase) async throws {
        guard
            let row = try await db.select().columns("unit_id", "year").from(table).where("id", .equal, SQLBind(id))
                .first()
        else { throw StoreError.notFound(kind: kind, id: String(id)) }
        try await db.delete(from: table).where("id", .equal, SQLBind(id)).run()
        try await InventoryStaleness.mark(
            units: [try row.decode(column: "unit_id", as: Int64.self)],
            years: [try row.decode(column: "year", as: Int.self)], in: db)
    }
}

extension ActivityStore {
    /// Replaces a stored record with a corrected one (validated like any other); returns the new id.
    public func replace(
        id: Int64, with record: NewActivityRecord, language: Language = .en, provenance: RecordBatch
    ) async throws -> Int64 {
        let batch = try await validate([record], language: language)
        let dialect = database.dialect
        return try await database.transaction { db in
            try await RecordEdits.remove(id, from: "activity_records", kind: "activity record", in: db)
            return try await Self.insert(batch.rows, provenance: provenance, dialect: dialect, in: db)[0]
        }
    }
}

extension EconomicStore {
    /// Replaces a stored record with a corrected one; throws every problem when it is not valid.
    public func replace(id: Int64, with record: NewEconomicRecord) async throws -> Int64 {
        let (valid, issues) = try await check([record])
        if !issues.isEmpty { throw StoreError.invalid(issues) }
        return try await database.transaction { db in
            try await RecordEdits.remove(id, from: "economic_records", kind: "economic record", in: db)
            return try await Self.insert(valid, batchID: nil, in: db, dialect: database.dialect)[0]
        }
    }
}

extension EconomicStore {
    /// One record, or nil when it has been deleted or replaced.
    public func record(id: Int64) async throws -> StoredEconomicRecord? {
        try await database.sql.select()
            .columns(
                "id", "unit_id", "year", "month", "output_value", "value_added", "revenue", "price_index", "base_year"
            )
            .from("economic_records").where("id", .equal, SQLBind(id))
            .first(decoding: StoredEconomicRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }
}

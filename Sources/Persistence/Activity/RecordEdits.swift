import Accounting
import SQLKit

/// Editing one record: the corrected record takes the old one's place in one transaction, and the
/// inventories of both the old and the new unit and year become stale. Each edit is audited with
/// the record as it was and as it became.
enum RecordEdits {
    /// Deletes the record from `table` and marks what covered it stale; 404 when it is gone.
    /// Returns the record as it was.
    @discardableResult
    static func remove(_ id: Int64, from table: Table, in db: any SQLDatabase) async throws -> AuditState {
        guard let before = try await AuditState.row(of: table.name, id: id, in: db) else {
            throw StoreError.notFound(kind: table.kind, id: String(id))
        }
        if let unit = before.int("unit_id"), let year = before.int("year") {
            let key = PeriodLocks.Key(unitID: unit, year: Int(year), month: before.int("month").map(Int.init))
            try await PeriodLocks.check(units: [unit], keys: { [key] }, in: db)
        }
        try await db.delete(from: table.name).where("id", .equal, SQLBind(id)).run()
        if table.hasSpans, let unit = before.int("unit_id") {
            try await ActivitySpans.tidyAfterDeleting(units: [unit], in: db)
        }
        if let unit = before.int("unit_id"), let year = before.int("year") {
            try await InventoryStaleness.mark(units: [unit], years: [Int(year)], in: db)
        }
        return before
    }

    /// The audit entry of a record added, replaced or deleted, with its unit and period taken from
    /// the record (the new one's when there is one).
    static func change(
        _ action: AuditAction, subjectKind: String, id: Int64, before: AuditState?, after: AuditState?
    ) -> AuditChange {
        let state = after ?? before
        return AuditChange(
            action, subjectKind: subjectKind, subjectID: id, unitID: state?.int("unit_id"),
            year: state?.int("year").map(Int.init), month: state?.int("month").map(Int.init), before: before,
            after: after)
    }
}

extension RecordEdits {
    /// A table of records and how the audit trail names its changes.
    struct Table: Sendable {
        let name: String
        /// What a missing record is called in the 404.
        let kind: String
        let subjectKind: String
        let replaced: AuditAction
        let deleted: AuditAction
        /// Whether its records are found through `activity_spans`, which a delete must tidy.
        let hasSpans: Bool

        static let activity = Table(
            name: "activity_records", kind: "activity record", subjectKind: "activity_record",
            replaced: .activityReplaced, deleted: .activityDeleted, hasSpans: true)
        static let economic = Table(
            name: "economic_records", kind: "economic record", subjectKind: "economic_record",
            replaced: .economicReplaced, deleted: .economicDeleted, hasSpans: false)
    }

    /// Removes record `id` and has `insert` write its replacement, inside the caller's transaction,
    /// auditing the change from the old record to the new; returns the new id.
    static func replace(
        _ id: Int64, in table: Table, db: any SQLDatabase, insert: (any SQLDatabase) async throws -> Int64
    ) async throws -> Int64 {
        let before = try await remove(id, from: table, in: db)
        let newID = try await insert(db)
        let after = try await AuditState.row(of: table.name, id: newID, in: db)
        try await AuditLog.append(
            change(table.replaced, subjectKind: table.subjectKind, id: id, before: before, after: after), in: db)
        return newID
    }

    /// Deletes record `id`, audited, inside the caller's transaction.
    static func delete(_ id: Int64, in table: Table, db: any SQLDatabase) async throws {
        let before = try await remove(id, from: table, in: db)
        try await AuditLog.append(
            change(table.deleted, subjectKind: table.subjectKind, id: id, before: before, after: nil), in: db)
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
            try await RecordEdits.replace(id, in: .activity, db: db) { db in
                try await Self.insert(batch.rows, provenance: provenance, audited: false, dialect: dialect, in: db)[0]
            }
        }
    }

    public func delete(id: Int64) async throws {
        try await database.transaction { db in try await RecordEdits.delete(id, in: .activity, db: db) }
    }
}

extension EconomicStore {
    /// Replaces a stored record with a corrected one; throws every problem when it is not valid.
    public func replace(id: Int64, with record: NewEconomicRecord) async throws -> Int64 {
        let (valid, issues) = try await check([record])
        if !issues.isEmpty { throw StoreError.invalid(issues) }
        let dialect = database.dialect
        return try await database.transaction { db in
            try await RecordEdits.replace(id, in: .economic, db: db) { db in
                try await Self.insert(valid, batchID: nil, in: db, dialect: dialect)[0]
            }
        }
    }

    public func delete(id: Int64) async throws {
        try await database.transaction { db in try await RecordEdits.delete(id, in: .economic, db: db) }
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

import Accounting
import Foundation
import SQLKit

/// What an import checks against the stored data, and how it writes: all rows in one transaction,
/// superseding in replace mode the rows it replaces.
extension ActivityStore {
    /// A stored record's identity for duplicate checks: unit, period, item and category.
    public struct RecordKey: Hashable, Sendable {
        public let unitID: Int64
        public let year: Int
        public let month: Int?
        public let item: String
        public let category: String

        public init(unitID: Int64, year: Int, month: Int?, item: String, category: String) {
            self.unitID = unitID
            self.year = year
            self.month = month
            self.item = item
            self.category = category
        }
    }

    /// Stored quantities of some units: each record's key and id, and per unit and item the monthly quantities.
    public struct StoredHistory: Sendable {
        public var ids: [RecordKey: Int64] = [:]
        public var monthly: [String: [Double]] = [:]

        public static func key(unitID: Int64, item: String) -> String { "\(unitID)\u{1}\(item)" }
    }

    /// The stored records of the given units.
    public func history(unitIDs: Set<Int64>) async throws -> StoredHistory {
        var history = StoredHistory()
        struct Row: Decodable {
            let id: Int64
            let unitId: Int64
            let year: Int
            let month: Int?
            let item: String
            let category: String
            let quantity: Double
        }
        for batch in Array(unitIDs).chunked(by: 5_000) where !batch.isEmpty {
            let rows = try await database.sql.select()
                .columns("id", "unit_id", "year", "month", "item", "category", "quantity").from("activity_records")
                .where("unit_id", .in, SQLBind.group(Array(batch)))
                .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
            for row in rows {
                history.ids[
                    RecordKey(
                        unitID: row.unitId, year: row.year, month: row.month, item: row.item, category: row.category)
                ] = row.id
                if row.month != nil {
                    history.monthly[StoredHistory.key(unitID: row.unitId, item: row.item), default: []].append(
                        row.quantity)
                }
            }
        }
        return history
    }

    /// The batch an identical file was imported in, if any.
    public func batch(contentHash: String) async throws -> StoredRecordBatch? {
        try await database.sql.select().column("id").columns(RecordBatch.columns).from("record_batches")
            .where("content_hash", .equal, SQLBind(contentHash)).orderBy("id").limit(1)
            .first(decoding: StoredRecordBatch.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// Writes a validated batch and deletes the records it supersedes, in one transaction.
    public func write(_ batch: ValidatedBatch, provenance: RecordBatch, superseding: [Int64]) async throws -> [Int64] {
        guard !superseding.isEmpty else { return try await write(batch, provenance: provenance) }
        if database.rawSQLitePath != nil {
            let rows = batch.rows
            let header = provenance.row(count: rows.count)
            return try await database.withRawSQLite { raw in
                try Self.bulkInsert(rows, header: header, into: raw) {
                    for chunk in superseding.chunked(by: 10_000) {
                        // Integers only, so the list is safe to inline.
                        try raw.exec(
                            "DELETE FROM activity_records WHERE id IN (\(chunk.map(String.init).joined(separator: ",")))"
                        )
                    }
                }
            }
        }
        let dialect = database.dialect
        return try await database.transaction { db in
            for chunk in superseding.chunked(by: 10_000) {
                try await db.delete(from: "activity_records").where("id", .in, SQLBind.group(Array(chunk))).run()
            }
            return try await Self.insert(batch.rows, provenance: provenance, dialect: dialect, in: db)
        }
    }
}

extension ActivityStore {
    /// Records already validated (by an import) made ready to write: each with its unit's ids.
    public func batch(of records: [ActivityRecord]) async throws -> ValidatedBatch {
        let units = try await UnitLookup.byCode(Array(Set(records.map(\.unitCode))), in: database.sql)
        return ValidatedBatch(
            rows: try records.map { record in
                guard let unit = units[record.unitCode] else {
                    throw StoreError.invalid([
                        InputIssue(row: record.sourceRow, column: "unit", problem: .unknownUnitCode(record.unitCode))
                    ])
                }
                return BulkRow(record: record, unitID: unit.id, rootID: unit.rootID, path: unit.path, source: nil)
            })
    }
}

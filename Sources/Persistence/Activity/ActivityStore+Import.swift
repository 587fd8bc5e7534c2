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

        static let itemIndex = Dictionary(
            ItemCatalog.bundled.items.enumerated().map { ($0.element.code, Int64($0.offset)) },
            uniquingKeysWith: { first, _ in first })
        static let categoryIndex = Dictionary(
            ActivityCategory.allCases.enumerated().map { ($0.element.rawValue, Int64($0.offset)) },
            uniquingKeysWith: { first, _ in first })

        /// The key as one integer — unit (32 bits), year, month, item and category — when every part
        /// fits: a million keys then cost a few megabytes and hash in nanoseconds.
        var packed: Int64? {
            guard unitID >= 0, unitID < 1 << 32, year >= 1000, year < 3048, let i = Self.itemIndex[item], i < 1024,
                let c = Self.categoryIndex[category], c < 64
            else { return nil }
            return unitID << 31 | Int64(year - 1000) << 20 | Int64(month ?? 0) << 16 | i << 6 | c
        }
    }

    /// A map keyed by record keys, stored as packed integers where they fit.
    public struct RecordKeyMap<Value: Sendable>: Sendable {
        private var packed: [Int64: Value] = [:]
        private var other: [RecordKey: Value] = [:]

        public init() {}

        public subscript(key: RecordKey) -> Value? {
            get { key.packed.map { packed[$0] } ?? other[key] }
            set {
                if let p = key.packed { packed[p] = newValue } else { other[key] = newValue }
            }
        }
    }

    /// Stored quantities of some units: each record's key and id, and per unit and item the monthly
    /// quantities in the base unit of their dimension, so months entered in t and in kg compare.
    public struct StoredHistory: Sendable {
        public var ids = RecordKeyMap<Int64>()
        public var monthly: [Int64: [Double]] = [:]
        /// Base units in one of each unit of measure as stored (`10^4Nm3` → 10 000 Nm³).
        private var baseScale: [String: Double?] = [:]

        /// The key of a unit's item in `monthly`.
        public static func key(unitID: Int64, item: String) -> Int64 {
            key(unitID: unitID, itemKey: itemKey(item))
        }

        /// The item's part of a key, worked out once for many rows of the item.
        public static func itemKey(_ item: String) -> Int64 { RecordKey.itemIndex[item] ?? 2047 }

        public static func key(unitID: Int64, itemKey: Int64) -> Int64 { unitID << 11 | itemKey }

        /// Adds one stored record.
        mutating func add(
            id: Int64, unitID: Int64, year: Int, month: Int?, item: String, category: String, quantity: Double,
            uom: String
        ) {
            ids[RecordKey(unitID: unitID, year: year, month: month, item: item, category: category)] = id
            guard month != nil else { return }
            let scale =
                baseScale[uom]
                ?? {
                    let scale = UnitOfMeasure(parsing: uom).map { PhysicalQuantity(1, $0).baseValue }
                    baseScale[uom] = .some(scale)
                    return scale
                }()
            guard let scale else { return }  // not a unit PeakZero reads: the record cannot be compared
            monthly[Self.key(unitID: unitID, item: item), default: []].append(quantity * scale)
        }
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
            let uom: String

            /// The columns' names as they are: no key converted on every row.
            enum CodingKeys: String, CodingKey {
                case id, year, month, item, category, quantity, uom
                case unitId = "unit_id"
            }
        }
        for batch in Array(unitIDs).chunked(by: 5_000) where !batch.isEmpty {
            // With the units' roots, so the database finds the spans by their key.
            let roots = try await database.sql.select().column(SQLDistinct(SQLColumn("root_id"))).from("units")
                .where("id", .in, SQLBind.group(Array(batch))).all().map {
                    try $0.decode(column: "root_id", as: Int64.self)
                }
            let rows = try await database.sql.select()
                .column(SQLRaw("a.id, a.unit_id, a.year, a.month, a.item, a.category, a.quantity, a.uom"))
                .from(SQLRaw(ActivitySpans.recordsOfSpans))
                .where(SQLColumn("root_id", table: "s"), .in, SQLBind.group(roots))
                .where(SQLColumn("unit_id", table: "s"), .in, SQLBind.group(Array(batch)))
                .all(decoding: Row.self)
            for row in rows {
                history.add(
                    id: row.id, unitID: row.unitId, year: row.year, month: row.month, item: row.item,
                    category: row.category, quantity: row.quantity, uom: row.uom)
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
        if case .sqliteBulk = database.engine {
            let rows = batch.rows
            return try await database.withRawSQLite { raw in
                try Self.bulkInsert(rows, provenance: provenance, superseding: superseding, into: raw)
            }
        }
        let dialect = database.dialect
        return try await database.transaction { db in
            for chunk in superseding.chunked(by: 10_000) {
                try await db.delete(from: "activity_records").where("id", .in, SQLBind.group(Array(chunk))).run()
            }
            try await ActivitySpans.tidyAfterDeleting(units: Set(batch.rows.map(\.unitID)), in: db)
            return try await Self.insert(
                batch.rows, provenance: provenance, superseded: superseding.count, dialect: dialect, in: db)
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

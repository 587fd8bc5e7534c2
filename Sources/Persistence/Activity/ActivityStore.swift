import Accounting
import Foundation
import SQLKit

/// Activity data in the database: validated like a template row, written in batches, all or nothing.
public struct ActivityStore: Sendable {
    let database: PeakZeroDatabase
    let template = ActivityTemplate()

    public init(_ database: PeakZeroDatabase) { self.database = database }

    /// Validates every record (same rules as `peakzero calc`), then writes them all in one transaction.
    /// Inventories that covered the records' units and years become stale.
    @discardableResult
    public func insert(
        _ records: [NewActivityRecord], language: Language = .en, provenance: RecordBatch = RecordBatch(kind: "api")
    ) async throws -> [Int64] {
        let batch = try await validate(records, language: language)
        try await refuseRepeats(batch)
        return try await write(batch, provenance: provenance)
    }

    /// Refuses a batch that holds one record twice, or a record already stored for the same unit,
    /// period, item and category — as an import in append mode refuses them — naming each position
    /// (and the stored record). A 50 MB batch once stored 540,503 copies of one record.
    func refuseRepeats(_ batch: ValidatedBatch) async throws {
        let history = try await history(unitIDs: Set(batch.rows.map(\.unitID)))
        var first = RecordKeyMap<Int>()
        var issues: [InputIssue] = []
        for (index, row) in batch.rows.enumerated() {
            let record = row.record
            let key = RecordKey(
                unitID: row.unitID, year: record.period.year, month: record.period.month, item: record.item.code,
                category: record.category.rawValue)
            if let earlier = first[key] {
                issues.append(InputIssue(row: index + 1, column: "unit", problem: .duplicateRow(firstRow: earlier)))
            } else {
                first[key] = index + 1
            }
            if let stored = history.ids[key] {
                issues.append(InputIssue(row: index + 1, column: "period", problem: .alreadyStored(recordID: stored)))
            }
        }
        if !issues.isEmpty { throw StoreError.invalid(issues) }
    }

    /// Records that passed validation, with their units, ready to write.
    public struct ValidatedBatch: Sendable {
        let rows: [BulkRow]
        public var count: Int { rows.count }
    }

    /// The longest note of where a record comes from (a meter, a document), in characters.
    static let longestSource = 500

    /// Checks every record; throws every problem (by position and field) when any is bad.
    public func validate(_ records: [NewActivityRecord], language: Language = .en) async throws -> ValidatedBatch {
        let codes = Array(Set(records.map(\.unitCode)))
        let units = try await UnitLookup.byCode(codes, in: database.sql)
        var issues: [InputIssue] = []
        var rows: [BulkRow] = []
        rows.reserveCapacity(records.count)
        for (index, new) in records.enumerated() {
            guard let unit = units[new.unitCode] else {
                issues.append(InputIssue(row: index + 1, column: "unit", problem: .unknownUnitCode(new.unitCode)))
                continue
            }
            if let source = new.source, source.utf8.count > Self.longestSource, source.count > Self.longestSource {
                issues.append(InputIssue(row: index + 1, column: "source", problem: .tooLong(limit: Self.longestSource)))
                continue
            }
            let fields = FieldValues(new.fields(region: unit.regionCode), position: index + 1)
            switch template.validate(fields, language: language) {
            case .success(let record):
                rows.append(
                    BulkRow(record: record, unitID: unit.id, rootID: unit.rootID, path: unit.path, source: new.source))
            case .failure(let failure): issues += failure.issues
            }
        }
        if !issues.isEmpty { throw StoreError.invalid(issues) }
        return ValidatedBatch(rows: rows)
    }

    /// Writes a validated batch in one transaction, with its provenance; returns the new records' ids.
    public func write(_ batch: ValidatedBatch, provenance: RecordBatch = RecordBatch(kind: "api")) async throws
        -> [Int64]
    {
        let rows = batch.rows
        if case .sqliteBulk = database.engine {
            return try await database.withRawSQLite { raw in
                try Self.bulkInsert(rows, provenance: provenance, into: raw)
            }
        }
        let dialect = database.dialect
        return try await database.transaction { db in
            try await Self.insert(rows, provenance: provenance, dialect: dialect, in: db)
        }
    }

    /// Inserts the rows and their batch through SQLKit, inside the caller's transaction.
    /// - Parameter superseded: how many stored records the batch replaces (deleted by the caller), for the audit trail.
    /// - Parameter audited: false when the caller writes its own audit entry (an edit).
    static func insert(
        _ rows: [BulkRow], provenance: RecordBatch, superseded: Int = 0, audited: Bool = true, dialect: Dialect,
        in db: any SQLDatabase
    ) async throws -> [Int64] {
        try await PeriodLocks.check(units: Set(rows.map(\.unitID)), keys: { lockKeys(rows) }, in: db)
        let batchID = try await provenance.insert(count: rows.count, in: db)
        var ids: [Int64] = []
        if dialect == .postgres {
            ids = try await copy(rows, batchID: batchID, into: db)
        } else {
            for chunk in rows.chunked(by: dialect.maxBinds / Self.columns.count) {
                var insert = db.insert(into: "activity_records").columns(Self.columns)
                for row in chunk { insert = insert.values(Self.values(row, batchID: batchID).map(\.bind)) }
                ids += try await insert.returning("id").all().map { try $0.decode(column: "id", as: Int64.self) }
            }
        }
        try await ActivitySpans.write(spans(of: rows, ids: ids), dialect: dialect, in: db)
        try await InventoryStaleness.mark(
            units: rows.map(\.unitID), years: Set(rows.map(\.record.period.year)), in: db)
        if audited {
            let changes = auditChanges(
                rows, ids: ids, batchID: batchID, provenance: provenance, superseded: superseded,
                unitPaths: Set(rows.map(\.path)))
            try await AuditLog.append(changes, in: db)
        }
        return ids
    }

    /// A record's row, in the order of `columns`.
    static func values(_ row: BulkRow, batchID: Int64) -> [BulkValue] {
        let r = row.record
        return [
            .int(row.rootID), .int(row.unitID), .int(Int64(r.period.year)), BulkValue(r.period.month),
            .text(r.item.code), .text(r.category.rawValue), .double(r.quantity.value), .text(r.quantity.unitSymbol),
            BulkValue(r.measured.netCalorificValue?.value), BulkValue(r.measured.carbonContent?.value),
            BulkValue(r.measured.oxidationRate?.value), BulkValue(row.source), .int(batchID),
        ]
    }

    static let columns = [
        "root_id", "unit_id", "year", "month", "item", "category", "quantity", "uom", "ncv", "carbon_content",
        "oxidation_rate", "source", "batch_id",
    ]

    struct BulkRow: Sendable {
        let record: ActivityRecord
        let unitID: Int64
        let rootID: Int64
        let path: String
        let source: String?
    }

    /// SQLite at bulk speed: multi-row prepared statements bound value by value, one transaction,
    /// staleness marked inside it. The write lock is held throughout, so the new rows' ids are
    /// consecutive. The units were resolved when the batch was validated; one query checks they all
    /// still exist, so SQLite need not look each row's unit up again (that check alone would double
    /// the load's time).
    static func bulkInsert(
        _ rows: [BulkRow], provenance: RecordBatch, superseding: [Int64] = [], into raw: SQLiteRaw
    ) throws -> [Int64] {
        let header = provenance.row(count: rows.count)
        var pathByUnit: [Int64: String] = [:]
        var years = Set<Int>()
        // Fields read in place (`rows[i].…`): a row copied whole would retain its every string.
        // Rows come unit by unit: each unit and year is looked up when it changes, not for every row.
        var last: (unit: Int64, year: Int) = (-1, -1)
        for i in rows.indices where rows[i].unitID != last.unit || rows[i].record.period.year != last.year {
            last = (rows[i].unitID, rows[i].record.period.year)
            if pathByUnit[last.unit] == nil { pathByUnit[last.unit] = rows[i].path }
            years.insert(last.year)
        }
        let plain = rows.indices.allSatisfy { PlainActivityRows.isPlain(rows[$0]) }
        return try raw.withoutForeignKeyChecks {
            try raw.transaction {
                try UnitLookup.requireExisting(Set(pathByUnit.keys), in: raw)
                try PeriodLocks.check(units: pathByUnit.keys, keys: { lockKeys(rows) }, in: raw)
                for chunk in superseding.chunked(by: 10_000) {
                    // Integers only, so the list is safe to inline.
                    try raw.exec(
                        "DELETE FROM activity_records WHERE id IN (\(chunk.map(String.init).joined(separator: ",")))")
                }
                if !superseding.isEmpty { try ActivitySpans.tidyAfterDeleting(units: pathByUnit.keys, in: raw) }
                try BulkInsert.run(table: "record_batches", columns: RecordBatch.columns, rows: [header], in: raw)
                let batchID = raw.lastInsertedID
                if plain {
                    try PlainActivityRows.write(rows, batchID: batchID, in: raw)
                } else {
                    try BulkInsert.run(table: "activity_records", columns: columns, count: rows.count, in: raw) {
                        statement, index, p in
                        bind(rows[index], batchID: batchID, to: statement, from: p)
                    }
                }
                try InventoryStaleness.mark(paths: pathByUnit.values, years: years, in: raw)
                let last = raw.lastInsertedIDOf(table: "activity_records")
                let ids = (0..<Int64(rows.count)).map { last - Int64(rows.count) + 1 + $0 }
                try ActivitySpans.write(spans(of: rows, ids: ids), in: raw)
                try AuditLog.append(
                    auditChanges(
                        rows, ids: ids, batchID: batchID, provenance: provenance, superseded: superseding.count,
                        unitPaths: pathByUnit.values), in: raw)
                return ids
            }
        }
    }

    /// The spans of rows written with these ids, in order.
    static func spans(of rows: [BulkRow], ids: [Int64]) -> [ActivitySpans.Span] {
        var builder = ActivitySpans.Builder()
        for i in rows.indices {
            builder.add(
                id: ids[i], rootID: rows[i].rootID, unitID: rows[i].unitID, year: Int64(rows[i].record.period.year))
        }
        return builder.spans
    }

    /// Binds a row's values, in the order of `columns`, from parameter `p` on.
    static func bind(_ row: BulkRow, batchID: Int64, to statement: SQLiteRaw.Statement, from p: Int32) {
        let r = row.record
        statement.bind(p, row.rootID)
        statement.bind(p + 1, row.unitID)
        statement.bind(p + 2, r.period.year)
        statement.bind(p + 3, r.period.month)
        statement.bind(p + 4, r.item.code)
        statement.bind(p + 5, r.category.rawValue)
        statement.bind(p + 6, r.quantity.value)
        statement.bind(p + 7, r.quantity.unitSymbol)
        statement.bind(p + 8, r.measured.netCalorificValue?.value)
        statement.bind(p + 9, r.measured.carbonContent?.value)
        statement.bind(p + 10, r.measured.oxidationRate?.value)
        statement.bind(p + 11, row.source)
        statement.bind(p + 12, batchID)
    }

    /// Records of a unit's subtree, optionally of one year, in unit and period order.
    public func list(under unitID: Int64, year: Int? = nil) async throws -> [StoredActivityRecord] {
        try await list(under: unitID, year: year, offset: 0, limit: nil).records
    }

    /// A window of the records of a unit's subtree (of a year), in the same order, and how many
    /// there are in all: `limit` records from the `offset`-th (all of them when `limit` is nil).
    public func list(under unitID: Int64, year: Int?, offset: Int, limit: Int?) async throws -> (
        records: [StoredActivityRecord], total: Int
    ) {
        let anchor = try await UnitLookup.anchor(unitID, in: database.sql)
        func scoped(_ query: SQLSelectBuilder) -> SQLSelectBuilder {
            var query = query.from(SQLRaw(ActivitySpans.recordsOfSpans))
                .join(SQLAlias(SQLIdentifier("units"), as: SQLIdentifier("u")), on: SQLRaw("u.id = s.unit_id"))
                .where(SQLColumn("root_id", table: "s"), .equal, SQLBind(anchor.rootID))
                .where(SQLColumn("root_id", table: "u"), .equal, SQLBind(anchor.rootID))
                .where(SQLColumn("path", table: "u"), .like, SQLBind(anchor.path + "%"))
            if let year { query = query.where(SQLColumn("year", table: "s"), .equal, SQLBind(year)) }
            return query
        }
        var query = scoped(
            database.sql.select().column(
                SQLRaw(
                    "a.id, a.unit_id, a.year, a.month, a.item, a.category, a.quantity, a.uom, a.ncv, a.carbon_content, a.oxidation_rate, a.source, a.batch_id"
                )))
            .orderBy(SQLColumn("unit_id", table: "a")).orderBy(SQLColumn("year", table: "a"))
            .orderBy(SQLColumn("month", table: "a")).orderBy(SQLColumn("id", table: "a"))
        guard let limit else {
            let records = try await query.all(decoding: StoredActivityRecord.self)
            return (records, records.count)
        }
        query = query.limit(limit).offset(offset)
        let records = try await query.all(decoding: StoredActivityRecord.self)
        let total = try await scoped(database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n"))
            .first()?.decode(column: "n", as: Int.self) ?? 0
        return (records, total)
    }

    /// One record, or nil when it has been deleted or replaced since.
    public func record(id: Int64) async throws -> StoredActivityRecord? {
        try await database.sql.select()
            .columns(
                "id", "unit_id", "year", "month", "item", "category", "quantity", "uom", "ncv", "carbon_content",
                "oxidation_rate", "source", "batch_id"
            )
            .from("activity_records").where("id", .equal, SQLBind(id))
            .first(decoding: StoredActivityRecord.self)
    }

    /// One batch's provenance.
    public func batch(id: Int64) async throws -> StoredRecordBatch? {
        try await database.sql.select().column("id").columns(RecordBatch.columns).from("record_batches")
            .where("id", .equal, SQLBind(id))
            .first(decoding: StoredRecordBatch.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// The batches records were written in, newest first.
    public func batches() async throws -> [StoredRecordBatch] {
        try await database.sql.select().column("id").columns(RecordBatch.columns).from("record_batches")
            .orderBy("id", .descending)
            .all(decoding: StoredRecordBatch.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

}

extension NewActivityRecord {
    /// The template's fields, with the region taken from the unit.
    func fields(region: String) -> [String: String] {
        var fields = [
            "unit": unitCode, "region": region, "period": period, "item": item, "quantity": Self.text(quantity),
            "uom": uom,
        ]
        if let category { fields["category"] = category }
        if let ncv { fields["ncv"] = Self.text(ncv) }
        if let carbonContent { fields["carbon_content"] = Self.text(carbonContent) }
        if let oxidationRate { fields["oxidation_rate"] = Self.text(oxidationRate) }
        return fields
    }

    /// A number as the checks quote it back: `-5`, not `-5.0`, for a whole number.
    static func text(_ value: Double) -> String {
        guard value.isFinite else { return "NaN" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements.
    func chunked(by size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: Swift.max(1, size)).map { self[$0..<Swift.min($0 + Swift.max(1, size), count)] }
    }
}

import Accounting
import SQLKit

/// Output value, value added and revenue of a unit and period, in 万元 at current prices, with the
/// price index (base year = 100) that brings them to constant prices.
public struct NewEconomicRecord: Sendable, Codable, Equatable {
    public var unitCode: String
    public var period: String
    public var outputValue: Double?
    public var valueAdded: Double?
    public var revenue: Double?
    /// Prices of this period relative to the base year's (base = 100). Default 100.
    public var priceIndex: Double?
    /// The year whose prices "constant prices" means. Default: the record's year.
    public var baseYear: Int?

    public init(
        unitCode: String, period: String, outputValue: Double? = nil, valueAdded: Double? = nil, revenue: Double? = nil,
        priceIndex: Double? = nil, baseYear: Int? = nil
    ) {
        self.unitCode = unitCode
        self.period = period
        self.outputValue = outputValue
        self.valueAdded = valueAdded
        self.revenue = revenue
        self.priceIndex = priceIndex
        self.baseYear = baseYear
    }
}

public struct StoredEconomicRecord: Sendable, Codable, Equatable {
    public let id: Int64
    public let unitId: Int64
    public let year: Int
    public let month: Int?
    public let outputValue: Double?
    public let valueAdded: Double?
    public let revenue: Double?
    public let priceIndex: Double
    public let baseYear: Int
}

/// An economic record that passed the checks, with its unit.
public struct CheckedEconomicRecord: Sendable {
    /// Its 1-based place among the records checked.
    public let position: Int
    public let record: NewEconomicRecord
    public let period: Period
    public let unitID: Int64
    let rootID: Int64
}

/// A unit and period: economic data has at most one record for each.
public struct EconomicKey: Hashable, Sendable {
    public let unitID: Int64
    public let year: Int
    public let month: Int?

    public init(unitID: Int64, year: Int, month: Int?) {
        self.unitID = unitID
        self.year = year
        self.month = month
    }
}

public struct EconomicStore: Sendable {
    let database: PeakZeroDatabase

    public init(_ database: PeakZeroDatabase) { self.database = database }

    /// Checks records and inserts them in one transaction; nothing is written when any is invalid.
    @discardableResult
    public func insert(_ records: [NewEconomicRecord]) async throws -> [Int64] {
        let checked = try await check(records)
        if !checked.issues.isEmpty { throw StoreError.invalid(checked.issues) }
        try await refuseRepeats(checked.valid)
        return try await write(checked.valid)
    }

    /// Refuses a unit and period given twice in a batch, or already stored — as an import in append
    /// mode refuses them — naming each position (and the stored record).
    func refuseRepeats(_ records: [CheckedEconomicRecord]) async throws {
        let stored = try await storedIDs(unitIDs: Set(records.map(\.unitID)))
        var first: [EconomicKey: Int] = [:]
        var issues: [InputIssue] = []
        for record in records {
            let key = EconomicKey(unitID: record.unitID, year: record.period.year, month: record.period.month)
            if let earlier = first[key] {
                issues.append(
                    InputIssue(row: record.position, column: "period", problem: .duplicateUnitPeriod(firstRow: earlier)))
            } else {
                first[key] = record.position
            }
            if let id = stored[key] {
                issues.append(
                    InputIssue(row: record.position, column: "period", problem: .economicAlreadyStored(recordID: id)))
            }
        }
        if !issues.isEmpty { throw StoreError.invalid(issues) }
    }

    /// Each record's problems (located by its 1-based position and field) and the valid records
    /// matched to their units.
    public func check(_ records: [NewEconomicRecord]) async throws -> (
        valid: [CheckedEconomicRecord], issues: [InputIssue]
    ) {
        let units = try await UnitLookup.byCode(Array(Set(records.map(\.unitCode))), in: database.sql)
        var issues: [InputIssue] = []
        var valid: [CheckedEconomicRecord] = []
        for (index, record) in records.enumerated() {
            let position = index + 1
            let before = issues.count
            let unit = units[record.unitCode]
            if unit == nil {
                issues.append(InputIssue(row: position, column: "unit", problem: .unknownUnitCode(record.unitCode)))
            }
            let period = Period(parsing: record.period)
            if period == nil {
                issues.append(InputIssue(row: position, column: "period", problem: .badPeriod(record.period)))
            }
            for (field, value) in [
                ("output_value", record.outputValue), ("value_added", record.valueAdded), ("revenue", record.revenue),
            ] {
                if let value, !(value >= 0) {
                    issues.append(InputIssue(row: position, column: field, problem: .negativeQuantity(String(value))))
                } else if let value, !Plausible.isAmount(value) {
                    issues.append(InputIssue(row: position, column: field, problem: .beyondPlausible(String(value))))
                }
            }
            if record.outputValue == nil && record.valueAdded == nil && record.revenue == nil {
                issues.append(InputIssue(row: position, column: "output_value", problem: .missingValue))
            }
            if let index = record.priceIndex, !(index > 0) {
                issues.append(InputIssue(row: position, column: "price_index", problem: .notPositive(String(index))))
            } else if let index = record.priceIndex, !Plausible.isAmount(index) {
                issues.append(InputIssue(row: position, column: "price_index", problem: .beyondPlausible(String(index))))
            }
            if let base = record.baseYear, Period(year: base) == nil {
                issues.append(InputIssue(row: position, column: "base_year", problem: .badYear(String(base))))
            }
            if issues.count == before, let period, let unit {
                valid.append(
                    CheckedEconomicRecord(
                        position: position, record: record, period: period, unitID: unit.id, rootID: unit.rootID))
            }
        }
        return (valid, issues)
    }

    /// The stored records of these units, by unit and period.
    public func storedIDs(unitIDs: Set<Int64>) async throws -> [EconomicKey: Int64] {
        var stored: [EconomicKey: Int64] = [:]
        for chunk in Array(unitIDs).chunked(by: 10_000) {
            let rows = try await database.sql.select().columns("id", "unit_id", "year", "month").from(
                "economic_records"
            )
            .where("unit_id", .in, SQLBind.group(Array(chunk))).all()
            for row in rows {
                let key = EconomicKey(
                    unitID: try row.decode(column: "unit_id", as: Int64.self),
                    year: try row.decode(column: "year", as: Int.self),
                    month: try row.decode(column: "month", as: Int?.self))
                stored[key] = try row.decode(column: "id", as: Int64.self)
            }
        }
        return stored
    }

    /// Writes checked records in one transaction — with their batch when they come from a file, after
    /// deleting the stored records they supersede — and marks the affected inventories stale.
    @discardableResult
    public func write(
        _ records: [CheckedEconomicRecord], provenance: RecordBatch? = nil, superseding: [Int64] = []
    ) async throws -> [Int64] {
        let dialect = database.dialect
        return try await database.transaction { db in
            let batchID = try await provenance?.insert(count: records.count, in: db)
            for chunk in superseding.chunked(by: 10_000) {
                try await db.delete(from: "economic_records").where("id", .in, SQLBind.group(Array(chunk))).run()
            }
            let ids = try await Self.insert(records, batchID: batchID, in: db, dialect: dialect)
            try await AuditLog.append(
                try await Self.auditChanges(
                    ids: ids, records: records, provenance: provenance, batchID: batchID,
                    superseded: superseding.count, in: db), in: db)
            return ids
        }
    }

    /// Inserts checked records inside the caller's transaction and marks the affected inventories stale.
    static func insert(
        _ records: [CheckedEconomicRecord], batchID: Int64?, in db: any SQLDatabase, dialect: Dialect
    ) async throws -> [Int64] {
        let columns = [
            "root_id", "unit_id", "year", "month", "output_value", "value_added", "revenue", "price_index",
            "base_year", "created_at", "batch_id",
        ]
        try await PeriodLocks.check(
            units: Set(records.map(\.unitID)),
            keys: { Set(records.map { .init(unitID: $0.unitID, year: $0.period.year, month: $0.period.month) }) },
            in: db)
        let now = Timestamp.now()
        var ids: [Int64] = []
        for chunk in records.chunked(by: dialect.maxBinds / columns.count) {
            var insert = db.insert(into: "economic_records").columns(columns)
            for checked in chunk {
                let record = checked.record
                insert = insert.values(
                    SQLBind(checked.rootID), SQLBind(checked.unitID), SQLBind(checked.period.year),
                    SQLBind(checked.period.month), SQLBind(record.outputValue), SQLBind(record.valueAdded),
                    SQLBind(record.revenue), SQLBind(record.priceIndex ?? 100),
                    SQLBind(record.baseYear ?? checked.period.year), SQLBind(now), SQLBind(batchID))
            }
            ids += try await insert.returning("id").all().map { try $0.decode(column: "id", as: Int64.self) }
        }
        try await InventoryStaleness.mark(units: records.map(\.unitID), years: Set(records.map(\.period.year)), in: db)
        return ids
    }

    public func list(under unitID: Int64, year: Int? = nil) async throws -> [StoredEconomicRecord] {
        let anchor = try await UnitLookup.anchor(unitID, in: database.sql)
        var query = database.sql.select()
            .column(
                SQLRaw(
                    "e.id, e.unit_id, e.year, e.month, e.output_value, e.value_added, e.revenue, e.price_index, e.base_year"
                )
            )
            .from(SQLAlias(SQLIdentifier("economic_records"), as: SQLIdentifier("e")))
            .join(SQLAlias(SQLIdentifier("units"), as: SQLIdentifier("u")), on: SQLRaw("u.id = e.unit_id"))
            .where(SQLColumn("root_id", table: "e"), .equal, SQLBind(anchor.rootID))
            .where(SQLColumn("path", table: "u"), .like, SQLBind(anchor.path + "%"))
        if let year { query = query.where(SQLColumn("year", table: "e"), .equal, SQLBind(year)) }
        return try await query.orderBy(SQLColumn("unit_id", table: "e")).orderBy(SQLColumn("year", table: "e"))
            .orderBy(SQLColumn("month", table: "e"))
            .all(decoding: StoredEconomicRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

}

extension EconomicStore {
    /// One entry per record entered by hand or through the API (as stored); one for a file's batch.
    static func auditChanges(
        ids: [Int64], records: [CheckedEconomicRecord], provenance: RecordBatch?, batchID: Int64?, superseded: Int,
        in db: any SQLDatabase
    ) async throws -> [AuditChange] {
        if let provenance, let batchID {
            return [
                AuditLog.batchChange(
                    .economicImported, batchID: batchID, provenance: provenance, rows: records.count,
                    superseded: superseded,
                    unitPaths: try await UnitLookup.paths(of: Set(records.map(\.unitID)), in: db),
                    periods: records.map { ($0.period.year, $0.period.month) })
            ]
        }
        var changes: [AuditChange] = []
        for id in ids {
            let after = try await AuditState.row(of: "economic_records", id: id, in: db)
            changes.append(
                RecordEdits.change(.economicAdded, subjectKind: "economic_record", id: id, before: nil, after: after))
        }
        return changes
    }
}

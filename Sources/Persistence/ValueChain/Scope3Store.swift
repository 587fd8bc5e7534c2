import Accounting
import Foundation
import SQLKit

/// A Scope 3 row as stored: the unit it belongs to, the year, the row as given and as calculated.
public struct StoredScope3Record: Sendable, Equatable {
    public let id: Int64
    public let unitId: Int64
    public let unitCode: String
    public let year: Int
    public let activity: Scope3Activity
    public let line: Scope3Line
}

/// A Scope 3 row ready to store.
public struct NewScope3Record: Sendable {
    public let unitID: Int64
    public let year: Int
    public let activity: Scope3Activity
    public let line: Scope3Line

    public init(unitID: Int64, year: Int, activity: Scope3Activity, line: Scope3Line) {
        self.unitID = unitID
        self.year = year
        self.activity = activity
        self.line = line
    }
}

/// The Scope 3 rows: written a file's batch at a time (a replacing import supersedes the stored
/// rows of each unit and year it names), audited, and read for a unit's subtree and a year. They
/// are never read by the inventories, roll-ups or indicators.
public struct Scope3Store: Sendable {
    let database: PeakZeroDatabase

    public init(_ database: PeakZeroDatabase) { self.database = database }

    static let columns = [
        "unit_id", "root_id", "year", "category", "method", "tier", "tonnes", "excluded_reason", "activity", "line",
        "batch_id", "created_at",
    ]

    /// The ids of the stored rows of these units and years.
    public func storedIDs(unitYears: Set<UnitYear>) async throws -> [Int64] {
        var ids: [Int64] = []
        for (unitID, years) in Dictionary(grouping: unitYears, by: \.unitID) {
            ids += try await database.sql.select().column("id").from("scope3_records")
                .where("unit_id", .equal, SQLBind(unitID))
                .where("year", .in, SQLBind.group(years.map(\.year)))
                .all().map { try $0.decode(column: "id", as: Int64.self) }
        }
        return ids
    }

    /// Writes a file's rows in one transaction, after deleting the stored rows they supersede, with
    /// one audit entry for the batch.
    public func write(_ records: [NewScope3Record], provenance: RecordBatch, superseding: [Int64]) async throws {
        let dialect = database.dialect
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try await database.transaction { db in
            let batchID = try await provenance.insert(count: records.count, in: db)
            for chunk in superseding.chunked(by: 10_000) {
                try await db.delete(from: "scope3_records").where("id", .in, SQLBind.group(Array(chunk))).run()
            }
            var units: [Int64: UnitLookup.Entry] = [:]
            for id in Set(records.map(\.unitID)) { units[id] = try await UnitLookup.anchor(id, in: db) }
            let now = Timestamp.now()
            for chunk in records.chunked(by: dialect.maxBinds / Self.columns.count) {
                var insert = db.insert(into: "scope3_records").columns(Self.columns)
                for record in chunk {
                    guard let unit = units[record.unitID] else {
                        throw StoreError.notFound(kind: "unit", id: String(record.unitID))
                    }
                    insert = insert.values(
                        SQLBind(record.unitID), SQLBind(unit.rootID), SQLBind(record.year),
                        SQLBind(record.activity.category.rawValue), SQLBind(record.activity.method?.rawValue),
                        SQLBind(record.activity.tier?.rawValue), SQLBind(record.line.tonnes),
                        SQLBind(record.activity.excludedReason),
                        SQLBind(String(decoding: try encoder.encode(record.activity), as: UTF8.self)),
                        SQLBind(String(decoding: try encoder.encode(record.line), as: UTF8.self)), SQLBind(batchID),
                        SQLBind(now))
                }
                try await insert.run()
            }
            let change = AuditLog.batchChange(
                .scope3Imported, batchID: batchID, provenance: provenance, rows: records.count,
                superseded: superseding.count, unitPaths: records.compactMap { units[$0.unitID]?.path },
                periods: records.map { ($0.year, nil) })
            try await AuditLog.append([change], in: db)
        }
    }

    /// The rows of a unit's subtree for a year, by unit code, category and the order they were written.
    public func records(under unitID: Int64, year: Int) async throws -> [StoredScope3Record] {
        let anchor = try await UnitLookup.anchor(unitID, in: database.sql)
        let rows = try await database.sql.select()
            .column(SQLRaw("r.id, r.unit_id, u.code, r.year, r.activity, r.line"))
            .from(SQLAlias(SQLIdentifier("scope3_records"), as: SQLIdentifier("r")))
            .join(
                SQLAlias(SQLIdentifier("units"), as: SQLIdentifier("u")), method: SQLJoinMethod.inner,
                on: SQLRaw("u.id = r.unit_id")
            )
            .where(SQLColumn("root_id", table: "r"), .equal, SQLBind(anchor.rootID))
            .where(SQLColumn("path", table: "u"), .like, SQLBind(anchor.path + "%"))
            .where(SQLColumn("year", table: "r"), .equal, SQLBind(year))
            .orderBy(SQLColumn("code", table: "u")).orderBy(SQLColumn("category", table: "r"))
            .orderBy(SQLColumn("id", table: "r"))
            .all()
        let decoder = JSONDecoder()
        return try rows.map { row in
            StoredScope3Record(
                id: try row.decode(column: "id", as: Int64.self), unitId: try row.decode(column: "unit_id", as: Int64.self),
                unitCode: try row.decode(column: "code", as: String.self), year: try row.decode(column: "year", as: Int.self),
                activity: try decoder.decode(
                    Scope3Activity.self, from: Data(try row.decode(column: "activity", as: String.self).utf8)),
                line: try decoder.decode(Scope3Line.self, from: Data(try row.decode(column: "line", as: String.self).utf8)))
        }
    }

    /// The subtree's Scope 3 for a year, by category.
    public func summary(under unitID: Int64, year: Int) async throws -> Scope3Summary {
        Self.summary(of: try await records(under: unitID, year: year))
    }

    /// The summary of rows already read (so a caller that shows the rows reads them once).
    public static func summary(of records: [StoredScope3Record]) -> Scope3Summary {
        Scope3Summary(
            records.map {
                Scope3Summary.Row(
                    category: $0.activity.category, method: $0.activity.method, tier: $0.activity.tier,
                    tonnes: $0.line.tonnes, excludedReason: $0.activity.excludedReason)
            })
    }
}

/// A unit and a year: what a replacing Scope 3 import supersedes.
public struct UnitYear: Sendable, Hashable {
    public let unitID: Int64
    public let year: Int

    public init(unitID: Int64, year: Int) {
        self.unitID = unitID
        self.year = year
    }
}

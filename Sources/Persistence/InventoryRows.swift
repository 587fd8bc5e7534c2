import Accounting
import Foundation
import SQLKit

/// The rows an inventory is stored as — its header, its lines, their shared lineages and the factors
/// cited — built once and written by either writer (SQLKit, or a bulk SQLite connection).
struct InventoryRows: Sendable {
    let inventory: Inventory
    let anchor: UnitLookup.Entry
    let unitID: Int64
    let year: Int
    let options: CalculationOptions
    let setIDs: String
    let recordIDs: [Int64]
    let unitIDs: [Int64]
    /// Roll-up summaries by subject (`u:<unit id>`, `r:<region prefix>`), as JSON.
    let summaries: [(subject: String, json: String)]

    static let inventoryColumns = [
        "root_id", "unit_id", "year", "version", "gwp", "scope2", "fuel_parameters", "factor_library", "factor_set_ids",
        "stale", "record_count", "scope1_t", "scope2_location_t", "scope2_market_t", "tce_calorific", "tce_equivalent",
        "computed_at",
    ]
    static let lineColumns = [
        "inventory_id", "root_id", "record_id", "unit_id", "month", "item", "category", "scope", "gas",
        "co2e_location_t",
        "co2e_market_t", "tce_calorific", "tce_equivalent", "lineage_id",
    ]
    static let lineageColumns = ["inventory_id", "lineage_id", "lineage"]
    static let summaryColumns = ["inventory_id", "subject", "payload"]
    static let factorColumns = [
        "inventory_id", "factor_id", "factor_set", "kind", "item", "region", "variant", "year", "value", "unit",
        "grade",
        "source", "document", "published", "url",
    ]

    func header(version: Int) -> [BulkValue] {
        let i = inventory
        return [
            .int(anchor.rootID), .int(unitID), .int(Int64(year)), .int(Int64(version)), .text(options.gwp.rawValue),
            .text(options.scope2.rawValue), .text(options.fuelParameters.rawValue), .text(i.libraryVersion),
            .text(setIDs), .int(0), .int(Int64(i.lines.count)), .double(i.scope1.value(in: .tonneCO2e)),
            .double(i.scope2LocationBased.value(in: .tonneCO2e)), .double(i.scope2MarketBased.value(in: .tonneCO2e)),
            .double(i.energyCalorific.value(in: .tonneCoalEquivalent)),
            .double(i.energyEquivalent.value(in: .tonneCoalEquivalent)), .text(Timestamp.now()),
        ]
    }

    /// A line's lineage as a hashable value, so lines with the same factors share one stored JSON.
    struct LineageKey: Hashable {
        struct Use: Hashable {
            let kind: FactorKind
            let id: String?
            let set: String?
            let value: Double
            let unit: String
            let notes: [LineageNote]
        }
        let uses: [Use]
    }

    /// Each line's lineage id, and the distinct lineages as JSON.
    func lineages() throws -> (ids: [Int64], json: [String]) {
        var idByKey: [LineageKey: Int64] = [:]
        var json: [String] = []
        var ids: [Int64] = []
        ids.reserveCapacity(inventory.lines.count)
        let encoder = JSONEncoder()
        for line in inventory.lines {
            let key = LineageKey(
                uses: line.factors.map {
                    .init(
                        kind: $0.kind, id: $0.entry?.id, set: $0.entry?.setName, value: $0.value, unit: $0.unit,
                        notes: $0.notes)
                })
            if let id = idByKey[key] {
                ids.append(id)
                continue
            }
            let lineage = key.uses.map {
                LineFactor(kind: $0.kind, value: $0.value, unit: $0.unit, id: $0.id, factorSet: $0.set, notes: $0.notes)
            }
            let id = Int64(json.count + 1)
            idByKey[key] = id
            json.append(String(decoding: try encoder.encode(lineage), as: UTF8.self))
            ids.append(id)
        }
        return (ids, json)
    }

    func lineRow(_ index: Int, inventoryID: Int64, lineageID: Int64) -> [BulkValue] {
        let line = inventory.lines[index]
        return [
            .int(inventoryID), .int(anchor.rootID), .int(recordIDs[index]), .int(unitIDs[index]),
            BulkValue(line.record.period.month), .text(line.record.item.code), .text(line.record.category.rawValue),
            .text(line.scope.rawValue), .text(line.gas), .double(line.locationBased.value(in: .tonneCO2e)),
            .double(line.marketBased.value(in: .tonneCO2e)),
            .double(line.energyCalorific.value(in: .tonneCoalEquivalent)),
            .double(line.energyEquivalent.value(in: .tonneCoalEquivalent)), .int(lineageID),
        ]
    }

    func factorRows(inventoryID: Int64) -> [[BulkValue]] {
        var seen = Set<String>()
        var rows: [[BulkValue]] = []
        for line in inventory.lines {
            for use in line.factors {
                guard let e = use.entry, seen.insert(e.setName + "\u{1}" + e.id).inserted else { continue }
                rows.append([
                    .int(inventoryID), .text(e.id), .text(e.setName), .text(e.kind.rawValue), .text(e.item),
                    .text(e.region), .text(e.variant), BulkValue(e.year), .double(e.value.number), .text(e.unitText),
                    .text(e.grade.rawValue), .text(e.source), .text(e.document), .text(e.published), .text(e.url),
                ])
            }
        }
        return rows
    }

    /// Writes everything through SQLKit, inside the caller's transaction; returns the inventory id.
    func write(into db: any SQLDatabase, dialect: Dialect) async throws -> Int64 {
        let version =
            try await db.select().column(SQLFunction("MAX", args: SQLColumn("version")), as: "v").from("inventories")
            .where("unit_id", .equal, SQLBind(unitID)).where("year", .equal, SQLBind(year)).first()?
            .decode(column: "v", as: Int?.self) ?? 0
        let id = try await db.insert(into: "inventories").columns(Self.inventoryColumns)
            .values(header(version: version + 1).map(\.bind)).returning("id").first()!.decode(
                column: "id", as: Int64.self)
        let (lineageIDs, lineages) = try lineages()
        try await BulkInsert.run(
            table: "inventory_lineages", columns: Self.lineageColumns,
            rows: lineages.enumerated().map { [.int(id), .int(Int64($0.offset + 1)), .text($0.element)] },
            dialect: dialect, in: db)
        try await BulkInsert.run(
            table: "inventory_lines", columns: Self.lineColumns,
            rows: inventory.lines.indices.map { lineRow($0, inventoryID: id, lineageID: lineageIDs[$0]) },
            dialect: dialect,
            in: db)
        try await BulkInsert.run(
            table: "inventory_factors", columns: Self.factorColumns, rows: factorRows(inventoryID: id),
            dialect: dialect,
            in: db)
        try await BulkInsert.run(
            table: "inventory_summaries", columns: Self.summaryColumns,
            rows: summaries.map { [.int(id), .text($0.subject), .text($0.json)] }, dialect: dialect, in: db)
        return id
    }

    /// Writes everything on a bulk SQLite connection, inside its transaction; returns the inventory id.
    func write(into raw: SQLiteRaw) throws -> Int64 {
        let versionQuery = try raw.prepare(
            "SELECT COALESCE(MAX(version), 0) FROM inventories WHERE unit_id = ? AND year = ?")
        versionQuery.bind(1, unitID)
        versionQuery.bind(2, year)
        try versionQuery.step()
        let version = Int(versionQuery.int64(0))
        try BulkInsert.run(
            table: "inventories", columns: Self.inventoryColumns, rows: [header(version: version + 1)], in: raw)
        let id = raw.lastInsertedID
        let (lineageIDs, lineages) = try lineages()
        try BulkInsert.run(
            table: "inventory_lineages", columns: Self.lineageColumns,
            rows: lineages.enumerated().lazy.map { [.int(id), .int(Int64($0.offset + 1)), .text($0.element)] }, in: raw)
        try BulkInsert.run(
            table: "inventory_lines", columns: Self.lineColumns,
            rows: inventory.lines.indices.lazy.map { lineRow($0, inventoryID: id, lineageID: lineageIDs[$0]) }, in: raw)
        try BulkInsert.run(
            table: "inventory_factors", columns: Self.factorColumns, rows: factorRows(inventoryID: id), in: raw)
        try BulkInsert.run(
            table: "inventory_summaries", columns: Self.summaryColumns,
            rows: summaries.lazy.map { [.int(id), .text($0.subject), .text($0.json)] }, in: raw)
        return id
    }
}

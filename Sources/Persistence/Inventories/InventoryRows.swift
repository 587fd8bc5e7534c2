import Accounting
import Foundation
import SQLKit

/// The rows an inventory is stored as — its header, its lines, their shared lineages and the factors
/// cited — built once and written by either writer (SQLKit, or a bulk SQLite connection).
struct InventoryRows: Sendable {
    let lines: ComputedLines
    let anchor: UnitLookup.Entry
    let unitID: Int64
    let year: Int
    let options: CalculationOptions
    let libraryVersion: String
    let setIDs: String
    /// Output value and value added at constant prices by unit, for the summaries.
    let economic: [Int64: [Double?]]

    /// The same inventory with these lines.
    func with(lines: ComputedLines) -> InventoryRows {
        InventoryRows(
            lines: lines, anchor: anchor, unitID: unitID, year: year, options: options, libraryVersion: libraryVersion,
            setIDs: setIDs, economic: economic)
    }

    /// Roll-up summaries by subject (`u:<unit id>`, `r:<region prefix>`), as JSON.
    func summaries() -> [(subject: String, json: String)] {
        RollupSummaryBuilder.build(lines: lines, economic: economic, includeRegions: anchor.rootID == unitID)
    }

    static let inventoryColumns = [
        "root_id", "unit_id", "year", "version", "gwp", "scope2", "fuel_parameters", "factor_library", "factor_set_ids",
        "stale", "record_count", "scope1_t", "scope2_location_t", "scope2_market_t", "tce_calorific", "tce_equivalent",
        "computed_at", "unapproved_records",
    ]
    static let lineColumns = [
        "id", "inventory_id", "root_id", "record_id", "unit_id", "month", "lineage_id", "co2e_location_t",
        "co2e_market_t", "tce_calorific", "tce_equivalent",
    ]
    static let lineageColumns = ["inventory_id", "lineage_id", "item", "category", "scope", "gas", "lineage"]
    static let summaryColumns = ["inventory_id", "subject", "payload"]
    static let factorColumns = [
        "inventory_id", "factor_id", "factor_set", "kind", "item", "region", "variant", "year", "value", "unit",
        "grade", "source", "document", "published", "url",
    ]

    /// The first line id of an inventory: its lines are the ids `first + 1 … first + 2³² − 1`.
    static func firstLineID(of inventoryID: Int64) -> Int64 { inventoryID << 32 }

    func header(version: Int) -> [BulkValue] {
        let t = lines.totals
        return [
            .int(anchor.rootID), .int(unitID), .int(Int64(year)), .int(Int64(version)), .text(options.gwp.rawValue),
            .text(options.scope2.rawValue), .text(options.fuelParameters.rawValue), .text(libraryVersion),
            .text(setIDs), .int(0), .int(Int64(lines.count)), .double(t[0]), .double(t[1]), .double(t[2]),
            .double(t[3]), .double(t[4]), .text(Timestamp.now()), .int(Int64(lines.input.unapprovedRecords)),
        ]
    }

    /// Each key's lineage id, and the distinct lineages as rows (without the inventory id).
    func lineages() throws -> (ids: [Int64], rows: [[BulkValue]]) {
        var table = LineageTable()
        for (template, record) in zip(lines.templates, lines.input.keys) { try table.add(template, of: record) }
        return (table.idOfKey, table.rows)
    }

    func lineRow(_ row: Int, inventoryID: Int64, lineageIDs: [Int64]) -> [BulkValue] {
        let input = lines.input
        let month = input.months[row]
        return [
            .int(Self.firstLineID(of: inventoryID) + Int64(row) + 1), .int(inventoryID), .int(anchor.rootID),
            .int(input.recordIDs[row]), .int(input.unitID(ofRow: row)), month == 0 ? .null : .int(Int64(month)),
            .int(lineageIDs[Int(input.keyIndexes[row])]), .double(lines.location[row]), .double(lines.market[row]),
            .double(lines.calorific[row]), .double(lines.equivalent[row]),
        ]
    }

    func factorRows(inventoryID: Int64) -> [[BulkValue]] {
        var seen = Set<String>()
        var rows: [[BulkValue]] = []
        for template in lines.templates {
            for use in template.factors {
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
            table: "inventory_lineages", columns: Self.lineageColumns, rows: lineages.map { [.int(id)] + $0 },
            dialect: dialect, in: db)
        try await BulkInsert.run(
            table: "inventory_lines", columns: Self.lineColumns,
            rows: (0..<lines.count).map { lineRow($0, inventoryID: id, lineageIDs: lineageIDs) }, dialect: dialect,
            in: db)
        try await BulkInsert.run(
            table: "inventory_factors", columns: Self.factorColumns, rows: factorRows(inventoryID: id),
            dialect: dialect, in: db)
        try await BulkInsert.run(
            table: "inventory_summaries", columns: Self.summaryColumns,
            rows: summaries().map { [.int(id), .text($0.subject), .text($0.json)] }, dialect: dialect, in: db)
        try await AuditLog.append(auditChange(id: id, version: version + 1), in: db)
        return id
    }

    /// The factors the lines cite and the summaries, on a bulk SQLite connection.
    func writeFactorsAndSummaries(
        _ summaries: [(subject: String, json: String)], of id: Int64, in raw: SQLiteRaw
    ) throws {
        try BulkInsert.run(
            table: "inventory_factors", columns: Self.factorColumns, rows: factorRows(inventoryID: id), in: raw)
        try BulkInsert.run(
            table: "inventory_summaries", columns: Self.summaryColumns,
            rows: summaries.lazy.map { [.int(id), .text($0.subject), .text($0.json)] }, in: raw)
    }
}

extension InventoryRows {
    /// The audit entry of a computed inventory: its header as stored (options, library version, totals).
    func auditChange(id: Int64, version: Int) -> AuditChange {
        var fields = Dictionary(
            uniqueKeysWithValues: zip(Self.inventoryColumns, header(version: version).map(\.auditValue)))
        fields["id"] = .int(id)
        return AuditChange(
            .inventoryComputed, subjectKind: "inventory", subjectID: id, unitID: unitID, year: year,
            after: AuditState(fields))
    }
}

import Accounting
import Foundation
import SQLKit

/// The rows an inventory is stored as — its header, its lines, their shared lineages and the factors
/// cited — built once and written by either writer (`COPY` on PostgreSQL, or a bulk SQLite connection).
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

    /// The same summaries' figures, to be written as JSON a stretch at a time.
    func summarySubjects() -> RollupSummaryBuilder.Subjects {
        RollupSummaryBuilder.subjects(lines: lines, economic: economic, includeRegions: anchor.rootID == unitID)
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
    /// PostgreSQL stores lines as runs of one unit's consecutive lines, each field an array
    /// (migration 30); the first id is the run's first line's.
    static let postgresRunColumns = [
        "first_id", "root_id", "unit_id", "record_ids", "months", "lineage_ids", "co2e_location_t", "co2e_market_t",
        "tce_calorific", "tce_equivalent",
    ]
    static let lineageColumns = ["inventory_id", "lineage_id", "item", "category", "scope", "gas", "lineage"]
    static let summaryColumns = ["inventory_id", "subject", "payload"]
    static let factorColumns = [
        "inventory_id", "factor_id", "factor_set", "kind", "item", "region", "variant", "year", "value", "unit",
        "grade", "source", "document", "published", "url",
    ]

    /// The first line id of an inventory: its lines are the ids `first + 1 … first + 2³² − 1`.
    static func firstLineID(of inventoryID: Int64) -> Int64 { inventoryID << 32 }

    /// Restricts `query` to the lines (`l`, of the table or view `inventory_lines`) of an
    /// inventory, by its id range. On PostgreSQL the range is taken on the line's run (`run_id`,
    /// its first line's id, migration 30), which the runs' index reaches; the line's own id there is
    /// computed.
    static func restrict(
        _ query: SQLSelectBuilder, toLinesOf inventoryID: Int64, on engine: StorageEngine
    ) -> SQLSelectBuilder {
        restrict(query, column: SQLColumn(engine == .portable ? "run_id" : "id", table: "l"), to: inventoryID)
    }

    /// Restricts `query` to the runs (`l`, of `inventory_line_runs`, PostgreSQL) of an inventory's lines.
    static func restrict(_ query: SQLSelectBuilder, toRunsOf inventoryID: Int64) -> SQLSelectBuilder {
        restrict(query, column: SQLColumn("first_id", table: "l"), to: inventoryID)
    }

    /// Restricts `query` to the line of one record (`l`). On PostgreSQL the runs that hold it are
    /// found first, by their arrays of record ids, so only they are unnested.
    static func restrict(
        _ query: SQLSelectBuilder, toLineOfRecord recordID: Int64, on engine: StorageEngine
    ) -> SQLSelectBuilder {
        let query = query.where(SQLColumn("record_id", table: "l"), .equal, SQLBind(recordID))
        guard engine == .portable else { return query }
        return query.where(SQLQueryString("l.run_record_ids @> ARRAY[\(bind: recordID)]::BIGINT[]"))
    }

    private static func restrict(_ query: SQLSelectBuilder, column: SQLColumn, to inventoryID: Int64) -> SQLSelectBuilder {
        let first = firstLineID(of: inventoryID)
        return query.where(column, .greaterThan, SQLBind(first)).where(column, .lessThan, SQLBind(first + (1 << 32)))
    }

    func header(version: Int) -> [BulkValue] {
        let t = lines.totals
        return [
            .int(anchor.rootID), .int(unitID), .int(Int64(year)), .int(Int64(version)), .text(options.gwp.rawValue),
            .text(options.scope2.rawValue), .text(options.fuelParameters.rawValue), .text(libraryVersion),
            .text(setIDs), .int(0), .int(Int64(lines.count)), .double(t[0]), .double(t[1]), .double(t[2]),
            .double(t[3]), .double(t[4]), .text(Timestamp.now()), .int(Int64(lines.input.unapprovedRecords)),
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

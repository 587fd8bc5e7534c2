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
    let unapprovedRecords: Int
    /// Output value and value added at constant prices by unit, for the summaries.
    let economic: [Int64: [Double?]]

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
            .double(t[3]), .double(t[4]), .text(Timestamp.now()), .int(Int64(unapprovedRecords)),
        ]
    }

    /// What lines share: item, category, scope, gas and the factors with their notes.
    struct LineageKey: Hashable {
        struct Use: Hashable {
            let kind: FactorKind
            let id: String?
            let set: String?
            let value: Double
            let unit: String
            let notes: [LineageNote]
        }
        let item: String
        let category: String
        let scope: String
        let gas: String
        let uses: [Use]
    }

    /// Each key's lineage id, and the distinct lineages as rows (without the inventory id).
    func lineages() throws -> (ids: [Int64], rows: [[BulkValue]]) {
        var idByKey: [LineageKey: Int64] = [:]
        var rows: [[BulkValue]] = []
        var ids: [Int64] = []
        let encoder = JSONEncoder()
        for (template, record) in zip(lines.templates, lines.input.keys) {
            let key = LineageKey(
                item: record.item.code, category: record.category.rawValue, scope: template.scope.rawValue,
                gas: template.gas,
                uses: template.factors.map {
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
            let id = Int64(rows.count + 1)
            idByKey[key] = id
            rows.append([
                .int(id), .text(key.item), .text(key.category), .text(key.scope), .text(key.gas),
                .text(String(decoding: try encoder.encode(lineage), as: UTF8.self)),
            ])
            ids.append(id)
        }
        return (ids, rows)
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

    /// Writes everything on a bulk SQLite connection, inside its transaction, with foreign-key checks
    /// off (`SQLiteRaw.withoutForeignKeyChecks`); returns the inventory id. The unit is checked once
    /// and the header written first, so every reference holds without SQLite checking each line.
    /// Lines are bound value by value: no array is made per line.
    func write(into raw: SQLiteRaw) throws -> Int64 {
        try UnitLookup.requireExisting([unitID], in: raw)
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
            table: "inventory_lineages", columns: Self.lineageColumns, rows: lineages.lazy.map { [.int(id)] + $0 },
            in: raw)
        // The summaries are built on another thread while SQLite writes the lines.
        nonisolated(unsafe) var summaries: [(subject: String, json: String)] = []
        let built = DispatchGroup()
        DispatchQueue.global().async(group: built) { summaries = self.summaries() }
        let input = lines.input
        let first = Self.firstLineID(of: id)
        let rowLineage = input.keyIndexes.map { lineageIDs[Int($0)] }
        // Lines after the first are numbered by SQLite (the largest id plus one), which appends
        // without the look-up an explicit id costs — when no stored line has a larger id than this
        // inventory's, as when inventories are numbered in turn; otherwise each id is given.
        let numbered = raw.lastInsertedIDOf(table: "inventory_lines") < first
        try BulkInsert.run(table: "inventory_lines", columns: Self.lineColumns, count: lines.count, in: raw) {
            statement, row, p in
            statement.bind(p, row == 0 || !numbered ? first + Int64(row) + 1 : nil)
            statement.bind(p + 1, id)
            statement.bind(p + 2, anchor.rootID)
            statement.bind(p + 3, input.recordIDs[row])
            statement.bind(p + 4, input.unitID(ofRow: row))
            let month = input.months[row]
            statement.bind(p + 5, month == 0 ? nil : Int64(month))
            statement.bind(p + 6, rowLineage[row])
            statement.bind(p + 7, lines.location[row])
            statement.bind(p + 8, lines.market[row])
            statement.bind(p + 9, lines.calorific[row])
            statement.bind(p + 10, lines.equivalent[row])
        }
        guard lines.count == 0 || raw.lastInsertedID == first + Int64(lines.count) else {
            throw StoreError.conflict("inventory \(id): its lines were not numbered in turn")
        }
        try BulkInsert.run(
            table: "inventory_factors", columns: Self.factorColumns, rows: factorRows(inventoryID: id), in: raw)
        built.wait()
        try BulkInsert.run(
            table: "inventory_summaries", columns: Self.summaryColumns,
            rows: summaries.lazy.map { [.int(id), .text($0.subject), .text($0.json)] }, in: raw)
        try AuditLog.append([auditChange(id: id, version: version + 1)], in: raw)
        return id
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

import Accounting
import Foundation
import SQLKit

/// A stored inventory: what was computed, when, with which options and factors, and its totals.
public struct StoredInventory: Sendable, Codable, Equatable {
    public let id: Int64
    public let unitId: Int64
    public let year: Int
    public let version: Int
    public let gwp: String
    public let scope2: String
    public let fuelParameters: String
    public let factorLibrary: String
    public let stale: Bool
    public let recordCount: Int
    public let scope1T: Double
    public let scope2LocationT: Double
    public let scope2MarketT: Double
    public let tceCalorific: Double
    public let tceEquivalent: Double
    public let computedAt: String
    /// The activity records it counted that lie outside approved periods: 0 when it rests on
    /// approved data only; nil for an inventory computed before review existed.
    public let unapprovedRecords: Int?

    /// Scope 1 plus the scope-2 figure the inventory's options chose.
    public var co2eT: Double { scope1T + (scope2 == "market" ? scope2MarketT : scope2LocationT) }

    enum CodingKeys: String, CodingKey {
        case id, unitId, year, version, gwp, scope2, fuelParameters, factorLibrary, stale, recordCount, scope1T,
            scope2LocationT, scope2MarketT, tceCalorific, tceEquivalent, computedAt, unapprovedRecords
    }

    /// `stale` is stored as INTEGER 0/1 on both databases.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Int64.self, forKey: .id)
        unitId = try c.decode(Int64.self, forKey: .unitId)
        year = try c.decode(Int.self, forKey: .year)
        version = try c.decode(Int.self, forKey: .version)
        gwp = try c.decode(String.self, forKey: .gwp)
        scope2 = try c.decode(String.self, forKey: .scope2)
        fuelParameters = try c.decode(String.self, forKey: .fuelParameters)
        factorLibrary = try c.decode(String.self, forKey: .factorLibrary)
        stale = try c.decode(Int.self, forKey: .stale) != 0
        recordCount = try c.decode(Int.self, forKey: .recordCount)
        scope1T = try c.decode(Double.self, forKey: .scope1T)
        scope2LocationT = try c.decode(Double.self, forKey: .scope2LocationT)
        scope2MarketT = try c.decode(Double.self, forKey: .scope2MarketT)
        tceCalorific = try c.decode(Double.self, forKey: .tceCalorific)
        tceEquivalent = try c.decode(Double.self, forKey: .tceEquivalent)
        computedAt = try c.decode(String.self, forKey: .computedAt)
        unapprovedRecords = try c.decodeIfPresent(Int.self, forKey: .unapprovedRecords)
    }
}

/// One line of a stored inventory, with the factors it used.
public struct StoredInventoryLine: Sendable, Codable, Equatable {
    public let recordId: Int64
    public let unitId: Int64
    public let month: Int?
    public let item: String
    public let category: String
    public let scope: String
    public let gas: String
    public let co2eLocationT: Double
    public let co2eMarketT: Double
    public let tceCalorific: Double
    public let tceEquivalent: Double
    public let factors: [LineFactor]
}

/// A factor as a line's lineage keeps it; `id` and `factorSet` point into the inventory's factors.
public struct LineFactor: Sendable, Codable, Equatable {
    public let kind: FactorKind
    public let value: Double
    public let unit: String
    /// The library entry's id, nil for a measured value.
    public let id: String?
    public let factorSet: String?
    public let notes: [LineageNote]
}

/// A factor an inventory used, with its full citation as it was when the inventory was computed.
public struct InventoryFactor: Sendable, Codable, Equatable {
    public let factorId: String
    public let factorSet: String
    public let kind: String
    public let item: String
    public let region: String
    public let variant: String
    public let year: Int?
    public let value: Double
    public let unit: String
    public let grade: String
    public let source: String
    public let document: String
    public let published: String
    public let url: String
}

/// Computes inventories from stored data and keeps them, versioned: a recalculation is a new
/// version; an existing inventory is never rewritten, only marked stale when its data changes.
public struct InventoryStore: Sendable {
    let database: PeakZeroDatabase

    public init(_ database: PeakZeroDatabase) { self.database = database }

    /// Computes the inventory of a unit's subtree for a year and stores it as the next version.
    public func compute(unitID: Int64, year: Int, options: CalculationOptions) async throws -> StoredInventory {
        let anchor = try await UnitLookup.anchor(unitID, in: database.sql)
        let factorSets = FactorSetStore(database)
        let library = try await factorSets.library()
        let setIDs = try await factorSets.list().map { String($0.id) }.joined(separator: ",")
        var input = CalculationInput(
            // An inventory covers the whole subtree; who may ask for one is checked before.
            year: year, units: try await UnitStore(database).list(under: unitID, scope: .everything), anchorID: unitID)
        input.claim(try await AssetLedgerStore.certificateClaims(under: anchor, year: year, in: database.sql))
        let calculator = InventoryCalculator(library: library, options: options)
        let economic = try await economicAtConstantPrices(under: unitID, year: year)
        func rows(_ lines: ComputedLines) -> InventoryRows {
            InventoryRows(
                lines: lines, anchor: anchor, unitID: unitID, year: year, options: options,
                libraryVersion: library.version, setIDs: setIDs, economic: economic)
        }
        let id: Int64
        if case .sqliteBulk(let path) = database.engine {
            // Records are read and lines written at once, on two connections (InventoryStore+SQLite).
            id = try await computeOnSQLite(
                rows(ComputedLines(startingWith: input, calculator: calculator)), path: path)
        } else {
            // Records are read on one connection while lines are written on another (+PostgreSQL).
            id = try await computeOnPostgres(rows(ComputedLines(startingWith: input, calculator: calculator)))
        }
        return try await self.inventory(id: id)
    }

    /// Output value and value added at constant prices (万元) of each unit of a subtree.
    func economicAtConstantPrices(under anchorID: Int64, year: Int) async throws -> [Int64: [Double?]] {
        var economic: [Int64: [Double?]] = [:]
        for record in try await EconomicStore(database).list(under: anchorID, year: year) {
            let deflator = record.priceIndex / 100
            economic[record.unitId] = RollupSummary.addEconomic(
                economic[record.unitId] ?? [nil, nil],
                [record.outputValue.map { $0 / deflator }, record.valueAdded.map { $0 / deflator }])
        }
        return economic
    }

    static let columns =
        "id, unit_id, year, version, gwp, scope2, fuel_parameters, factor_library, stale, record_count, scope1_t, scope2_location_t, scope2_market_t, tce_calorific, tce_equivalent, computed_at, unapproved_records"

    static func find(id: Int64, in db: any SQLDatabase) async throws -> StoredInventory? {
        try await db.select().column(SQLRaw(columns)).from("inventories").where("id", .equal, SQLBind(id))
            .first(decoding: StoredInventory.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    public func inventory(id: Int64) async throws -> StoredInventory {
        guard let found = try await Self.find(id: id, in: database.sql) else {
            throw StoreError.notFound(kind: "inventory", id: String(id))
        }
        return found
    }

    /// Inventories, newest first, optionally of one unit and year.
    public func list(unitID: Int64? = nil, year: Int? = nil) async throws -> [StoredInventory] {
        var query = database.sql.select().column(SQLRaw(Self.columns)).from("inventories")
        if let unitID { query = query.where("unit_id", .equal, SQLBind(unitID)) }
        if let year { query = query.where("year", .equal, SQLBind(year)) }
        return try await query.orderBy("id", .descending)
            .all(decoding: StoredInventory.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// The lines of an inventory in record order, each with its lineage.
    /// - Parameters:
    ///   - unitID: only the lines of this unit's subtree.
    ///   - recordID: only the line of this activity record.
    ///   - offset, limit: a page of the lines.
    public func lines(
        inventoryID: Int64, under unitID: Int64? = nil, recordID: Int64? = nil, offset: Int = 0, limit: Int? = nil
    ) async throws -> [StoredInventoryLine] {
        // On PostgreSQL a page's records and the runs that hold them come first, from the runs'
        // record ids alone (already within the subtree); then only those runs are unnested.
        let page =
            database.engine == .portable && recordID == nil && limit != nil
            ? try await pageOfRecords(inventoryID: inventoryID, under: unitID, offset: offset, limit: limit!) : nil
        var query = try await linesQuery(inventoryID: inventoryID, under: page == nil ? unitID : nil)
            .column(
                SQLRaw(
                    "l.record_id, l.unit_id, l.month, g.item, g.category, g.scope, g.gas, l.co2e_location_t, l.co2e_market_t, l.tce_calorific, l.tce_equivalent, g.lineage"
                )
            )
            .join(
                SQLAlias(SQLIdentifier("inventory_lineages"), as: SQLIdentifier("g")),
                on: SQLQueryString("g.inventory_id = \(bind: inventoryID) AND g.lineage_id = l.lineage_id")
            )
        if let recordID { query = InventoryRows.restrict(query, toLineOfRecord: recordID, on: database.engine) }
        query = query.orderBy(SQLColumn("record_id", table: "l"))
        if let page {
            query = query.where(SQLQueryString("l.run_id = ANY(\(bind: page.runs))"))
                .where(SQLQueryString("l.record_id = ANY(\(bind: page.records))"))
        } else if let limit {
            query = query.limit(limit).offset(offset)
        }
        let rows = try await query.all(decoding: LineRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let decoder = JSONDecoder()
        return try rows.map { row in
            StoredInventoryLine(
                recordId: row.recordId, unitId: row.unitId, month: row.month, item: row.item, category: row.category,
                scope: row.scope, gas: row.gas, co2eLocationT: row.co2eLocationT, co2eMarketT: row.co2eMarketT,
                tceCalorific: row.tceCalorific, tceEquivalent: row.tceEquivalent,
                factors: try decoder.decode([LineFactor].self, from: Data(row.lineage.utf8)))
        }
    }

    /// How many lines the inventory has (of a unit's subtree), for paging. On PostgreSQL the runs'
    /// lengths are added, none unnested.
    public func lineCount(inventoryID: Int64, under unitID: Int64? = nil) async throws -> Int {
        let counted: SQLSelectBuilder
        switch database.engine {
        case .sqliteBulk:
            counted = try await linesQuery(inventoryID: inventoryID, under: unitID)
                .column(SQLAlias(SQLFunction("COUNT", args: SQLLiteral.all), as: SQLIdentifier("lines")))
        case .portable:
            counted = try await runsQuery(inventoryID: inventoryID, under: unitID)
                .column(SQLAlias(SQLRaw("COALESCE(SUM(cardinality(l.record_ids)), 0)"), as: SQLIdentifier("lines")))
        }
        return try await counted.first()?.decode(column: "lines", as: Int.self) ?? 0
    }

    /// The lines (`l`) of an inventory, by their id range, optionally within a unit's subtree;
    /// throws when the inventory does not exist.
    private func linesQuery(inventoryID: Int64, under unitID: Int64?) async throws -> SQLSelectBuilder {
        let lines = database.sql.select().from(SQLAlias(SQLIdentifier("inventory_lines"), as: SQLIdentifier("l")))
        return try await within(
            unitID, inventoryID: inventoryID, InventoryRows.restrict(lines, toLinesOf: inventoryID, on: database.engine))
    }

    /// PostgreSQL: the runs (`l`) of an inventory's lines, optionally within a unit's subtree;
    /// throws when the inventory does not exist.
    func runsQuery(inventoryID: Int64, under unitID: Int64?) async throws -> SQLSelectBuilder {
        let runs = database.sql.select().from(SQLAlias(SQLIdentifier("inventory_line_runs"), as: SQLIdentifier("l")))
        return try await within(unitID, inventoryID: inventoryID, InventoryRows.restrict(runs, toRunsOf: inventoryID))
    }

    /// `query` over lines or runs (`l`) of the inventory, within a unit's subtree when one is named.
    private func within(
        _ unitID: Int64?, inventoryID: Int64, _ query: SQLSelectBuilder
    ) async throws -> SQLSelectBuilder {
        _ = try await inventory(id: inventoryID)
        guard let unitID else { return query }
        let anchor = try await UnitLookup.anchor(unitID, in: database.sql)
        switch database.engine {
        case .sqliteBulk:
            return query.join(SQLAlias(SQLIdentifier("units"), as: SQLIdentifier("u")), on: SQLRaw("u.id = l.unit_id"))
                .where(SQLColumn("path", table: "u"), .like, SQLBind(anchor.path + "%"))
        case .portable:
            // The subtree's units as a list: a filter on the runs' own column, which PostgreSQL
            // applies before unnesting. Joined to units, the view of lines unnested every run of
            // the inventory first (1.35 s for one group's page of a province's lines, measured
            // beside a build).
            let units = try await database.sql.select().column("id").from("units")
                .where("root_id", .equal, SQLBind(anchor.rootID)).where("path", .like, SQLBind(anchor.path + "%")).all()
                .map { try $0.decode(column: "id", as: Int64.self) }
            return query.where(SQLQueryString("l.unit_id = ANY(\(bind: units))"))
        }
    }

    struct LineRow: Decodable {
        let recordId: Int64
        let unitId: Int64
        let month: Int?
        let item: String
        let category: String
        let scope: String
        let gas: String
        let co2eLocationT: Double
        let co2eMarketT: Double
        let tceCalorific: Double
        let tceEquivalent: Double
        let lineage: String
    }

    public func factors(inventoryID: Int64) async throws -> [InventoryFactor] {
        _ = try await inventory(id: inventoryID)
        return try await database.sql.select()
            .columns(
                "factor_id", "factor_set", "kind", "item", "region", "variant", "year", "value", "unit", "grade",
                "source",
                "document", "published", "url"
            )
            .from("inventory_factors").where("inventory_id", .equal, SQLBind(inventoryID)).orderBy("factor_id")
            .all(decoding: InventoryFactor.self, keyDecodingStrategy: .convertFromSnakeCase)
    }
}

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

    /// Scope 1 plus the scope-2 figure the inventory's options chose.
    public var co2eT: Double { scope1T + (scope2 == "market" ? scope2MarketT : scope2LocationT) }

    enum CodingKeys: String, CodingKey {
        case id, unitId, year, version, gwp, scope2, fuelParameters, factorLibrary, stale, recordCount, scope1T,
            scope2LocationT, scope2MarketT, tceCalorific, tceEquivalent, computedAt
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
        let library = try await FactorSetStore(database).library()
        let records = try await recordsForCalculation(anchor: anchor, year: year)
        let inventory: Inventory
        do {
            inventory = try InventoryCalculator(library: library, options: options).calculate(records.map(\.record))
        } catch {
            throw StoreError.invalid(
                error.issues.map { issue in
                    var located = issue
                    located.file = "activity_records"
                    return located
                })
        }
        let recordIDs = records.map(\.id)
        let unitIDs = records.map(\.unitID)
        let setIDs = try await FactorSetStore(database).list().map { String($0.id) }.joined(separator: ",")
        let dialect = database.dialect
        return try await database.transaction { db in
            let version =
                try await db.select().column(SQLFunction("MAX", args: SQLColumn("version")), as: "v").from(
                    "inventories"
                )
                .where("unit_id", .equal, SQLBind(unitID)).where("year", .equal, SQLBind(year)).first()?
                .decode(column: "v", as: Int?.self) ?? 0
            let id = try await db.insert(into: "inventories")
                .columns(
                    "root_id", "unit_id", "year", "version", "gwp", "scope2", "fuel_parameters", "factor_library",
                    "factor_set_ids", "stale", "record_count", "scope1_t", "scope2_location_t", "scope2_market_t",
                    "tce_calorific", "tce_equivalent", "computed_at"
                )
                .values(
                    SQLBind(anchor.rootID), SQLBind(unitID), SQLBind(year), SQLBind(version + 1),
                    SQLBind(options.gwp.rawValue), SQLBind(options.scope2.rawValue),
                    SQLBind(options.fuelParameters.rawValue), SQLBind(inventory.libraryVersion), SQLBind(setIDs),
                    SQLBind(0), SQLBind(records.count), SQLBind(inventory.scope1.value(in: .tonneCO2e)),
                    SQLBind(inventory.scope2LocationBased.value(in: .tonneCO2e)),
                    SQLBind(inventory.scope2MarketBased.value(in: .tonneCO2e)),
                    SQLBind(inventory.energyCalorific.value(in: .tonneCoalEquivalent)),
                    SQLBind(inventory.energyEquivalent.value(in: .tonneCoalEquivalent)), SQLBind(Timestamp.now())
                )
                .returning("id").first()!.decode(column: "id", as: Int64.self)
            try await Self.writeLines(
                inventory.lines, inventoryID: id, rootID: anchor.rootID, recordIDs: recordIDs, unitIDs: unitIDs,
                dialect: dialect, in: db)
            try await Self.writeFactors(inventory.lines, inventoryID: id, in: db)
            return try await Self.find(id: id, in: db)!
        }
    }

    struct CalculationRecord {
        let id: Int64
        let unitID: Int64
        let record: ActivityRecord
    }

    /// The stored records of a subtree and year as the calculator takes them.
    func recordsForCalculation(anchor: UnitLookup.Entry, year: Int) async throws -> [CalculationRecord] {
        let rows = try await database.sql.select()
            .column(
                SQLRaw(
                    "a.id, a.unit_id, u.code, u.region_code, a.year, a.month, a.item, a.category, a.quantity, a.uom, a.ncv, a.carbon_content, a.oxidation_rate"
                )
            )
            .from(SQLAlias(SQLIdentifier("activity_records"), as: SQLIdentifier("a")))
            .join(SQLAlias(SQLIdentifier("units"), as: SQLIdentifier("u")), on: SQLRaw("u.id = a.unit_id"))
            .where(SQLColumn("root_id", table: "a"), .equal, SQLBind(anchor.rootID))
            .where(SQLColumn("path", table: "u"), .like, SQLBind(anchor.path + "%"))
            .where(SQLColumn("year", table: "a"), .equal, SQLBind(year))
            .orderBy(SQLColumn("id", table: "a"))
            .all(decoding: CalculationRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        return try rows.map { try $0.calculationRecord() }
    }

    struct CalculationRow: Decodable {
        let id: Int64
        let unitId: Int64
        let code: String
        let regionCode: String
        let year: Int
        let month: Int?
        let item: String
        let category: String
        let quantity: Double
        let uom: String
        let ncv: Double?
        let carbonContent: Double?
        let oxidationRate: Double?

        /// Stored rows were validated on the way in; a row that no longer reads is a corrupt database.
        func calculationRecord() throws -> CalculationRecord {
            guard let item = ItemCatalog.bundled.item(code: item), let unit = UnitOfMeasure(parsing: uom),
                let region = RegionCode(regionCode), let period = Period(year: year, month: month),
                let category = ActivityCategory(rawValue: category)
            else { throw StoreError.conflict("activity record \(id) no longer reads as valid data") }
            var measured = MeasuredParameters()
            if let ncv {
                measured.netCalorificValue = NetCalorificValue(gigajoulesPerBaseUnit: ncv, of: item.dimension)
            }
            if let carbonContent {
                measured.carbonContent = CarbonContent(carbonContent, .tonneCarbon, per: .gigajoule)
            }
            if let oxidationRate { measured.oxidationRate = Fraction(oxidationRate) }
            let record = ActivityRecord(
                unitCode: code, region: region, period: period, item: item, category: category,
                quantity: PhysicalQuantity(quantity, unit), measured: measured, sourceRow: Int(id))
            return CalculationRecord(id: id, unitID: unitId, record: record)
        }
    }

    private static func writeLines(
        _ lines: [InventoryLine], inventoryID: Int64, rootID: Int64, recordIDs: [Int64], unitIDs: [Int64],
        dialect: Dialect, in db: any SQLDatabase
    ) async throws {
        let columns = [
            "inventory_id", "root_id", "record_id", "unit_id", "month", "item", "category", "scope", "gas",
            "co2e_location_t", "co2e_market_t", "tce_calorific", "tce_equivalent", "lineage",
        ]
        let encoder = JSONEncoder()
        let indices = Array(lines.indices)
        for batch in indices.chunked(by: dialect.maxBinds / columns.count) {
            var insert = db.insert(into: "inventory_lines").columns(columns)
            for index in batch {
                let line = lines[index]
                let lineage = line.factors.map {
                    LineFactor(
                        kind: $0.kind, value: $0.value, unit: $0.unit, id: $0.entry?.id, factorSet: $0.entry?.setName,
                        notes: $0.notes)
                }
                insert = insert.values(
                    SQLBind(inventoryID), SQLBind(rootID), SQLBind(recordIDs[index]), SQLBind(unitIDs[index]),
                    SQLBind(line.record.period.month), SQLBind(line.record.item.code),
                    SQLBind(line.record.category.rawValue), SQLBind(line.scope.rawValue), SQLBind(line.gas),
                    SQLBind(line.locationBased.value(in: .tonneCO2e)), SQLBind(line.marketBased.value(in: .tonneCO2e)),
                    SQLBind(line.energyCalorific.value(in: .tonneCoalEquivalent)),
                    SQLBind(line.energyEquivalent.value(in: .tonneCoalEquivalent)),
                    SQLBind(String(decoding: try encoder.encode(lineage), as: UTF8.self)))
            }
            try await insert.run()
        }
    }

    private static func writeFactors(_ lines: [InventoryLine], inventoryID: Int64, in db: any SQLDatabase) async throws
    {
        var seen = Set<String>()
        var entries: [FactorEntry] = []
        for line in lines {
            for use in line.factors {
                guard let entry = use.entry, seen.insert(entry.setName + "\u{1}" + entry.id).inserted else { continue }
                entries.append(entry)
            }
        }
        for batch in entries.chunked(by: 1_000) {
            var insert = db.insert(into: "inventory_factors").columns(
                "inventory_id", "factor_id", "factor_set", "kind", "item", "region", "variant", "year", "value", "unit",
                "grade", "source", "document", "published", "url")
            for e in batch {
                insert = insert.values(
                    SQLBind(inventoryID), SQLBind(e.id), SQLBind(e.setName), SQLBind(e.kind.rawValue), SQLBind(e.item),
                    SQLBind(e.region), SQLBind(e.variant), SQLBind(e.year), SQLBind(e.value.number),
                    SQLBind(e.unitText),
                    SQLBind(e.grade.rawValue), SQLBind(e.source), SQLBind(e.document), SQLBind(e.published),
                    SQLBind(e.url))
            }
            try await insert.run()
        }
    }

    static let columns =
        "id, unit_id, year, version, gwp, scope2, fuel_parameters, factor_library, stale, record_count, scope1_t, scope2_location_t, scope2_market_t, tce_calorific, tce_equivalent, computed_at"

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

    public func lines(inventoryID: Int64) async throws -> [StoredInventoryLine] {
        _ = try await inventory(id: inventoryID)
        let rows = try await database.sql.select()
            .columns(
                "record_id", "unit_id", "month", "item", "category", "scope", "gas", "co2e_location_t", "co2e_market_t",
                "tce_calorific", "tce_equivalent", "lineage"
            )
            .from("inventory_lines").where("inventory_id", .equal, SQLBind(inventoryID)).orderBy("record_id")
            .all(decoding: LineRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let decoder = JSONDecoder()
        return try rows.map { row in
            StoredInventoryLine(
                recordId: row.recordId, unitId: row.unitId, month: row.month, item: row.item, category: row.category,
                scope: row.scope, gas: row.gas, co2eLocationT: row.co2eLocationT, co2eMarketT: row.co2eMarketT,
                tceCalorific: row.tceCalorific, tceEquivalent: row.tceEquivalent,
                factors: try decoder.decode([LineFactor].self, from: Data(row.lineage.utf8)))
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

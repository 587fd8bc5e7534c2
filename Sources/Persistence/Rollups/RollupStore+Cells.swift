import Foundation
import Accounting
import SQLKit

/// The cells a roll-up sums: inventory lines and economic records grouped by child and category, read in SQL.
extension RollupStore {
    struct LineCell: Decodable {
        let path: String
        let regionCode: String
        let month: Int?
        let scope: String
        let item: String
        let category: String
        let location: Double
        let market: Double
        let calorific: Double
        let equivalent: Double

        func figures(scale: Double) -> IndicatorFigures {
            let scope1 = scope == Scope.scope1.rawValue
            return IndicatorFigures(
                energyCalorific: StandardCoal(calorific * scale, .tonneCoalEquivalent),
                energyEquivalent: StandardCoal(equivalent * scale, .tonneCoalEquivalent),
                scope1: Emissions(scope1 ? location * scale : 0, .tonneCO2e),
                scope2LocationBased: Emissions(scope1 ? 0 : location * scale, .tonneCO2e),
                scope2MarketBased: Emissions(scope1 ? 0 : market * scale, .tonneCO2e))
        }
    }

    /// Inventory lines summed per unit, month, scope, item and category: one row per cell, not per
    /// line. Each inventory's lines are one range of line ids (see `InventoryRows.firstLineID`).
    func lineCells(filter: Filter, inventories: [StoredInventory]) async throws -> [LineCell] {
        let w = filter.weight
        var cells: [LineCell] = []
        for inventory in inventories {
            var query = lines(of: inventory)
                .column(SQLRaw("u.path, u.region_code, l.month, g.scope, g.item, g.category"))
                .column(SQLRaw("SUM(l.co2e_location_t * \(w)) AS location"))
                .column(SQLRaw("SUM(l.co2e_market_t * \(w)) AS market"))
                .column(SQLRaw("SUM(l.tce_calorific * \(w)) AS calorific"))
                .column(SQLRaw("SUM(l.tce_equivalent * \(w)) AS equivalent"))
            query = restrict(query, filter)
            cells += try await query.groupBy(SQLRaw("u.path, u.region_code, l.month, g.scope, g.item, g.category"))
                .all(decoding: LineCell.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
        return cells
    }

    /// An inventory's lines (`l`) with their units (`u`) and lineages (`g`): one range of line
    /// ids (see `InventoryRows.firstLineID`), the columns to be added.
    func lines(of inventory: StoredInventory) -> SQLSelectBuilder {
        let query = database.sql.select()
            .from(SQLAlias(SQLIdentifier("inventory_lines"), as: SQLIdentifier("l")))
            .join(SQLAlias(SQLIdentifier("units"), as: SQLIdentifier("u")), on: SQLRaw("u.id = l.unit_id"))
            .join(
                SQLAlias(SQLIdentifier("inventory_lineages"), as: SQLIdentifier("g")),
                on: SQLQueryString("g.inventory_id = \(bind: inventory.id) AND g.lineage_id = l.lineage_id")
            )
        return InventoryRows.restrict(query, toLinesOf: inventory.id, on: database.engine)
    }

    struct EconomicCell: Decodable {
        let path: String
        let regionCode: String
        let outputValue: Double?
        let valueAdded: Double?
    }

    /// Output value and value added at constant prices, per unit.
    func economicCells(filter: Filter, year: Int) async throws -> [EconomicCell] {
        let w = filter.weight
        var query = database.sql.select()
            .column(SQLRaw("u.path, u.region_code"))
            .column(SQLRaw("SUM(e.output_value * 100.0 / e.price_index * \(w)) AS output_value"))
            .column(SQLRaw("SUM(e.value_added * 100.0 / e.price_index * \(w)) AS value_added"))
            .from(SQLAlias(SQLIdentifier("economic_records"), as: SQLIdentifier("e")))
            .join(SQLAlias(SQLIdentifier("units"), as: SQLIdentifier("u")), on: SQLRaw("u.id = e.unit_id"))
            .where(SQLColumn("year", table: "e"), .equal, SQLBind(year))
        query = restrict(query, filter)
        return try await query.groupBy(SQLRaw("u.path, u.region_code"))
            .all(decoding: EconomicCell.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    func restrict(_ query: SQLSelectBuilder, _ filter: Filter) -> SQLSelectBuilder {
        var query = query
        if let root = filter.rootID { query = query.where(SQLColumn("root_id", table: "u"), .equal, SQLBind(root)) }
        if let path = filter.pathPrefix {
            query = query.where(SQLColumn("path", table: "u"), .like, SQLBind(path + "%"))
        }
        if let region = filter.regionPrefix {
            query = query.where(SQLColumn("region_code", table: "u"), .like, SQLBind(region + "%"))
        }
        return query
    }

    /// The energy (tce, 当量值) of the items in `items` by month (nil: a whole-year record) that the
    /// subject's inventories of the year hold, summed from their lines in SQL: a coal target's
    /// figures (the stored summaries keep months and items apart). nil when no inventory covers it.
    public func energyByMonth(_ subject: RollupSubject, year: Int, items: Set<String>) async throws -> [Int?: Double]? {
        let filter: Filter
        let inventories: [StoredInventory]
        switch subject {
        case .unit(let id, let approach):
            let anchor = try await UnitLookup.anchor(id, in: database.sql)
            guard let current = try await latestInventory(coveringUnit: anchor, year: year) else { return nil }
            filter = .unit(anchor, approach)
            inventories = [current]
        case .region(let region):
            inventories = try await rootInventories(roots: try await roots(in: region), year: year)
            guard !inventories.isEmpty else { return nil }
            filter = .region(region)
        }
        struct Cell: Decodable {
            let month: Int?
            let calorific: Double
        }
        var months: [Int?: Double] = [:]
        guard !items.isEmpty else { return months }
        for inventory in inventories {
            let query = lines(of: inventory)
                .column(SQLRaw("l.month"))
                .column(SQLRaw("SUM(l.tce_calorific * \(filter.weight)) AS calorific"))
                .where(SQLColumn("item", table: "g"), .in, SQLBind.group(items.sorted()))
            for cell in try await restrict(query, filter).groupBy(SQLRaw("l.month")).all(decoding: Cell.self) {
                months[cell.month, default: 0] += cell.calorific * filter.scale
            }
        }
        return months
    }
}

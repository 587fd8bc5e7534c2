import Accounting
import Foundation
import Reports
import SQLKit

/// Gathers an enterprise's GHG inventory report from what is stored: the latest inventory of the
/// year that covers the unit, its roll-up (totals, facilities, source types, carriers and the
/// year's economic denominators, as the dashboard shows them), its lines summed by gas in SQL, and
/// the factors it used with their sources.
public struct InventoryReportSource: Sendable {
    let database: PeakZeroDatabase

    public init(_ database: PeakZeroDatabase) { self.database = database }

    /// The report of a unit's subtree for a year, its names in `language`; `StoreError.conflict`
    /// when no inventory of the year covers the unit.
    public func report(unitID: Int64, year: Int, method: Scope2Method = .location, language: Language)
        async throws -> GHGInventoryReport
    {
        let units = UnitStore(database)
        let unit = try await units.unit(id: unitID)
        let rollups = RollupStore(database)
        let rollup = try await rollups.rollup(.unit(id: unitID, approach: .control), year: year, previousYear: false)
        guard let inventory = rollup.inventories.first else {
            throw StoreError.conflict("no inventory of \(year) covers unit \(unit.code); compute one first")
        }
        let children = Dictionary(
            try await units.children(of: unitID).map { (String($0.id), $0) }, uniquingKeysWith: { first, _ in first })
        let catalog = ItemCatalog.bundled
        let basis = GHGInventoryReport.Basis(
            unitCode: unit.code, unitName: unit.name, year: year, inventoryId: inventory.id,
            inventoryVersion: inventory.version, computedAt: inventory.computedAt, consolidation: .control,
            gwpSet: inventory.gwp, scope2Method: method, factorLibrary: inventory.factorLibrary,
            records: inventory.recordCount, unapprovedRecords: inventory.unapprovedRecords ?? 0,
            stale: inventory.stale)
        var facilities = rollup.byChild.map { key, figures in
            let child = children[key]
            return GHGInventoryReport.Part(key: child?.code ?? key, name: child?.name ?? key, figures)
        }
        // The unit's own records (no child's) are a facility of their own, under its own code, so
        // that the facilities add up to the total.
        let own = rollup.byChild.map(\.figures).reduce(rollup.totals) { rest, child in
            IndicatorFigures(
                energyCalorific: rest.energyCalorific - child.energyCalorific,
                energyEquivalent: rest.energyEquivalent - child.energyEquivalent, scope1: rest.scope1 - child.scope1,
                scope2LocationBased: rest.scope2LocationBased - child.scope2LocationBased,
                scope2MarketBased: rest.scope2MarketBased - child.scope2MarketBased)
        }
        let ownPart = GHGInventoryReport.Part(key: unit.code, name: unit.name, own)
        let tolerance = 1e-9 * max(1, abs(rollup.totals.emissions(.location).value(in: .tonneCO2e)))
        if [ownPart.scope1T, ownPart.scope2LocationT, ownPart.scope2MarketT, ownPart.tceCalorific]
            .contains(where: { abs($0) > tolerance })
        {
            facilities.append(ownPart)
        }
        var report = GHGInventoryReport(
            basis: basis, totals: rollup.totals,
            byGas: Self.gasParts(rollup.byItem, catalog: catalog),
            byFacility: facilities,
            bySource: rollup.byCategory.map { key, figures in
                .init(key: key, name: ActivityCategory(rawValue: key)?.name(in: language) ?? key, figures)
            },
            byCarrier: rollup.byItem.map { key, figures in
                .init(key: key, name: catalog.item(code: key)?.name(in: language) ?? key, figures)
            },
            factors: try await InventoryStore(database).factors(inventoryID: inventory.id).map {
                .init(
                    id: $0.factorId, kind: $0.kind, item: $0.item, value: $0.value, unit: $0.unit, grade: $0.grade,
                    source: $0.source, year: $0.year)
            })
        report.scope3 = try await Scope3Store(database).summary(under: unitID, year: year)
        report.byRegion = try await regionParts(unitID: unitID, inventory: inventory, language: language)?
            .sorted { a, b in
                let (x, y) = method == .market ? (a.totalMarketT, b.totalMarketT) : (a.totalLocationT, b.totalLocationT)
                return x != y ? x > y : a.key < b.key
            }
        return report
    }
}

extension InventoryReportSource {
    /// The roll-up's items summed by the gas each reports (`Item.reportedGas`): the same figures as
    /// the lines summed by gas (`RollupStore.gasParts`, which the tests compare), read from the stored
    /// summary instead of millions of lines.
    static func gasParts(_ byItem: [(item: String, figures: IndicatorFigures)], catalog: ItemCatalog)
        -> [GHGInventoryReport.Part]
    {
        var byGas: [String: IndicatorFigures] = [:]
        for (code, figures) in byItem {
            let gas = catalog.item(code: code)?.reportedGas ?? "CO2"
            byGas[gas] = (byGas[gas] ?? IndicatorFigures()) + figures
        }
        return byGas.map { GHGInventoryReport.Part(key: $0.key, name: $0.key, $0.value) }
    }

    /// Whether an issued report's figures are no longer the current ones: a newer inventory of its
    /// year covers the unit, or its inventory's data changed after it was computed.
    public func hasNewerData(_ issued: IssuedReport) async throws -> Bool {
        let rollup: Rollup
        let subject: RollupSubject =
            if let code = issued.regionCode, let region = RegionPrefix(code) {
                .region(region)
            } else {
                .unit(id: issued.unitId, approach: .control)
            }
        do {
            rollup = try await RollupStore(database).rollup(subject, year: issued.year, previousYear: false)
        } catch StoreError.conflict {
            return false
        }
        switch issued.content {
        case .supervisor(let report):
            // Drawn from many inventories: newer when any is stale or the indicators moved.
            return rollup.inventories.contains(where: \.stale)
                || SupervisorReport.Indicators(rollup.totals, method: report.basis.scope2Method) != report.indicators
        case .climate(let report):
            guard let current = rollup.inventories.first else { return false }
            let scope3 = try await Scope3Store(database).summary(under: issued.unitId, year: issued.year)
            return current.id != issued.inventoryId || current.stale || scope3 != report.inventory.scope3
        case .inventory:
            guard let current = rollup.inventories.first else { return false }
            return current.id != issued.inventoryId || current.stale
        }
    }
}

extension RollupStore {
    struct GasCell: Decodable {
        let scope: String
        let gas: String
        let location: Double
        let market: Double
        let calorific: Double
        let equivalent: Double
    }

    /// The unit's subtree's lines in `inventory`, summed by gas in SQL (Scope 2 lines are CO2e of
    /// purchased energy, reported under their gas as the calculation names it): the check on the
    /// report's gases, which are read from the stored summary.
    public func gasParts(unitID: Int64, inventory: StoredInventory) async throws -> [GHGInventoryReport.Part] {
        let anchor = try await UnitLookup.anchor(unitID, in: database.sql)
        let query = restrict(
            lines(of: inventory).column(SQLRaw("g.scope, g.gas"))
                .column(SQLRaw("SUM(l.co2e_location_t) AS location"))
                .column(SQLRaw("SUM(l.co2e_market_t) AS market"))
                .column(SQLRaw("SUM(l.tce_calorific) AS calorific"))
                .column(SQLRaw("SUM(l.tce_equivalent) AS equivalent")),
            Filter.unit(anchor, .control))
        let cells = try await query.groupBy(SQLRaw("g.scope, g.gas"))
            .all(decoding: GasCell.self, keyDecodingStrategy: .convertFromSnakeCase)
        var byGas: [String: IndicatorFigures] = [:]
        for cell in cells {
            let line = LineCell(
                path: "", regionCode: "", month: nil, scope: cell.scope, item: "", category: "",
                location: cell.location, market: cell.market, calorific: cell.calorific, equivalent: cell.equivalent)
            byGas[cell.gas] = (byGas[cell.gas] ?? IndicatorFigures()) + line.figures(scale: 1)
        }
        return byGas.map { GHGInventoryReport.Part(key: $0.key, name: $0.key, $0.value) }
    }
}

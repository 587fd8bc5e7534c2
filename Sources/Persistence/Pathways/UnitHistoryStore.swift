import Accounting
import Pathways

/// A unit's history by child, read from the roll-ups of the years its inventories cover.
public struct UnitHistoryStore: Sendable {
    let database: PeakZeroDatabase

    public init(_ database: PeakZeroDatabase) { self.database = database }

    /// The unit's roll-up (operational control: every child in full) of each year in `years` that
    /// an inventory of it or of a unit above it covers; read once for the history by child and by carrier.
    public func rollups(unit: ReportingUnit, years: ClosedRange<Int>) async throws -> [Int: Rollup] {
        let store = RollupStore(database)
        var found: [Int: Rollup] = [:]
        for year in try await coveredYears(try await UnitLookup.anchor(unit.id, in: database.sql)) where years.contains(year) {
            let rollup = try await store.rollup(.unit(id: unit.id, approach: .control), year: year, previousYear: false)
            if !rollup.inventories.isEmpty { found[year] = rollup }
        }
        return found
    }

    /// Each year in `years` that an inventory covers, with the unit's children's figures.
    public func history(unit: ReportingUnit, years: ClosedRange<Int>) async throws -> UnitHistory {
        try await history(unit, rollups: try await rollups(unit: unit, years: years))
    }

    /// The children's figures of each year of the roll-ups.
    public func history(_ unit: ReportingUnit, rollups: [Int: Rollup]) async throws -> UnitHistory {
        let names = Dictionary(
            try await UnitStore(database).children(of: unit.id).map { (String($0.id), "\($0.code) \($0.name)") },
            uniquingKeysWith: { first, _ in first })
        let found = rollups.mapValues { rollup in
            rollup.byChild.map { key, figures in
                UnitHistory.Child(
                    key: key, name: names[key] ?? key, energy: figures.energyCalorific.value(in: .tonneCoalEquivalent),
                    co2: figures.emissions(.location).value(in: .tonneCO2e),
                    valueAdded: figures.valueAdded?.value(in: .tenThousandYuan))
            }
        }
        return UnitHistory(unitCode: unit.code, years: found)
    }

    /// Each year's energy (tce, 当量值) and CO2 (scope 1 and location-based scope 2, t) by carrier,
    /// from the roll-up's items (`item-carriers.csv`); the CO2 of items that are not energy (process
    /// emissions) under `process`.
    public static func carriers(_ rollups: [Int: Rollup]) -> [Int: CarrierYear] {
        rollups.mapValues { rollup in
            var figures = CarrierYear()
            for (item, cell) in rollup.byItem {
                let co2 = cell.emissions(.location).value(in: .tonneCO2e)
                guard let carrier = RegionalCarrier(item: item) else {
                    figures.process += co2
                    continue
                }
                var sum = figures.carriers[carrier] ?? (0, 0)
                sum.energy += cell.energyCalorific.value(in: .tonneCoalEquivalent)
                sum.co2 += co2
                figures.carriers[carrier] = sum
            }
            return figures
        }
    }

    /// A year's energy and CO2 by carrier, and the CO2 that is not energy's.
    public struct CarrierYear: Sendable {
        public var carriers: [RegionalCarrier: (energy: Double, co2: Double)] = [:]
        public var process = 0.0
    }

    /// The industry code (GB/T 4754) of each of the unit's children, by the key its history uses.
    public func childIndustries(of unit: ReportingUnit) async throws -> [String: String?] {
        Dictionary(
            try await UnitStore(database).children(of: unit.id).map { (String($0.id), $0.industryCode) },
            uniquingKeysWith: { first, _ in first })
    }
}

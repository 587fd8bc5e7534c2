import Accounting
import Pathways

/// A unit's history by child, read from the roll-ups of the years its inventories cover.
public struct UnitHistoryStore: Sendable {
    let database: PeakZeroDatabase

    public init(_ database: PeakZeroDatabase) { self.database = database }

    /// Each year in `years` that an inventory covers, with the unit's children's figures
    /// (operational control: every child in full).
    public func history(unit: ReportingUnit, years: ClosedRange<Int>) async throws -> UnitHistory {
        let rollups = RollupStore(database)
        let names = Dictionary(
            try await UnitStore(database).children(of: unit.id).map { (String($0.id), "\($0.code) \($0.name)") },
            uniquingKeysWith: { first, _ in first })
        var found: [Int: [UnitHistory.Child]] = [:]
        for year in years {
            let rollup: Rollup
            do {
                rollup = try await rollups.rollup(.unit(id: unit.id, approach: .control), year: year, previousYear: false)
            } catch StoreError.conflict {
                continue  // no inventory covers the year
            }
            guard !rollup.inventories.isEmpty else { continue }
            found[year] = rollup.byChild.map { key, figures in
                UnitHistory.Child(
                    key: key, name: names[key] ?? key, energy: figures.energyCalorific.value(in: .tonneCoalEquivalent),
                    co2: figures.emissions(.location).value(in: .tonneCO2e),
                    valueAdded: figures.valueAdded?.value(in: .tenThousandYuan))
            }
        }
        return UnitHistory(unitCode: unit.code, years: found)
    }

    /// Each year in `years` that an inventory covers, the unit's energy (tce, 当量值) and CO2 (scope 1
    /// and location-based scope 2, t) by carrier, from the roll-up's items (`item-carriers.csv`); the
    /// CO2 of items that are not energy (process emissions) under `process`.
    public func carriers(unit: ReportingUnit, years: ClosedRange<Int>) async throws -> [Int: CarrierYear] {
        var found: [Int: CarrierYear] = [:]
        for year in years {
            let rollup: Rollup
            do {
                rollup = try await RollupStore(database).rollup(
                    .unit(id: unit.id, approach: .control), year: year, previousYear: false)
            } catch StoreError.conflict {
                continue  // no inventory covers the year
            }
            guard !rollup.inventories.isEmpty else { continue }
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
            found[year] = figures
        }
        return found
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

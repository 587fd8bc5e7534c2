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

    /// The industry code (GB/T 4754) of each of the unit's children, by the key its history uses.
    public func childIndustries(of unit: ReportingUnit) async throws -> [String: String?] {
        Dictionary(
            try await UnitStore(database).children(of: unit.id).map { (String($0.id), $0.industryCode) },
            uniquingKeysWith: { first, _ in first })
    }
}

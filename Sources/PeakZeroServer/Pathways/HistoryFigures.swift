import Accounting
import Pathways
import Persistence

/// What a roadmap page shows of the past: energy and CO2 by year, and why CO2 moved from the first
/// year to the last — LMDI over the areas with activity, the rest's change beside it. A region's
/// come from its imported statistics (CO2 from each carrier's factor of that year); a unit's from
/// its inventories (its energy-related CO2 as computed there).
struct HistoryFigures: Sendable {
    var energy: [Int: Double] = [:]
    var co2: [Int: Double] = [:]
    var decomposition: Decomposition?
    /// The change in CO2 of the areas left out of the decomposition (no activity).
    var excludedChange = 0.0

    static let none = HistoryFigures()

    private init() {}

    init(_ history: RegionalHistory) throws {
        let code = history.regionCode
        guard case .success(let factors) = CarrierFactors.byYear(
            history.years.keys, from: try FactorLibrary.standard(), province: String(code.prefix(2)))
        else { return }
        for (year, statistics) in history.years where statistics.totalEnergy > 0 {
            energy[year] = statistics.totalEnergy
            co2[year] = history.totalCO2(year, factors: factors[year]!)
        }
        decompose(rows: history.decompositionRows { factors[$0]! }) { first, last in
            history.excludedChanges(from: first, to: last) { factors[$0]! }.values.reduce(0, +)
        }
    }

    init(unit years: [Int: UnitPlanBase.Year]) {
        for (year, figures) in years where figures.energy > 0 {
            energy[year] = figures.energy
            co2[year] = figures.co2
        }
        let (rows, excluded) = UnitPlanBase.decompositionRows(years.filter { $0.value.energy > 0 })
        decompose(rows: rows) { _, _ in excluded }
    }

    private mutating func decompose(rows: [DecompositionRow], excluded: (Int, Int) -> Double) {
        let years = co2.keys.sorted()
        guard let first = years.first, let last = years.last, last > first,
            let data = try? DecompositionData(rows: rows),
            let result = try? Decomposition(data, from: first, to: last, form: .additive)
        else { return }
        decomposition = result
        excludedChange = excluded(first, last)
    }
}

extension PageHandlers {
    /// A unit's history for its roadmap: the latest fifteen years its inventories cover.
    func unitHistoryFigures(_ unitID: Int64) async throws -> HistoryFigures {
        HistoryFigures(unit: try await UnitHistoryStore(database).energyHistory(unitID: unitID))
    }
}

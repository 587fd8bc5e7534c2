import Accounting
import Pathways

/// What a region's imported statistics say for its roadmap: energy and CO2 by year (CO2 from each
/// carrier's factor of that year), and why CO2 moved from the first year to the last — LMDI over
/// the areas with value added, the rest's change beside it.
struct RegionHistoryFigures: Sendable {
    var energy: [Int: Double] = [:]
    var co2: [Int: Double] = [:]
    var decomposition: Decomposition?
    /// The change in CO2 of the areas left out of the decomposition (no value added).
    var excludedChange = 0.0

    init(_ history: RegionalHistory) throws {
        let code = history.regionCode
        guard case .success(let factors) = CarrierFactors.byYear(
            history.years.keys, from: try FactorLibrary.standard(), province: String(code.prefix(2)))
        else { return }
        for (year, statistics) in history.years where statistics.totalEnergy > 0 {
            energy[year] = statistics.totalEnergy
            co2[year] = history.totalCO2(year, factors: factors[year]!)
        }
        let years = co2.keys.sorted()
        guard let first = years.first, let last = years.last, last > first,
            let data = try? DecompositionData(rows: history.decompositionRows { factors[$0]! }),
            let result = try? Decomposition(data, from: first, to: last, form: .additive)
        else { return }
        decomposition = result
        excludedChange = history.excludedChanges(from: first, to: last) { factors[$0]! }.values.reduce(0, +)
    }
}

import Accounting
import Pathways
import Persistence

/// What a region's imported statistics say for its roadmap: energy and CO2 by year (CO2 from each
/// carrier's factor of that year), and why CO2 moved from the first year to the last — LMDI over
/// the areas with value added, the rest's change beside it.
struct RegionHistoryFigures: Sendable {
    var energy: [Int: Double] = [:]
    var co2: [Int: Double] = [:]
    var decomposition: Decomposition?
    /// The change in CO2 of the areas left out of the decomposition (no value added).
    var excludedChange = 0.0

    static func load(_ code: String, in database: PeakZeroDatabase) async throws -> RegionHistoryFigures {
        let history = try await RegionalStatisticsStore(database).history(regionCode: code)
        var figures = RegionHistoryFigures()
        guard case .success(let factors) = CarrierFactors.byYear(
            history.years.keys, from: try FactorLibrary.standard(), province: String(code.prefix(2)))
        else { return figures }
        for (year, statistics) in history.years where statistics.totalEnergy > 0 {
            figures.energy[year] = statistics.totalEnergy
            figures.co2[year] = history.co2(year, factors: factors[year]!).values.reduce(0) { $0 + $1.values.reduce(0, +) }
        }
        let years = figures.co2.keys.sorted()
        guard let first = years.first, let last = years.last, last > first,
            let data = try? DecompositionData(rows: history.decompositionRows { factors[$0]! }),
            let result = try? Decomposition(data, from: first, to: last, form: .additive)
        else { return figures }
        figures.decomposition = result
        figures.excludedChange = history.excludedChanges(from: first, to: last) { factors[$0]! }.values.reduce(0, +)
        return figures
    }
}

/// One year of a scenario: the economy, each area's activity, energy by carrier (当量值, after the
/// levers) and CO2 by carrier, the CO2 each lever avoids, and the totals a target is judged on.
public struct ScenarioYear: Sendable, Equatable {
    public let year: Int
    /// GDP, 万元 at the base year's constant prices.
    public let gdp: Double
    public let activity: [PlanningArea: Double]
    public let energy: [PlanningArea: [String: Double]]
    public let co2: [PlanningArea: [String: Double]]
    /// CO2 kept out of the air outside energy use (capture), by area; already taken off `totalCO2`.
    public let co2Avoided: [PlanningArea: Double]
    /// What each lever avoids this year, by lever id (t CO2).
    public let leverCO2: [String: Double]
    public let totalEnergy: Double
    /// Total energy at 等价值 (electricity at the supply coal rate).
    public let totalEnergyEquivalent: Double
    public let coal: Double
    public let totalCO2: Double

    /// tce per 万元 of GDP.
    public var energyIntensity: Double { totalEnergy / gdp }
    /// t CO2 per 万元 of GDP.
    public var carbonIntensity: Double { totalCO2 / gdp }

    public func energy(of area: PlanningArea) -> Double { Self.sum(energy[area]) }
    public func co2(of area: PlanningArea) -> Double { Self.sum(co2[area]) - (co2Avoided[area] ?? 0) }

    /// A carrier breakdown summed in the carriers' sorted order: the same last digit on every run.
    static func sum(_ byCarrier: [String: Double]?) -> Double {
        guard let byCarrier else { return 0 }
        return byCarrier.keys.sorted().reduce(0) { $0 + byCarrier[$1]! }
    }
}

/// A scenario run from the base year to its horizon.
public struct ScenarioResult: Sendable, Equatable {
    public let scenario: ResolvedScenario
    public let carriers: [CarrierSpec]
    /// The base year first, then each year to the horizon.
    public let years: [ScenarioYear]

    public func year(_ year: Int) -> ScenarioYear? { years.first { $0.year == year } }

    /// When total CO2 peaks, with a plateau tolerance (a share of the peak).
    public func peak(tolerance: Double = Peak.defaultTolerance) -> Peak? {
        Peak.find(years.map { ($0.year, $0.totalCO2) }, tolerance: tolerance)
    }

    /// A year laid out for LMDI: areas as sectors, the plan's carriers as carriers.
    public func snapshot(_ year: Int) -> DecompositionSnapshot? {
        guard let figures = self.year(year) else { return nil }
        let areas = PlanningArea.allCases, ids = carriers.map(\.id)
        return DecompositionSnapshot(
            activity: areas.map { figures.activity[$0] ?? 0 },
            energy: areas.flatMap { area in ids.map { figures.energy[area]?[$0] ?? 0 } },
            co2: areas.flatMap { area in ids.map { figures.co2[area]?[$0] ?? 0 } }, carriers: ids.count)
    }
}

extension ScenarioSet {
    /// Runs a scenario year by year: GDP grows at its rate; each area's activity at its own rate or
    /// at its elasticity times GDP growth (elasticity 1 when nothing is given); its energy per unit
    /// of activity changes at its yearly rate; the energy is split by the carrier mix, the levers'
    /// savings taken off each carrier (never below zero), and each carrier's energy multiplied by
    /// its emission factor of the year.
    public func run(_ id: String) -> ScenarioResult? {
        guard let scenario = resolved(id) else { return nil }
        var state = ScenarioState(base: base, scenario: scenario)
        var years = [state.figures(year: base.year)]
        for year in (base.year + 1)...scenario.horizon {
            state.advance(to: year)
            years.append(state.figures(year: year))
        }
        return ScenarioResult(scenario: scenario, carriers: base.carriers, years: years)
    }
}

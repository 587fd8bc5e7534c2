import Accounting

/// One year of a region's statistics: GDP and population, value added by area, energy by area
/// and carrier (tce, 当量值).
public struct RegionalYear: Sendable, Equatable {
    public var gdp: Double?
    public var population: Double?
    public var valueAdded: [PlanningArea: Double] = [:]
    public var energy: [PlanningArea: [RegionalCarrier: Double]] = [:]

    public init(gdp: Double? = nil, population: Double? = nil) {
        self.gdp = gdp
        self.population = population
    }

    /// An area's activity for a projection: its value added; for households, when they have none,
    /// the population (a projection runs each area on its own, so units may differ between areas).
    public func projectionActivity(of area: PlanningArea) -> Double? {
        valueAdded[area] ?? (area == .households ? population : nil)
    }

    /// Summed by area and carrier in their fixed order: the same last digit on every run.
    public var totalEnergy: Double { Self.total(energy) }

    static func total(_ byArea: [PlanningArea: [RegionalCarrier: Double]]) -> Double {
        byArea.keys.sorted().reduce(0) { sum, area in
            let byCarrier = byArea[area]!
            return byCarrier.keys.sorted().reduce(sum) { $0 + byCarrier[$1]! }
        }
    }
}

/// A region's history by year, and what the pathways make of it: CO2 by area and carrier (energy
/// × the carrier's factor of the year), rows for LMDI (areas as sectors), and a plan's base year.
public struct RegionalHistory: Sendable, Equatable {
    public let regionCode: String
    public let years: [Int: RegionalYear]

    public init(regionCode: String, years: [Int: RegionalYear]) {
        self.regionCode = regionCode
        self.years = years
    }

    /// A year's CO2 by area and carrier.
    public func co2(_ year: Int, factors: CarrierFactors) -> [PlanningArea: [RegionalCarrier: Double]] {
        (years[year]?.energy ?? [:]).mapValues { byCarrier in
            Dictionary(uniqueKeysWithValues: byCarrier.map { ($0.key, $0.value * (factors.emission[$0.key] ?? 0)) })
        }
    }

    /// A year's CO2 over every area and carrier (t).
    public func totalCO2(_ year: Int, factors: CarrierFactors) -> Double {
        RegionalYear.total(co2(year, factors: factors))
    }

    /// The areas LMDI can take: those with value added in every year they have energy. LMDI sums
    /// the sectors' activity, so it must be one measure; an area without value added (households,
    /// usually) is left out of the decomposition and its change reported beside it.
    public var decomposableAreas: Set<PlanningArea> {
        var areas = Set(years.values.flatMap { $0.energy.keys })
        for figures in years.values {
            for area in figures.energy.keys where (figures.valueAdded[area] ?? 0) <= 0 { areas.remove(area) }
        }
        return areas
    }

    /// Rows for a decomposition of the decomposable areas: each area a sector with its value added
    /// as activity, each carrier a carrier; `factors` gives each year's carrier factors.
    public func decompositionRows(factors: (Int) -> CarrierFactors) -> [DecompositionRow] {
        let areas = decomposableAreas
        var rows: [DecompositionRow] = []
        for (year, figures) in years.sorted(by: { $0.key < $1.key }) {
            let yearFactors = factors(year)
            for (area, byCarrier) in figures.energy.sorted(by: { $0.key < $1.key }) where areas.contains(area) {
                for (carrier, energy) in byCarrier.sorted(by: { $0.key < $1.key }) {
                    rows.append(
                        DecompositionRow(
                            year: year, sector: area.rawValue, carrier: carrier.rawValue,
                            activity: figures.valueAdded[area] ?? 0,
                            energy: StandardCoal(energy, .tonneCoalEquivalent),
                            co2: Emissions(energy * (yearFactors.emission[carrier] ?? 0), .tonneCO2e)))
                }
            }
        }
        return rows
    }

    /// The change in CO2 of each area left out of the decomposition, from one year to another.
    public func excludedChanges(from: Int, to: Int, factors: (Int) -> CarrierFactors) -> [PlanningArea: Double] {
        let areas = Set(years.values.flatMap { $0.energy.keys }).subtracting(decomposableAreas)
        let start = co2(from, factors: factors(from)), end = co2(to, factors: factors(to))
        var changes: [PlanningArea: Double] = [:]
        for area in areas {
            changes[area] = (end[area]?.values.reduce(0, +) ?? 0) - (start[area]?.values.reduce(0, +) ?? 0)
        }
        return changes
    }

    /// A plan's base year from this history: GDP, each area with energy, its activity and its energy by
    /// carrier; nil when the year has no GDP or no energy.
    public func planBase(year: Int, factors: CarrierFactors) -> PlanBase? {
        guard let figures = years[year], let gdp = figures.gdp, !figures.energy.isEmpty else { return nil }
        var areas: [PlanningArea: AreaBase] = [:]
        for (area, byCarrier) in figures.energy {
            areas[area] = AreaBase(
                activity: figures.projectionActivity(of: area) ?? 0,
                energy: Dictionary(uniqueKeysWithValues: byCarrier.map { ($0.key.rawValue, $0.value) }))
        }
        return PlanBase(year: year, gdp: gdp, population: figures.population, areas: areas, carriers: factors.specs())
    }
}

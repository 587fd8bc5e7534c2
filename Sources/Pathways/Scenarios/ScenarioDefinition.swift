/// A scenario (情景): the drivers of each area and carrier, year by year to its horizon. A scenario
/// with a parent inherits every driver and lever of it and overrides the years it gives; the
/// baseline has none.
public struct ScenarioDefinition: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var parent: String?
    /// The last year projected (at most 2060); inherited when nil.
    public var horizon: Int?
    /// GDP growth per year (a rate: 0.05 is 5 %), as steps.
    public var gdpGrowth: YearPath
    public var areas: [PlanningArea: AreaDrivers]
    /// Emission factors by carrier (tCO2 per tce), interpolated: the grid factor's decline, say.
    public var emissionFactors: [String: YearPath]
    /// 等价值 ÷ 当量值 by carrier, interpolated (electricity's supply coal rate falling, say).
    public var equivalentFactors: [String: YearPath]
    public var levers: [Lever]
    /// Levers of the parent this scenario leaves out, by id.
    public var removedLevers: [String]

    public init(
        id: String, name: String, parent: String? = nil, horizon: Int? = nil, gdpGrowth: YearPath = YearPath([:]),
        areas: [PlanningArea: AreaDrivers] = [:], emissionFactors: [String: YearPath] = [:],
        equivalentFactors: [String: YearPath] = [:], levers: [Lever] = [], removedLevers: [String] = []
    ) {
        self.id = id
        self.name = name
        self.parent = parent
        self.horizon = horizon
        self.gdpGrowth = gdpGrowth
        self.areas = areas
        self.emissionFactors = emissionFactors
        self.equivalentFactors = equivalentFactors
        self.levers = levers
        self.removedLevers = removedLevers
    }
}

/// An area's drivers.
public struct AreaDrivers: Sendable, Equatable, Codable {
    /// Activity growth per year as a rate (steps), or — where `activityElasticity` gives a year
    /// later than the rate's — as that elasticity times GDP growth.
    public var activityGrowth: YearPath
    public var activityElasticity: YearPath
    /// The yearly change of energy per unit of activity (−0.03 is 3 % less a year), as steps.
    public var intensityChange: YearPath
    /// Carrier shares of the area's energy at chosen years (each year's shares sum to 1),
    /// interpolated between them; the base year's shares before the first.
    public var mix: [Int: [String: Double]]

    public init(
        activityGrowth: YearPath = YearPath([:]), activityElasticity: YearPath = YearPath([:]),
        intensityChange: YearPath = YearPath([:]), mix: [Int: [String: Double]] = [:]
    ) {
        self.activityGrowth = activityGrowth
        self.activityElasticity = activityElasticity
        self.intensityChange = intensityChange
        self.mix = mix
    }

    /// These drivers with a child's laid over them.
    func overlaid(by child: AreaDrivers) -> AreaDrivers {
        AreaDrivers(
            activityGrowth: activityGrowth.overlaid(by: child.activityGrowth),
            activityElasticity: activityElasticity.overlaid(by: child.activityElasticity),
            intensityChange: intensityChange.overlaid(by: child.intensityChange),
            mix: mix.merging(child.mix) { _, new in new })
    }
}

/// A measure or project with its effect from a start year: energy no longer used, by carrier
/// (tce a year at full effect), and CO2 avoided outside energy use (capture, say). The effect
/// rises in equal steps over `rampYears` from the start year.
public struct Lever: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var area: PlanningArea
    public var startYear: Int
    public var rampYears: Int
    public var energySaved: [String: Double]
    public var co2Avoided: Double

    public init(
        id: String, name: String, area: PlanningArea, startYear: Int, rampYears: Int = 1,
        energySaved: [String: Double] = [:], co2Avoided: Double = 0
    ) {
        self.id = id
        self.name = name
        self.area = area
        self.startYear = startYear
        self.rampYears = rampYears
        self.energySaved = energySaved
        self.co2Avoided = co2Avoided
    }

    /// The share of the full effect in a year: 0 before the start, k/ramp in the k-th year.
    public func share(in year: Int) -> Double {
        guard year >= startYear else { return 0 }
        return min(1, Double(year - startYear + 1) / Double(max(rampYears, 1)))
    }
}

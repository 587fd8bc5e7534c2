/// One driver value of one scenario set (or, without a value, removed) — what the plan editor's form
/// changes, so a planner need not write the plan's JSON for a yearly rate.
public struct PlanDriverEdit: Sendable, Equatable {
    /// The economy's GDP growth (the scenario's own), or a driver of an area.
    public enum Driver: String, Sendable, CaseIterable {
        case gdpGrowth = "gdp_growth"
        case activityGrowth = "activity_growth"
        case activityElasticity = "activity_elasticity"
        case intensityChange = "intensity_change"
    }

    public var scenario: String
    /// nil for GDP growth, which is the scenario's, not an area's.
    public var area: PlanningArea?
    public var driver: Driver
    public var year: Int
    /// nil removes the year's value.
    public var value: Double?

    public init(scenario: String, area: PlanningArea?, driver: Driver, year: Int, value: Double?) {
        self.scenario = scenario
        self.area = area
        self.driver = driver
        self.year = year
        self.value = value
    }

    public enum Problem: String, Error, Sendable, Equatable {
        /// The plan has no scenario of that id.
        case unknownScenario
        /// GDP growth names no area; an area's driver needs one.
        case areaDoesNotFit
    }

    /// The plan with the value set; the plan is then checked whole as any other save.
    public func applied(to file: PlanFile) throws(Problem) -> PlanFile {
        guard let index = file.scenarios.firstIndex(where: { $0.id == scenario }) else { throw .unknownScenario }
        guard (driver == .gdpGrowth) == (area == nil) else { throw .areaDoesNotFit }
        var file = file
        var definition = file.scenarios[index]
        if let area {
            var drivers = definition.areas[area] ?? AreaDrivers()
            switch driver {
            case .activityGrowth: drivers.activityGrowth.points[year] = value
            case .activityElasticity: drivers.activityElasticity.points[year] = value
            case .intensityChange: drivers.intensityChange.points[year] = value
            case .gdpGrowth: break
            }
            definition.areas[area] = drivers
        } else {
            definition.gdpGrowth.points[year] = value
        }
        file.scenarios[index] = definition
        return file
    }
}

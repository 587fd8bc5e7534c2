/// How plans are written in JSON: snake_case keys, and every driver optional (an absent one is
/// empty), so a child scenario names only what it changes.
extension ScenarioDefinition {
    enum CodingKeys: String, CodingKey {
        case id, name, parent, horizon, areas, levers
        case gdpGrowth = "gdp_growth", emissionFactors = "emission_factors"
        case equivalentFactors = "equivalent_factors", removedLevers = "removed_levers"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id), name: try c.decodeIfPresent(String.self, forKey: .name) ?? "",
            parent: try c.decodeIfPresent(String.self, forKey: .parent),
            horizon: try c.decodeIfPresent(Int.self, forKey: .horizon),
            gdpGrowth: try c.decodeIfPresent(YearPath.self, forKey: .gdpGrowth) ?? YearPath([:]),
            areas: try c.decodeIfPresent([PlanningArea: AreaDrivers].self, forKey: .areas) ?? [:],
            emissionFactors: try c.decodeIfPresent([String: YearPath].self, forKey: .emissionFactors) ?? [:],
            equivalentFactors: try c.decodeIfPresent([String: YearPath].self, forKey: .equivalentFactors) ?? [:],
            levers: try c.decodeIfPresent([Lever].self, forKey: .levers) ?? [],
            removedLevers: try c.decodeIfPresent([String].self, forKey: .removedLevers) ?? [])
    }

    /// Writes only what the scenario says: an empty driver is left out, as a planner would.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(parent, forKey: .parent)
        try c.encodeIfPresent(horizon, forKey: .horizon)
        if !gdpGrowth.points.isEmpty { try c.encode(gdpGrowth, forKey: .gdpGrowth) }
        if !areas.isEmpty { try c.encode(areas, forKey: .areas) }
        if !emissionFactors.isEmpty { try c.encode(emissionFactors, forKey: .emissionFactors) }
        if !equivalentFactors.isEmpty { try c.encode(equivalentFactors, forKey: .equivalentFactors) }
        if !levers.isEmpty { try c.encode(levers, forKey: .levers) }
        if !removedLevers.isEmpty { try c.encode(removedLevers, forKey: .removedLevers) }
    }
}

extension AreaDrivers {
    enum CodingKeys: String, CodingKey {
        case mix
        case activityGrowth = "activity_growth", activityElasticity = "activity_elasticity"
        case intensityChange = "intensity_change"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            activityGrowth: try c.decodeIfPresent(YearPath.self, forKey: .activityGrowth) ?? YearPath([:]),
            activityElasticity: try c.decodeIfPresent(YearPath.self, forKey: .activityElasticity) ?? YearPath([:]),
            intensityChange: try c.decodeIfPresent(YearPath.self, forKey: .intensityChange) ?? YearPath([:]),
            mix: try c.decodeIfPresent([Int: [String: Double]].self, forKey: .mix) ?? [:])
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if !activityGrowth.points.isEmpty { try c.encode(activityGrowth, forKey: .activityGrowth) }
        if !activityElasticity.points.isEmpty { try c.encode(activityElasticity, forKey: .activityElasticity) }
        if !intensityChange.points.isEmpty { try c.encode(intensityChange, forKey: .intensityChange) }
        if !mix.isEmpty { try c.encode(mix, forKey: .mix) }
    }
}

extension Lever {
    enum CodingKeys: String, CodingKey {
        case id, name, area
        case startYear = "start_year", rampYears = "ramp_years", energySaved = "energy_saved"
        case co2Avoided = "co2_avoided"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id), name: try c.decodeIfPresent(String.self, forKey: .name) ?? "",
            area: try c.decode(PlanningArea.self, forKey: .area), startYear: try c.decode(Int.self, forKey: .startYear),
            rampYears: try c.decodeIfPresent(Int.self, forKey: .rampYears) ?? 1,
            energySaved: try c.decodeIfPresent([String: Double].self, forKey: .energySaved) ?? [:],
            co2Avoided: try c.decodeIfPresent(Double.self, forKey: .co2Avoided) ?? 0)
    }
}

extension CarrierSpec {
    enum CodingKeys: String, CodingKey {
        case id
        case nameZh = "name_zh", nameEn = "name_en", emissionFactor = "emission_factor"
        case equivalentFactor = "equivalent_factor", isCoal = "is_coal"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let id = try c.decode(String.self, forKey: .id)
        self.init(
            id: id, nameZh: try c.decodeIfPresent(String.self, forKey: .nameZh) ?? id,
            nameEn: try c.decodeIfPresent(String.self, forKey: .nameEn) ?? id,
            emissionFactor: try c.decode(Double.self, forKey: .emissionFactor),
            equivalentFactor: try c.decodeIfPresent(Double.self, forKey: .equivalentFactor) ?? 1,
            isCoal: try c.decodeIfPresent(Bool.self, forKey: .isCoal) ?? false)
    }
}

extension PlanFile {
    enum CodingKeys: String, CodingKey {
        case region, base, scenarios, targets
        case baseYear = "base_year", plateauTolerance = "plateau_tolerance"
    }
}

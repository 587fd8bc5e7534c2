/// A target a plan is judged against (the dual-control targets of a carbon-peak plan): a cap on a
/// total in a year, an intensity reduction from the base year by a year, or a peak by a year.
public struct PlanTarget: Sendable, Equatable, Codable {
    public enum Indicator: String, Sendable, Codable, CaseIterable {
        /// 能源消费总量 (tce, 当量值), 碳排放总量 (t), 煤炭消费总量 (tce): a cap in `year`.
        case energyTotal = "energy_total", carbonTotal = "carbon_total", coalTotal = "coal_total"
        /// 能耗强度, 碳排放强度 (per 万元 of GDP): a reduction of `value` (0.135 is 13.5 %) from the
        /// base year by `year`.
        case energyIntensity = "energy_intensity", carbonIntensity = "carbon_intensity"
        /// 碳达峰: total CO2 peaked by `year` (`value` unused).
        case peakBy = "peak_by"
    }

    public var id: String
    public var indicator: Indicator
    public var year: Int
    public var value: Double
    /// What the target is called where it was set (a target of the region's, 目标管理), if anywhere.
    public var name: String?
    /// An intensity reduction's own base year, when it is not the plan's: the limit is that year's
    /// intensity (`baseValue`, from the statistics when the year is before the plan's base year, or
    /// the scenario's own figure when after) less the reduction.
    public var baseYear: Int?
    public var baseValue: Double?

    public init(
        id: String, indicator: Indicator, year: Int, value: Double = 0, name: String? = nil, baseYear: Int? = nil,
        baseValue: Double? = nil
    ) {
        self.id = id
        self.indicator = indicator
        self.year = year
        self.value = value
        self.name = name
        self.baseYear = baseYear
        self.baseValue = baseValue
    }

    enum CodingKeys: String, CodingKey {
        case id, indicator, year, value, name
        case baseYear = "base_year", baseValue = "base_value"
    }

    /// `value` may be left out where it is unused (a peak-by target).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id), indicator: try c.decode(Indicator.self, forKey: .indicator),
            year: try c.decode(Int.self, forKey: .year), value: try c.decodeIfPresent(Double.self, forKey: .value) ?? 0,
            name: try c.decodeIfPresent(String.self, forKey: .name),
            baseYear: try c.decodeIfPresent(Int.self, forKey: .baseYear),
            baseValue: try c.decodeIfPresent(Double.self, forKey: .baseValue))
    }
}

/// A proposed project (两高项目 / 节能审查): where, from when, its yearly energy by carrier at full
/// output (tce, 当量值) and the value added it brings (万元 at constant prices).
public struct ProposedProject: Sendable, Equatable, Codable {
    public var name: String
    public var area: PlanningArea
    public var industry: String?
    public var startYear: Int
    public var energy: [String: Double]
    public var valueAdded: Double

    public init(
        name: String, area: PlanningArea, industry: String? = nil, startYear: Int, energy: [String: Double],
        valueAdded: Double
    ) {
        self.name = name
        self.area = area
        self.industry = industry
        self.startYear = startYear
        self.energy = energy
        self.valueAdded = valueAdded
    }

    enum CodingKeys: String, CodingKey {
        case name, area, industry, energy
        case startYear = "start_year", valueAdded = "value_added"
    }
}

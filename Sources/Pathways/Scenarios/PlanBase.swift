/// The base year a plan starts from: the economy, each area's activity and energy by carrier,
/// and the carriers themselves. Built from stored inventories and regional statistics, or given.
public struct PlanBase: Sendable, Equatable, Codable {
    public var year: Int
    /// GDP in 万元 at constant prices of the base year.
    public var gdp: Double
    public var population: Double?
    public var areas: [PlanningArea: AreaBase]
    public var carriers: [CarrierSpec]

    public init(year: Int, gdp: Double, population: Double? = nil, areas: [PlanningArea: AreaBase], carriers: [CarrierSpec]) {
        self.year = year
        self.gdp = gdp
        self.population = population
        self.areas = areas
        self.carriers = carriers
    }
}

/// One area in the base year: its activity (value added in 万元 at constant prices, or a physical
/// driver such as floor area or passenger-km) and its energy by carrier in tce (当量值).
public struct AreaBase: Sendable, Equatable, Codable {
    public var activity: Double
    public var energy: [String: Double]

    public init(activity: Double, energy: [String: Double]) {
        self.activity = activity
        self.energy = energy
    }

    /// Summed in the carriers' sorted order, so that every run gives the same last digit.
    public var totalEnergy: Double { energy.keys.sorted().reduce(0) { $0 + energy[$1]! } }
}

/// An energy carrier of a plan: its emission factor in tCO2 per tce (当量值) in the base year, the
/// ratio of its 等价值 to its 当量值 (1 for fuels; for electricity the supply coal rate over
/// 0.1229 kgce/kWh), and whether it counts towards coal consumption (煤炭消费总量).
public struct CarrierSpec: Sendable, Equatable, Codable {
    public var id: String
    public var nameZh: String
    public var nameEn: String
    public var emissionFactor: Double
    public var equivalentFactor: Double
    public var isCoal: Bool

    public init(
        id: String, nameZh: String, nameEn: String, emissionFactor: Double, equivalentFactor: Double = 1,
        isCoal: Bool = false
    ) {
        self.id = id
        self.nameZh = nameZh
        self.nameEn = nameEn
        self.emissionFactor = emissionFactor
        self.equivalentFactor = equivalentFactor
        self.isCoal = isCoal
    }
}

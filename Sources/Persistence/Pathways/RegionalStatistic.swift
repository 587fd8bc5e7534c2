import Accounting
import Pathways

/// One figure of a region's statistics for a year, in one of three shapes: energy of an area from a
/// carrier (tce, 当量值), value added of an area (万元 at constant prices), or the region's GDP
/// (万元 at constant prices) and population (万人).
public struct RegionalStatistic: Sendable, Equatable, Codable {
    public var regionCode: String
    public var year: Int
    public var area: PlanningArea?
    public var carrier: RegionalCarrier?
    public var energyTce: Double?
    public var valueAdded: Double?
    public var gdp: Double?
    public var population: Double?

    public init(
        regionCode: String, year: Int, area: PlanningArea? = nil, carrier: RegionalCarrier? = nil,
        energyTce: Double? = nil, valueAdded: Double? = nil, gdp: Double? = nil, population: Double? = nil
    ) {
        self.regionCode = regionCode
        self.year = year
        self.area = area
        self.carrier = carrier
        self.energyTce = energyTce
        self.valueAdded = valueAdded
        self.gdp = gdp
        self.population = population
    }

    public enum Shape: Sendable { case energy, valueAdded, totals }

    /// The row's shape, or nil when it mixes them or gives nothing.
    public var shape: Shape? {
        switch (area, carrier) {
        case (.some, .some) where energyTce != nil && valueAdded == nil && gdp == nil && population == nil: .energy
        case (.some, nil) where valueAdded != nil && energyTce == nil && gdp == nil && population == nil: .valueAdded
        case (nil, nil) where (gdp != nil || population != nil) && energyTce == nil && valueAdded == nil: .totals
        default: nil
        }
    }

    public var key: RegionalKey {
        RegionalKey(regionCode: regionCode, year: year, area: area?.rawValue ?? "", carrier: carrier?.rawValue ?? "")
    }
}

/// A region, year, area and carrier: the statistics hold at most one row for each.
public struct RegionalKey: Hashable, Sendable {
    public let regionCode: String
    public let year: Int
    public let area: String
    public let carrier: String
}

/// A stored row, with its id.
public struct StoredRegionalStatistic: Sendable, Equatable {
    public let id: Int64
    public let statistic: RegionalStatistic
}

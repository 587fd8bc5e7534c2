import Accounting

/// Which indicator a target holds down: one of the four (能源消费总量、碳排放总量、能耗强度、碳排放强度),
/// or coal consumption (煤炭消费总量), which a carbon-peak plan caps beside them (控煤).
public enum TargetIndicator: String, Sendable, Codable, CaseIterable {
    case energyTotal = "energy_total"
    case carbonTotal = "carbon_total"
    case energyIntensity = "energy_intensity"
    case carbonIntensity = "carbon_intensity"
    case coalTotal = "coal_total"

    public var isIntensity: Bool { self == .energyIntensity || self == .carbonIntensity }

    /// The four indicators units are ranked on (赛马); coal is capped, not ranked.
    public static let ranked: [TargetIndicator] = [.energyTotal, .carbonTotal, .energyIntensity, .carbonIntensity]

    /// The unit every amount of this indicator is held in.
    public var symbol: String {
        switch self {
        case .energyTotal, .coalTotal: "tce"
        case .carbonTotal: "tCO2e"
        case .energyIntensity: "tce/万元"
        case .carbonIntensity: "tCO2e/万元"
        }
    }

    /// The total an intensity divides (or the total itself).
    public var total: TargetIndicator {
        switch self {
        case .energyTotal, .energyIntensity: .energyTotal
        case .carbonTotal, .carbonIntensity: .carbonTotal
        case .coalTotal: .coalTotal
        }
    }

    public func name(in language: Language) -> String {
        switch (self, language) {
        case (.energyTotal, .zh): "能源消费总量"
        case (.energyTotal, .en): "total energy consumption"
        case (.carbonTotal, .zh): "碳排放总量"
        case (.carbonTotal, .en): "total carbon emissions"
        case (.energyIntensity, .zh): "能耗强度"
        case (.energyIntensity, .en): "energy intensity"
        case (.carbonIntensity, .zh): "碳排放强度"
        case (.carbonIntensity, .en): "carbon intensity"
        case (.coalTotal, .zh): "煤炭消费总量"
        case (.coalTotal, .en): "total coal consumption"
        }
    }
}

/// An amount of one indicator, always in that indicator's own unit (tce, tCO2e, tce per 万元 or
/// tCO2e per 万元 at constant prices): the indicator names the unit, so a value can never be read
/// in another. Built from typed quantities; `init(_:of:)` is for values already in that unit
/// (stored targets, a user's entry labelled with the unit).
public struct IndicatorAmount: Sendable, Equatable, Codable, Comparable {
    public let indicator: TargetIndicator
    public let value: Double

    public init(_ value: Double, of indicator: TargetIndicator) {
        self.indicator = indicator
        self.value = value
    }

    public init(_ energy: StandardCoal) {
        self.init(energy.value(in: .tonneCoalEquivalent), of: .energyTotal)
    }

    public init(_ emissions: Emissions) {
        self.init(emissions.value(in: .tonneCO2e), of: .carbonTotal)
    }

    public init(_ intensity: Rate<StandardCoalUnit, MoneyUnit>) {
        self.init(intensity.value(in: .tonneCoalEquivalent, per: .tenThousandYuan), of: .energyIntensity)
    }

    public init(_ intensity: Rate<EmissionUnit, MoneyUnit>) {
        self.init(intensity.value(in: .tonneCO2e, per: .tenThousandYuan), of: .carbonIntensity)
    }

    /// This amount scaled (a share of a cap, a reduced level).
    public func scaled(_ factor: Double) -> IndicatorAmount { IndicatorAmount(value * factor, of: indicator) }

    public static func < (a: IndicatorAmount, b: IndicatorAmount) -> Bool {
        precondition(a.indicator == b.indicator, "compared amounts of two indicators")
        return a.value < b.value
    }
}

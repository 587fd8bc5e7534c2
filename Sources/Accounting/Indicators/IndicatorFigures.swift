/// The four indicators (能源消费总量、碳排放总量、能耗强度、碳排放强度) of a unit, region or
/// breakdown cell, with the economic base they are divided by.
public struct IndicatorFigures: Sendable, Equatable {
    public var energyCalorific: StandardCoal
    public var energyEquivalent: StandardCoal
    public var scope1: Emissions
    public var scope2LocationBased: Emissions
    public var scope2MarketBased: Emissions
    /// Output value and value added at constant prices (万元), when economic data exist.
    public var outputValue: Money?
    public var valueAdded: Money?

    public init(
        energyCalorific: StandardCoal = .zero, energyEquivalent: StandardCoal = .zero, scope1: Emissions = .zero,
        scope2LocationBased: Emissions = .zero, scope2MarketBased: Emissions = .zero, outputValue: Money? = nil,
        valueAdded: Money? = nil
    ) {
        self.energyCalorific = energyCalorific
        self.energyEquivalent = energyEquivalent
        self.scope1 = scope1
        self.scope2LocationBased = scope2LocationBased
        self.scope2MarketBased = scope2MarketBased
        self.outputValue = outputValue
        self.valueAdded = valueAdded
    }

    /// 碳排放总量 under a scope-2 method.
    public func emissions(_ method: Scope2Method) -> Emissions {
        scope1 + (method == .location ? scope2LocationBased : scope2MarketBased)
    }

    /// 能耗强度: tce (当量值) per 万元 of the base at constant prices; nil without a positive base.
    public func energyIntensity(per base: EconomicBase) -> Rate<StandardCoalUnit, MoneyUnit>? {
        guard let money = base.pick(self), money.baseValue > 0 else { return nil }
        return Rate(
            energyCalorific.value(in: .tonneCoalEquivalent) / money.value(in: .tenThousandYuan), .tonneCoalEquivalent,
            per: .tenThousandYuan)
    }

    /// 碳排放强度: tCO2e per 万元 of the base at constant prices; nil without a positive base.
    public func carbonIntensity(per base: EconomicBase, method: Scope2Method) -> Rate<EmissionUnit, MoneyUnit>? {
        guard let money = base.pick(self), money.baseValue > 0 else { return nil }
        return Rate(
            emissions(method).value(in: .tonneCO2e) / money.value(in: .tenThousandYuan), .tonneCO2e,
            per: .tenThousandYuan)
    }

    public static func + (a: IndicatorFigures, b: IndicatorFigures) -> IndicatorFigures {
        func add(_ x: Money?, _ y: Money?) -> Money? {
            switch (x, y) {
            case (nil, nil): nil
            case (let x?, nil): x
            case (nil, let y?): y
            case (let x?, let y?): x + y
            }
        }
        return IndicatorFigures(
            energyCalorific: a.energyCalorific + b.energyCalorific,
            energyEquivalent: a.energyEquivalent + b.energyEquivalent,
            scope1: a.scope1 + b.scope1, scope2LocationBased: a.scope2LocationBased + b.scope2LocationBased,
            scope2MarketBased: a.scope2MarketBased + b.scope2MarketBased,
            outputValue: add(a.outputValue, b.outputValue),
            valueAdded: add(a.valueAdded, b.valueAdded))
    }
}

/// What an intensity is divided by.
public enum EconomicBase: String, Sendable, CaseIterable, Codable {
    case outputValue = "output_value"
    case valueAdded = "value_added"

    func pick(_ figures: IndicatorFigures) -> Money? {
        self == .outputValue ? figures.outputValue : figures.valueAdded
    }
}

/// Relative change from last year: (this − last) ÷ last; nil when last year is zero or unknown.
public func yearOnYear(_ current: Double?, _ previous: Double?) -> Double? {
    guard let current, let previous, previous != 0 else { return nil }
    return (current - previous) / abs(previous)
}

/// Brings an amount at current prices to constant prices of the base year: ÷ (price index ÷ 100).
public func atConstantPrices(_ amount: Money, priceIndex: Double) -> Money {
    Money(amount.value / (priceIndex / 100), amount.unit)
}

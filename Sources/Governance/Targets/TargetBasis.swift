import Accounting

/// How a target's indicator is measured from the inventories, chosen when the target is set:
/// the economic base of an intensity, the scope-2 method, the electricity basis of energy, and
/// what is deducted (green power measured in the data; feedstock energy and new renewable energy
/// as yearly amounts the target's owner records, since the activity data do not tell them apart).
public struct TargetBasis: Sendable, Equatable, Codable {
    public var economicBase: EconomicBase
    public var scope2: Scope2Method
    public var energyBasis: EnergyBasis
    /// Green power bought (绿电) is left out: of carbon by the market-based scope 2, of energy by its standard coal.
    public var deductGreenPower: Bool
    /// Feedstock energy (原料用能) and new renewable energy (新增可再生能源) left out of energy, by year, in tce.
    public var deductions: [Int: Deduction]

    public init(
        economicBase: EconomicBase = .valueAdded, scope2: Scope2Method = .location,
        energyBasis: EnergyBasis = .calorific,
        deductGreenPower: Bool = false, deductions: [Int: Deduction] = [:]
    ) {
        self.economicBase = economicBase
        self.scope2 = scope2
        self.energyBasis = energyBasis
        self.deductGreenPower = deductGreenPower
        self.deductions = deductions
    }

    /// The carbon method: market-based when green power is deducted.
    public var carbonMethod: Scope2Method { deductGreenPower ? .market : scope2 }
}

/// Amounts of energy a target leaves out in one year.
public struct Deduction: Sendable, Equatable, Codable {
    public var feedstock: StandardCoal
    public var newRenewables: StandardCoal

    public init(feedstock: StandardCoal = .zero, newRenewables: StandardCoal = .zero) {
        self.feedstock = feedstock
        self.newRenewables = newRenewables
    }

    public var total: StandardCoal { feedstock + newRenewables }

    /// `feedstock_tce` and `new_renewables_tce` in the API's snake_case.
    enum CodingKeys: String, CodingKey { case feedstockTce, newRenewablesTce }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        feedstock = StandardCoal(try c.decodeIfPresent(Double.self, forKey: .feedstockTce) ?? 0, .tonneCoalEquivalent)
        newRenewables = StandardCoal(
            try c.decodeIfPresent(Double.self, forKey: .newRenewablesTce) ?? 0, .tonneCoalEquivalent)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(feedstock.value(in: .tonneCoalEquivalent), forKey: .feedstockTce)
        try c.encode(newRenewables.value(in: .tonneCoalEquivalent), forKey: .newRenewablesTce)
    }
}

/// How electricity counts in energy: 当量值 (calorific, 0.1229 kgce/kWh) or 等价值 (the power
/// sector's coal rate). GB/T 2589-2020 asks for both; a target names the one it is set in.
public enum EnergyBasis: String, Sendable, Codable, CaseIterable {
    case calorific, equivalent
}

/// One period's figures as a target measures them: the indicators' totals and the green power
/// inside them (to deduct), with the period's economic base; and the coal consumed, when it was
/// read (for a coal target: the energy, at 当量值, of the items counted as coal).
public struct MeasuredFigures: Sendable, Equatable {
    public var figures: IndicatorFigures
    public var greenPower: IndicatorFigures
    public var coal: StandardCoal?

    public init(_ figures: IndicatorFigures, greenPower: IndicatorFigures = IndicatorFigures(), coal: StandardCoal? = nil) {
        self.figures = figures
        self.greenPower = greenPower
        self.coal = coal
    }

    public static func + (a: MeasuredFigures, b: MeasuredFigures) -> MeasuredFigures {
        let coal: StandardCoal? =
            switch (a.coal, b.coal) {
            case (nil, nil): nil
            case (let x, let y): (x ?? .zero) + (y ?? .zero)
            }
        return MeasuredFigures(a.figures + b.figures, greenPower: a.greenPower + b.greenPower, coal: coal)
    }

    /// The total (energy or carbon) the basis measures, less the entered deduction.
    public func total(_ indicator: TargetIndicator, _ basis: TargetBasis, less deducted: StandardCoal = .zero)
        -> IndicatorAmount
    {
        switch indicator.total {
        case .coalTotal:
            // The reader fills coal for every period of a coal target (`GovernanceFigures`).
            return IndicatorAmount((coal ?? .zero).value(in: .tonneCoalEquivalent), of: .coalTotal)
        case .energyTotal:
            func energy(_ f: IndicatorFigures) -> StandardCoal {
                basis.energyBasis == .calorific ? f.energyCalorific : f.energyEquivalent
            }
            var amount = energy(figures) - deducted
            if basis.deductGreenPower { amount = amount - energy(greenPower) }
            return IndicatorAmount(amount)
        default:
            return IndicatorAmount(figures.emissions(basis.carbonMethod))
        }
    }

    /// The economic base (万元 at constant prices) an intensity divides by; nil without a positive one.
    public func base(_ basis: TargetBasis) -> Money? {
        let money = basis.economicBase == .outputValue ? figures.outputValue : figures.valueAdded
        guard let money, money.baseValue > 0 else { return nil }
        return money
    }

    /// The indicator over the whole period (the total, or the total ÷ the base); nil for an intensity without a base.
    public func amount(_ indicator: TargetIndicator, _ basis: TargetBasis, less deducted: StandardCoal = .zero)
        -> IndicatorAmount?
    {
        let total = total(indicator, basis, less: deducted)
        guard indicator.isIntensity else { return total }
        guard let base = base(basis) else { return nil }
        return IndicatorAmount(total.value / base.value(in: .tenThousandYuan), of: indicator)
    }
}

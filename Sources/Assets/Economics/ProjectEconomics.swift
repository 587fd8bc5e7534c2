import Foundation
import Accounting

/// A price or a cost per tonne of CO2e, e.g. 62.36 CNY/tCO2e (the national market's 2025 average).
public typealias CarbonPrice = Rate<MoneyUnit, EmissionUnit>

extension Rate where Numerator == MoneyUnit, Denominator == EmissionUnit {
    /// `value` yuan per tonne of CO2e: how prices and abatement costs are quoted.
    public static func yuanPerTonne(_ value: Double) -> CarbonPrice { CarbonPrice(value, .yuan, per: .tonneCO2e) }

    public var yuanPerTonne: Double { value(in: .yuan, per: .tonneCO2e) }
}

/// A project's money and abatement over its life, and the figures a manager compares projects by.
///
/// Conventions (stated because spreadsheets differ): the investment is paid at the start (year 0);
/// operating cost, benefit and abatement arrive at the end of each of the lifetime's years, equal
/// every year; prices are today's (real terms), so the discount rate is a real rate.
public struct ProjectCashFlows: Sendable, Equatable {
    public var capex: Money
    public var yearlyOpex: Money
    public var yearlyBenefit: Money
    public var lifetimeYears: Int
    /// CO2e avoided each year (the savings' location- or market-based figure, as chosen).
    public var yearlyAbatement: Emissions

    /// The real discount rate figures use unless the reader chooses another: PeakZero's default (8 %),
    /// a convention stated in docs/assets.md, not a published rate.
    public static let defaultDiscountRate = 0.08

    public init(capex: Money, yearlyOpex: Money, yearlyBenefit: Money, lifetimeYears: Int, yearlyAbatement: Emissions) {
        self.capex = capex
        self.yearlyOpex = yearlyOpex
        self.yearlyBenefit = yearlyBenefit
        self.lifetimeYears = lifetimeYears
        self.yearlyAbatement = yearlyAbatement
    }

    public init(project: ReductionProject, yearlyAbatement: Emissions) {
        self.init(
            capex: project.capex, yearlyOpex: project.yearlyOpex, yearlyBenefit: project.yearlyBenefit,
            lifetimeYears: project.lifetimeYears, yearlyAbatement: yearlyAbatement)
    }

    /// Σ 1/(1+r)^t over the lifetime's years: what a flow of one each year is worth today.
    public func annuityFactor(rate: Double) -> Double {
        let years = Double(lifetimeYears)
        guard rate != 0 else { return years }
        return (1 - pow(1 + rate, -years)) / rate
    }

    /// What the project is worth today: −investment + the discounted yearly benefit less operating
    /// cost, plus the abatement sold at `carbonPrice` when one is given.
    public func netPresentValue(rate: Double, carbonPrice: CarbonPrice? = nil) -> Money {
        Money(-capex.baseValue + yearlyNet(carbonPrice) * annuityFactor(rate: rate), .tenThousandYuan)
    }

    /// Years until the undiscounted yearly net benefit repays the investment; nil when the project
    /// never repays it (its yearly net benefit is zero or negative).
    public func simplePayback(carbonPrice: CarbonPrice? = nil) -> Double? {
        let yearly = yearlyNet(carbonPrice)
        guard yearly > 0 else { return nil }
        return capex.baseValue / yearly
    }

    /// The levelised cost of abatement: the present value of the net cost (investment plus
    /// operating cost less benefit) ÷ the present value of the abatement. Negative when the project
    /// pays for itself. Nil when the project abates nothing.
    public func levelisedCost(rate: Double) -> CarbonPrice? {
        let factor = annuityFactor(rate: rate)
        let abatement = yearlyAbatement.value(in: .tonneCO2e) * factor
        guard abatement > 0 else { return nil }
        let netCost = capex.baseValue + (yearlyOpex.baseValue - yearlyBenefit.baseValue) * factor
        return CarbonPrice(netCost / abatement, .tenThousandYuan, per: .tonneCO2e).converted(to: .yuan)
    }

    /// The yearly benefit less operating cost in 万元, with the abatement's value at `price`.
    private func yearlyNet(_ price: CarbonPrice?) -> Double {
        let carbon = price.map { $0.applied(to: yearlyAbatement).baseValue } ?? 0
        return yearlyBenefit.baseValue - yearlyOpex.baseValue + carbon
    }
}

extension Rate where Numerator == MoneyUnit {
    /// The same rate with its money in `unit`.
    func converted(to unit: MoneyUnit) -> Rate { Rate(value(in: unit, per: denominator), unit, per: denominator) }
}

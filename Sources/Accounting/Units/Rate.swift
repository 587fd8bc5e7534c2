/// A factor that turns a quantity of one family into a quantity of another, e.g. an NCV in GJ/t,
/// a carbon content in tC/GJ, a grid factor in tCO2/MWh or a standard-coal coefficient in kgce/kWh.
///
/// `applied(to:)` converts the quantity into the rate's own denominator first, so a grid factor
/// written per MWh gives the right answer for a quantity in kWh, and never a ×1000 error.
public struct Rate<Numerator: UnitFamily, Denominator: UnitFamily>: Sendable, Equatable {
    public let value: Double
    public let numerator: Numerator
    public let denominator: Denominator

    public init(_ value: Double, _ numerator: Numerator, per denominator: Denominator) {
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
    }

    public func applied(to quantity: Quantity<Denominator>) -> Quantity<Numerator> {
        Quantity(value * quantity.value(in: denominator), numerator)
    }

    /// The rate in other units: e.g. 0.1229 kgce/kWh is 0.1229 tce/MWh.
    public func value(in numerator: Numerator, per denominator: Denominator) -> Double {
        value * self.numerator.toBase / numerator.toBase * denominator.toBase / self.denominator.toBase
    }

    public var symbol: String { "\(numerator.symbol)/\(denominator.symbol)" }

    public static func == (lhs: Rate, rhs: Rate) -> Bool {
        lhs.value(in: Numerator.base, per: Denominator.base) == rhs.value(in: Numerator.base, per: Denominator.base)
    }
}

public func * <N, D>(quantity: Quantity<D>, rate: Rate<N, D>) -> Quantity<N> { rate.applied(to: quantity) }

public typealias CarbonContent = Rate<CarbonMassUnit, EnergyUnit>
public typealias EmissionFactorPerEnergy = Rate<EmissionUnit, EnergyUnit>
public typealias GlobalWarmingPotential = Rate<EmissionUnit, MassUnit>

/// A share between 0 and 1, such as a carbon oxidation rate.
public struct Fraction: Sendable, Equatable {
    public let value: Double
    public init?(_ value: Double) {
        guard value.isFinite, value >= 0, value <= 1 else { return nil }
        self.value = value
    }
}

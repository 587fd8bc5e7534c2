/// A family of units that measure the same physical dimension, such as mass or energy.
///
/// Every quantity and every factor in PeakZero carries a unit from one of these families, so that
/// a value in kg can never be added to a value in t, and a value in MWh can never be multiplied by
/// a factor written per GJ, without an explicit conversion through `toBase`.
public protocol UnitFamily: Hashable, Sendable, CaseIterable {
    /// How many base units one of this unit is (e.g. 1 kg = 0.001 t when the base is t).
    var toBase: Double { get }
    /// The symbol PeakZero prints, e.g. `t`, `10^4Nm3`, `MWh`.
    var symbol: String { get }
    /// The unit all values of the family are summed in.
    static var base: Self { get }
    /// The dimension's name, for messages.
    static var dimension: Dimension { get }
}

/// The physical dimensions a user's quantity can have.
public enum Dimension: String, Sendable, Hashable, CaseIterable {
    case mass
    case volume
    case energy
    case standardCoal = "standard_coal"
    case emissions
    case carbonMass = "carbon_mass"
    case money
}

/// A value together with its unit. Arithmetic only combines quantities of the same family, and
/// always through the family's base unit, so a kg can never be summed as if it were a t.
///
/// Values are `Double`: factors carry four or five significant digits, and binary floating point
/// keeps roll-ups fast. Rounding happens only when a figure is displayed or exported.
public struct Quantity<Unit: UnitFamily>: Sendable {
    public let value: Double
    public let unit: Unit

    public init(_ value: Double, _ unit: Unit) {
        self.value = value
        self.unit = unit
    }

    public static var zero: Quantity { Quantity(0, Unit.base) }

    /// The value expressed in the family's base unit.
    public var baseValue: Double { value * unit.toBase }

    /// The value expressed in `other`.
    public func value(in other: Unit) -> Double {
        other == unit ? value : baseValue / other.toBase
    }

    public func converted(to other: Unit) -> Quantity {
        Quantity(value(in: other), other)
    }

    public static func + (lhs: Quantity, rhs: Quantity) -> Quantity {
        Quantity(lhs.baseValue + rhs.baseValue, Unit.base)
    }

    public static func - (lhs: Quantity, rhs: Quantity) -> Quantity {
        Quantity(lhs.baseValue - rhs.baseValue, Unit.base)
    }

    public static func += (lhs: inout Quantity, rhs: Quantity) { lhs = lhs + rhs }

    public static func * (lhs: Quantity, scale: Double) -> Quantity {
        Quantity(lhs.value * scale, lhs.unit)
    }

    public static prefix func - (q: Quantity) -> Quantity { Quantity(-q.value, q.unit) }
}

extension Quantity: Equatable {
    /// Equal when they measure the same amount, whatever unit each is written in.
    public static func == (lhs: Quantity, rhs: Quantity) -> Bool { lhs.baseValue == rhs.baseValue }
}

extension Quantity: Comparable {
    public static func < (lhs: Quantity, rhs: Quantity) -> Bool { lhs.baseValue < rhs.baseValue }
}

extension Quantity: CustomStringConvertible {
    public var description: String { "\(value) \(unit.symbol)" }
}

extension Sequence {
    /// The sum of the quantities picked out by `quantity`, in the base unit.
    public func sum<U: UnitFamily>(_ quantity: (Element) -> Quantity<U>) -> Quantity<U> {
        reduce(Quantity<U>.zero) { $0 + quantity($1) }
    }
}

public typealias Mass = Quantity<MassUnit>
public typealias GasVolume = Quantity<VolumeUnit>
public typealias Energy = Quantity<EnergyUnit>
public typealias StandardCoal = Quantity<StandardCoalUnit>
public typealias Emissions = Quantity<EmissionUnit>
public typealias CarbonMass = Quantity<CarbonMassUnit>
public typealias Money = Quantity<MoneyUnit>

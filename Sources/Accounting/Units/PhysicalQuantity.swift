/// A quantity read from an activity record: a value in a unit whose family is known at run time.
public enum PhysicalQuantity: Sendable, Equatable {
    case mass(Mass)
    case volume(GasVolume)
    case energy(Energy)
    case standardCoal(StandardCoal)

    public init(_ value: Double, _ unit: UnitOfMeasure) {
        switch unit {
        case .mass(let u): self = .mass(Mass(value, u))
        case .volume(let u): self = .volume(GasVolume(value, u))
        case .energy(let u): self = .energy(Energy(value, u))
        case .standardCoal(let u): self = .standardCoal(StandardCoal(value, u))
        }
    }

    /// The unit it is written in.
    public var unit: UnitOfMeasure {
        switch self {
        case .mass(let q): .mass(q.unit)
        case .volume(let q): .volume(q.unit)
        case .energy(let q): .energy(q.unit)
        case .standardCoal(let q): .standardCoal(q.unit)
        }
    }

    public var dimension: Dimension { unit.dimension }

    public var value: Double {
        switch self {
        case .mass(let q): q.value
        case .volume(let q): q.value
        case .energy(let q): q.value
        case .standardCoal(let q): q.value
        }
    }

    public var unitSymbol: String { unit.symbol }

    /// The value in the base unit of its family (t, Nm³, GJ, tce …): quantities of one dimension
    /// written in different units compare by it.
    public var baseValue: Double {
        switch self {
        case .mass(let q): q.baseValue
        case .volume(let q): q.baseValue
        case .energy(let q): q.baseValue
        case .standardCoal(let q): q.baseValue
        }
    }
}

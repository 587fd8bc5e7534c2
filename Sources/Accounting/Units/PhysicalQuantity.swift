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

    public var dimension: Dimension {
        switch self {
        case .mass: .mass
        case .volume: .volume
        case .energy: .energy
        case .standardCoal: .standardCoal
        }
    }

    public var value: Double {
        switch self {
        case .mass(let q): q.value
        case .volume(let q): q.value
        case .energy(let q): q.value
        case .standardCoal(let q): q.value
        }
    }

    public var unitSymbol: String {
        switch self {
        case .mass(let q): q.unit.symbol
        case .volume(let q): q.unit.symbol
        case .energy(let q): q.unit.symbol
        case .standardCoal(let q): q.unit.symbol
        }
    }
}

/// A unit of measure as it appears on an activity record, whose family is known only at run time.
public enum UnitOfMeasure: Sendable, Hashable {
    case mass(MassUnit)
    case volume(VolumeUnit)
    case energy(EnergyUnit)
    case standardCoal(StandardCoalUnit)

    public var dimension: Dimension {
        switch self {
        case .mass: .mass
        case .volume: .volume
        case .energy: .energy
        case .standardCoal: .standardCoal
        }
    }

    public var symbol: String {
        switch self {
        case .mass(let u): u.symbol
        case .volume(let u): u.symbol
        case .energy(let u): u.symbol
        case .standardCoal(let u): u.symbol
        }
    }

    /// Reads a unit the way users type it: `t`, `吨`, `万Nm3`, `万立方米`, `kWh`, `度`, `百万千焦`, `tce` …
    /// Case, spaces, superscripts and full-width characters are ignored. Returns nil for anything else.
    public init?(parsing text: String) {
        guard let unit = UnitOfMeasure.spellings[UnitOfMeasure.normalise(text)] else { return nil }
        self = unit
    }

    /// Every spelling the parser accepts, by the unit it stands for (for documentation and tests).
    public static var acceptedSpellings: [(spelling: String, unit: UnitOfMeasure)] {
        spellingTable.flatMap { unit, spellings in spellings.map { ($0, unit) } }
    }

    static func normalise(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ", "\t", "\u{3000}", "\u{00A0}": continue
            case "³": out.append("3")
            case "⁴": out.append("4")
            case "（": out.append("(")
            case "）": out.append(")")
            default:
                // Full-width ASCII (Ｋｗｈ) to half-width.
                if (0xFF01...0xFF5E).contains(scalar.value), let half = Unicode.Scalar(scalar.value - 0xFEE0) {
                    out.unicodeScalars.append(half)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out.lowercased()
    }

    private static let spellings: [String: UnitOfMeasure] = {
        var table: [String: UnitOfMeasure] = [:]
        for (unit, names) in spellingTable {
            for name in names { table[normalise(name)] = unit }
        }
        return table
    }()
}

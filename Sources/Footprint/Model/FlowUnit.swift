import Accounting

/// The unit an exchange is measured in: PeakZero's units of measure (mass, gas volume, energy,
/// standard coal), and the three that life-cycle models also need — pieces (a cell, a pack),
/// tonne-kilometres of freight and litres of a liquid (PeakZero's m³ is a gas's Nm³).
public enum FlowUnit: Hashable, Sendable {
    case measure(UnitOfMeasure)
    case items
    case tonneKilometres
    case litres

    /// Reads a unit as users type it: everything `UnitOfMeasure` reads, plus `piece`, `pcs`, `item`,
    /// `件`, `个`, `只` and `t*km`, `tkm`, `t·km`, `吨公里`.
    public init?(parsing text: String) {
        let compact = text.filter { !$0.isWhitespace }.lowercased()
        if Self.itemSpellings.contains(compact) {
            self = .items
        } else if Self.freightSpellings.contains(compact) {
            self = .tonneKilometres
        } else if Self.litreSpellings.contains(compact) {
            self = .litres
        } else if let unit = UnitOfMeasure(parsing: text) {
            self = .measure(unit)
        } else {
            return nil
        }
    }

    private static let itemSpellings: Set<String> = [
        "piece", "pieces", "pcs", "pc", "item", "items", "unit", "件", "个", "只", "台", "套",
    ]
    private static let litreSpellings: Set<String> = ["l", "litre", "litres", "liter", "liters", "升"]
    private static let freightSpellings: Set<String> = ["t*km", "tkm", "t·km", "t-km", "吨公里", "吨·公里"]

    public var symbol: String {
        switch self {
        case .measure(let unit): unit.symbol
        case .items: "item"
        case .tonneKilometres: "t·km"
        case .litres: "L"
        }
    }

    /// What the unit measures, for messages and for matching an exchange to its product.
    public var dimension: String {
        switch self {
        case .measure(let unit): unit.dimension.rawValue
        case .items: "items"
        case .tonneKilometres: "freight"
        case .litres: "liquid volume"
        }
    }

    /// How many of the dimension's base unit one of this unit is.
    var toBase: Double {
        switch self {
        case .measure(.mass(let unit)): unit.toBase
        case .measure(.volume(let unit)): unit.toBase
        case .measure(.energy(let unit)): unit.toBase
        case .measure(.standardCoal(let unit)): unit.toBase
        case .items, .tonneKilometres, .litres: 1
        }
    }

    /// The factor that turns an amount in this unit into one in `other`; nil when they measure
    /// different things (kg into kWh).
    public func factor(to other: FlowUnit) -> Double? {
        guard dimension == other.dimension else { return nil }
        return toBase / other.toBase
    }
}

extension FlowUnit: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let unit = FlowUnit(parsing: text) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath, debugDescription: "“\(text)” is no unit of measure PeakZero knows"))
        }
        self = unit
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(symbol)
    }
}

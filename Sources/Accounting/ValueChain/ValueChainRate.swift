/// What a value-chain factor is per: a physical unit, a piece, a tonne- or passenger-kilometre, or
/// an amount of money in one currency.
public enum ValueChainBasis: Sendable, Hashable {
    case physical(UnitOfMeasure)
    case count
    /// Tonne-kilometres of freight.
    case freight
    /// Passenger-kilometres.
    case passenger
    case money(Currency)

    public var symbol: String {
        switch self {
        case .physical(let unit): unit.symbol
        case .count: "piece"
        case .freight: "t·km"
        case .passenger: "p·km"
        case .money(let currency): currency.symbol
        }
    }

    /// A basis as a sheet or a factor's unit writes it: `t`, `kWh`, `件`, `tkm`, `吨公里`, `pkm`,
    /// `元`, `万元`, `USD` …; nil for anything else.
    public init?(parsing text: String) {
        if let unit = UnitOfMeasure(parsing: text) {
            self = .physical(unit)
            return
        }
        let key = UnitOfMeasure.normalise(text).replacingOccurrences(of: "·", with: "").replacingOccurrences(
            of: ".", with: ""
        ).replacingOccurrences(of: "-", with: "")
        if ["件", "个", "台", "套", "piece", "pieces", "pcs", "item", "items"].contains(key) {
            self = .count
        } else if ["tkm", "吨公里", "吨千米"].contains(key) {
            self = .freight
        } else if ["pkm", "人公里", "人千米", "passengerkm"].contains(key) {
            self = .passenger
        } else if let currency = Currency(parsing: text) {
            self = .money(currency)
        } else {
            return nil
        }
    }
}

/// A currency and how many of its units one basis unit is (万元 is 10,000 CNY).
public struct Currency: Sendable, Hashable {
    /// The ISO 4217 code.
    public let code: String
    public let scale: Double

    public init(code: String, scale: Double = 1) {
        self.code = code
        self.scale = scale
    }

    public var symbol: String {
        switch (code, scale) {
        case ("CNY", 1): "CNY"
        case ("CNY", 1_000): "10^3CNY"
        case ("CNY", 10_000): "10^4CNY"
        default: scale == 1 ? code : "\(Int(scale)) \(code)"
        }
    }

    /// `元`, `人民币`, `万元`, `千元`, or any three-letter ISO 4217 code (`USD`, `eur`).
    public init?(parsing text: String) {
        let key = UnitOfMeasure.normalise(text)
        switch key {
        case "元", "yuan", "rmb", "cny", "人民币": self.init(code: "CNY")
        case "千元", "10^3cny", "10^3元": self.init(code: "CNY", scale: 1_000)
        case "万元", "10^4cny", "10^4元", "10^4yuan": self.init(code: "CNY", scale: 10_000)
        default:
            guard key.count == 3, key.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
            self.init(code: key.uppercased())
        }
    }
}

/// A value-chain factor's value: emissions per one unit of its basis.
public struct ValueChainRate: Sendable, Equatable {
    public let value: Double
    public let emissions: EmissionUnit
    public let basis: ValueChainBasis

    public init(_ value: Double, _ emissions: EmissionUnit, per basis: ValueChainBasis) {
        self.value = value
        self.emissions = emissions
        self.basis = basis
    }

    /// Reads `kgCO2e/t`, `tCO2e/万元`, `kgCO2e/tkm` …; nil when either side is not understood.
    init?(_ value: Double, unit: String) {
        let parts = unit.trimmed.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2, let emissions = EmissionUnit.parse(parts[0]),
            let basis = ValueChainBasis(parsing: parts[1])
        else { return nil }
        self.init(value, emissions, per: basis)
    }

    /// Tonnes CO2e per one unit of the basis.
    public var tonnesPerBasisUnit: Double { value * emissions.toBase }

    public var symbol: String { "\(emissions.symbol)/\(basis.symbol)" }
}

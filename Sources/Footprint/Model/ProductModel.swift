import Foundation

/// A product system as its author writes it: processes with their exchanges, the declared (or
/// functional) unit and the system boundary. Everything a footprint rests on is in here or cited
/// from a factor set; `SystemMatrices` turns it into the matrices the solver needs, checking it.
public struct ProductModel: Codable, Sendable, Equatable {
    public var name: String
    /// What the footprint is declared for: an amount of one process's product.
    public var declaredUnit: DeclaredUnit
    public var boundary: SystemBoundary
    public var processes: [ProcessModel]
    /// The cut-off rule, in the author's words (for the declaration).
    public var cutOff: String?
    /// For a battery: what its per-kWh declaration needs.
    public var battery: BatteryRating?
    /// The model's own background factors, each cited: used before any factor set's of the same id.
    public var backgroundFactors: [BackgroundFactorEntry]?

    public init(
        name: String, declaredUnit: DeclaredUnit, boundary: SystemBoundary, processes: [ProcessModel],
        cutOff: String? = nil, battery: BatteryRating? = nil, backgroundFactors: [BackgroundFactorEntry]? = nil
    ) {
        self.name = name
        self.declaredUnit = declaredUnit
        self.boundary = boundary
        self.processes = processes
        self.cutOff = cutOff
        self.battery = battery
        self.backgroundFactors = backgroundFactors
    }

    /// Reads the model's JSON form (snake_case keys, as the API and the files write them).
    public static func decode(json: Data) throws -> ProductModel {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(ProductModel.self, from: json)
    }

    public func encodedJSON() throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self)
    }
}

/// cradle-to-gate gives a partial footprint (GB/T 24067-2024 §3: 部分产品碳足迹), cradle-to-grave a
/// whole one.
public enum SystemBoundary: String, Codable, Sendable, CaseIterable {
    case cradleToGate = "cradle_to_gate"
    case cradleToGrave = "cradle_to_grave"
}

/// An amount of a process's product: the declared unit, or what a demand asks for.
public struct DeclaredUnit: Codable, Sendable, Equatable {
    /// The process that makes it.
    public var process: String
    /// One of its co-products, when not its reference product.
    public var product: String?
    public var amount: Double
    public var unit: FlowUnit

    public init(process: String, product: String? = nil, amount: Double, unit: FlowUnit) {
        self.process = process
        self.product = product
        self.amount = amount
        self.unit = unit
    }
}

/// One unit process.
public struct ProcessModel: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var stage: LifeCycleStage
    /// The reference product and the amount the exchanges below are given for.
    public var output: ProductOutput
    /// Further products of a multi-output process; `allocation` says how the burdens are shared.
    public var coproducts: [ProductOutput]
    public var allocation: Allocation?
    /// Products taken from other processes of the model.
    public var inputs: [ProductInput]
    /// Gases and other elementary flows (to air, by gas; others are kept but not characterised).
    public var emissions: [Emission]
    /// Materials and services with no process model here: a cited cradle-to-gate factor of a factor set.
    public var background: [BackgroundInput]
    /// Electricity from the grid of a province and year, characterised by the factor library.
    public var electricity: [ElectricityInput]

    public init(
        id: String, name: String, stage: LifeCycleStage, output: ProductOutput, coproducts: [ProductOutput] = [],
        allocation: Allocation? = nil, inputs: [ProductInput] = [], emissions: [Emission] = [],
        background: [BackgroundInput] = [], electricity: [ElectricityInput] = []
    ) {
        self.id = id
        self.name = name
        self.stage = stage
        self.output = output
        self.coproducts = coproducts
        self.allocation = allocation
        self.inputs = inputs
        self.emissions = emissions
        self.background = background
        self.electricity = electricity
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? id
        stage = try c.decode(LifeCycleStage.self, forKey: .stage)
        output = try c.decode(ProductOutput.self, forKey: .output)
        coproducts = try c.decodeIfPresent([ProductOutput].self, forKey: .coproducts) ?? []
        allocation = try c.decodeIfPresent(Allocation.self, forKey: .allocation)
        inputs = try c.decodeIfPresent([ProductInput].self, forKey: .inputs) ?? []
        emissions = try c.decodeIfPresent([Emission].self, forKey: .emissions) ?? []
        background = try c.decodeIfPresent([BackgroundInput].self, forKey: .background) ?? []
        electricity = try c.decodeIfPresent([ElectricityInput].self, forKey: .electricity) ?? []
    }
}

/// A product a process makes.
public struct ProductOutput: Codable, Sendable, Equatable {
    public var product: String
    public var amount: Double
    public var unit: FlowUnit
    /// For economic allocation: the price of one `unit` (any currency, the same across the process).
    public var price: Double?
    /// For substitution: the process whose product this one displaces (credited to the system).
    public var displaces: String?

    public init(product: String, amount: Double, unit: FlowUnit, price: Double? = nil, displaces: String? = nil) {
        self.product = product
        self.amount = amount
        self.unit = unit
        self.price = price
        self.displaces = displaces
    }
}

/// How a multi-output process's inputs and emissions are shared among its products.
public enum Allocation: Codable, Sendable, Equatable {
    /// By the products' mass (or other common physical quantity).
    case physical
    /// By the products' value: amount × price.
    case economic
    /// By stated factors, in the order reference product, then co-products; they sum to 1.
    case factors([Double])
    /// No sharing: each co-product displaces another process's product, which the system is credited.
    case substitution

    private enum CodingKeys: String, CodingKey { case method, factors }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .method) {
        case "physical": self = .physical
        case "economic": self = .economic
        case "factors": self = .factors(try c.decode([Double].self, forKey: .factors))
        case "substitution": self = .substitution
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .method, in: c,
                debugDescription: "“\(other)” is no allocation method (physical, economic, factors, substitution)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .physical: try c.encode("physical", forKey: .method)
        case .economic: try c.encode("economic", forKey: .method)
        case .factors(let factors):
            try c.encode("factors", forKey: .method)
            try c.encode(factors, forKey: .factors)
        case .substitution: try c.encode("substitution", forKey: .method)
        }
    }
}

/// A product taken from another process of the model.
public struct ProductInput: Codable, Sendable, Equatable {
    /// The process that provides it.
    public var provider: String
    /// One of the provider's co-products, when not its reference product.
    public var product: String?
    public var amount: Double
    public var unit: FlowUnit
    public var uncertainty: Uncertainty?

    public init(provider: String, product: String? = nil, amount: Double, unit: FlowUnit, uncertainty: Uncertainty? = nil) {
        self.provider = provider
        self.product = product
        self.amount = amount
        self.unit = unit
        self.uncertainty = uncertainty
    }
}

/// An elementary flow: a greenhouse gas to air (its formula, as the factor library spells the gas:
/// CO2, CH4, CH4_fossil, N2O, SF6 …), or any other flow, kept in the inventory but not characterised.
public struct Emission: Codable, Sendable, Equatable {
    public var flow: String
    public var amount: Double
    public var unit: FlowUnit
    public var uncertainty: Uncertainty?

    public init(flow: String, amount: Double, unit: FlowUnit, uncertainty: Uncertainty? = nil) {
        self.flow = flow
        self.amount = amount
        self.unit = unit
        self.uncertainty = uncertainty
    }
}

/// A material or service taken from the background: its footprint comes from a cited factor.
public struct BackgroundInput: Codable, Sendable, Equatable {
    /// The factor's id in a background factor set.
    public var factor: String
    public var amount: Double
    public var unit: FlowUnit
    public var uncertainty: Uncertainty?

    public init(factor: String, amount: Double, unit: FlowUnit, uncertainty: Uncertainty? = nil) {
        self.factor = factor
        self.amount = amount
        self.unit = unit
        self.uncertainty = uncertainty
    }
}

/// Electricity taken from a province's grid.
public struct ElectricityInput: Codable, Sendable, Equatable {
    public var amount: Double
    public var unit: FlowUnit
    /// Two-digit GB/T 2260 province code of the plant.
    public var province: String
    /// The data year of the grid factor (the latest earlier year is used when it is not published).
    public var year: Int
    /// Share of electricity lost in transmission and distribution (0 ≤ loss < 1): the factor is
    /// divided by 1 − loss, as the plant's meter sees less than was generated.
    public var transmissionLoss: Double?
    public var uncertainty: Uncertainty?

    public init(
        amount: Double, unit: FlowUnit, province: String, year: Int, transmissionLoss: Double? = nil,
        uncertainty: Uncertainty? = nil
    ) {
        self.amount = amount
        self.unit = unit
        self.province = province
        self.year = year
        self.transmissionLoss = transmissionLoss
        self.uncertainty = uncertainty
    }
}

/// A cited cradle-to-gate factor written into the model: `value` kg (or t) CO2e per unit, as
/// `unit` says (`kgCO2e/kg`, `tCO2e/t`, `kgCO2e/t*km` …).
public struct BackgroundFactorEntry: Codable, Sendable, Equatable {
    public var id: String
    public var name: String?
    public var value: Double
    public var unit: String
    public var source: String
    public var year: Int?

    public init(id: String, name: String? = nil, value: Double, unit: String, source: String, year: Int? = nil) {
        self.id = id
        self.name = name
        self.value = value
        self.unit = unit
        self.source = source
        self.year = year
    }
}

/// What a battery's declaration per kWh of lifetime energy needs.
public struct BatteryRating: Codable, Sendable, Equatable {
    /// Rated energy of the declared unit, kWh.
    public var capacityKilowattHours: Double
    /// Full equivalent cycles a year as the model states them; nil takes the battery rules' default
    /// for `vehicleCategory` (`BatteryCycleDefaults`).
    public var cyclesPerYear: Double?
    /// The vehicle category (`M1`, `N1`, `L`, `M2` …) whose cycles a year the battery rules fix.
    public var vehicleCategory: String?
    /// Years of service (the rules take the warranty's).
    public var years: Double

    /// The rules' default for the vehicle category, when one is named and known.
    public var defaultCycles: BatteryCycleDefaults.Entry? {
        vehicleCategory.flatMap { BatteryCycleDefaults.bundled.entry(for: $0) }
    }

    /// The cycles a year the declaration uses: those stated, else the rules' default. Nil when
    /// neither is known, which the model's check refuses before any figure is computed.
    public var cycles: Double? { cyclesPerYear ?? defaultCycles?.cyclesPerYear }

    /// Capacity × cycles a year × years (NaN for a rating the model's check refuses).
    public var lifetimeEnergyKWh: Double { capacityKilowattHours * (cycles ?? .nan) * years }

    public init(capacityKilowattHours: Double, cyclesPerYear: Double? = nil, vehicleCategory: String? = nil, years: Double) {
        self.capacityKilowattHours = capacityKilowattHours
        self.cyclesPerYear = cyclesPerYear
        self.vehicleCategory = vehicleCategory
        self.years = years
    }
}

/// A number the footprint rests on, with where it comes from.
public struct CitedFactor: Sendable, Equatable, Codable {
    /// kg CO2e per unit of the flow (per kg of a gas, per kWh of electricity, per the background
    /// factor's unit).
    public let value: Double
    /// The factor's id in its set (`GWP-010`, `GRID-083`, a user's `steel-bof`).
    public let id: String
    public let source: String
    public let year: Int?

    public init(value: Double, id: String, source: String, year: Int? = nil) {
        self.value = value
        self.id = id
        self.source = source
        self.year = year
    }
}

/// Where a model's characterisation factors come from: the factor library for gases and grid
/// electricity, a background factor set for materials and services.
public protocol FootprintFactors: Sendable {
    /// kg CO2e per kg of the gas, or nil when the set has none for it (then it is no greenhouse gas
    /// of this set, and stays uncounted).
    func warmingPotential(of flow: String) -> CitedFactor?
    /// kg CO2e per kWh taken from the grid of `province` (two digits) in `year`.
    func gridElectricity(province: String, year: Int) -> CitedFactor?
    /// The background factor `id` and the unit it is given per.
    func background(_ id: String) -> (factor: CitedFactor, unit: FlowUnit)?
    /// The name of the GWP set, for messages.
    var gwpSetName: String { get }
}

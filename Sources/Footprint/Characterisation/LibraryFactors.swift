import Accounting

/// `FootprintFactors` from PeakZero's factor library (GWPs of the chosen set, provincial grid
/// factors by data year) and a background factor set.
public struct LibraryFactors: FootprintFactors {
    public let library: FactorLibrary
    public let gwp: GWPSet
    public let backgroundSet: BackgroundFactorSet

    public init(library: FactorLibrary, gwp: GWPSet, background: BackgroundFactorSet = .empty) {
        self.library = library
        self.gwp = gwp
        self.backgroundSet = background
    }

    public var gwpSetName: String { gwp.rawValue }

    public func warmingPotential(of flow: String) -> CitedFactor? {
        let species = GasSpecies(rawValue: flow) ?? GasSpecies.allCases.first { $0.factorItem == flow.lowercased() }
        guard let species, let entry = library.entry(.gwp, item: species.factorItem, variant: gwp.rawValue),
            entry.variant == gwp.rawValue, case .emissionsPerMass(let rate) = entry.value
        else { return nil }
        return CitedFactor(
            value: rate.value(in: .kilogramCO2e, per: .kilogram), id: entry.id, source: entry.source, year: entry.year)
    }

    public func gridElectricity(province: String, year: Int) -> CitedFactor? {
        // A code that names no province would quietly take the national factor: refused instead.
        guard library.provinces.province(code: province) != nil,
            let entry = library.entry(.gridAverage, item: "electricity", province: province, year: year),
            case .emissionsPerEnergy(let rate) = entry.value
        else { return nil }
        return CitedFactor(
            value: rate.value(in: .kilogramCO2e, per: .kilowattHour), id: entry.id, source: entry.source,
            year: entry.year)
    }

    public func background(_ id: String) -> (factor: CitedFactor, unit: FlowUnit)? {
        backgroundSet.factors[id]
    }
}

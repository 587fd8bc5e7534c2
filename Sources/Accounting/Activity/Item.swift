/// An energy carrier, material or greenhouse gas that activity records are about.
public struct Item: Sendable, Hashable {
    /// The stable English code, e.g. `bituminous_coal`.
    public let code: String
    /// The Chinese standard name, e.g. 烟煤.
    public let nameZh: String
    public let nameEn: String
    public let kind: Kind
    /// The dimension its quantity is measured in (fuels: mass or volume; electricity and heat: energy).
    public let dimension: Dimension
    public let defaultCategory: ActivityCategory
    /// For directly emitted gases, the gas; nil otherwise.
    public let gas: GasSpecies?
    /// Other names users type for it.
    public let aliases: [String]

    public enum Kind: String, Sendable, Hashable {
        case fuel, electricity, heat, gas
    }

    public func name(in language: Language) -> String { language == .zh ? nameZh : nameEn }

    /// The units of measure a record of this item may be written in. A fuel may also be given by
    /// its heat in joules (GJ) or in tce, but not in kWh, which in a fuel's row is almost always
    /// electricity typed on the wrong line; electricity and heat take any energy unit.
    public func accepts(_ unit: UnitOfMeasure) -> Bool {
        switch kind {
        case .fuel:
            switch unit {
            case .energy(let energy): !energy.isElectrical
            case .standardCoal: true
            case .mass, .volume: unit.dimension == dimension
            }
        case .electricity, .heat: unit.dimension == .energy
        case .gas: unit.dimension == .mass
        }
    }

    /// The categories a record of this item may carry.
    /// The gas an inventory line of this item is reported under: a gas item's own (its CH4 variants
    /// as CH4), CO2 for fuels burned and for purchased electricity and heat — as the calculation
    /// (`FuelCombustion`, `PurchasedEnergy`, `DirectGas`) reports them.
    public var reportedGas: String { gas?.reportedGas ?? "CO2" }

    public var allowedCategories: [ActivityCategory] {
        switch kind {
        case .fuel: [.fuelCombustion]
        case .electricity: [.purchasedElectricity, .greenPower]
        case .heat: [.purchasedHeat]
        case .gas: [.process, .fugitive]
        }
    }
}

/// A species whose GWP the library holds. CH4 of fossil and non-fossil origin differ under AR6.
public enum GasSpecies: String, Sendable, Hashable, CaseIterable {
    case co2 = "CO2", ch4 = "CH4", ch4Fossil = "CH4_fossil", ch4NonFossil = "CH4_nonfossil"
    case n2o = "N2O", sf6 = "SF6", nf3 = "NF3", hfc134a = "HFC-134a", hfc23 = "HFC-23", cf4 = "CF4", c2f6 = "C2F6"

    /// The gas it is reported under in totals by gas (the CH4 variants are all CH4).
    public var reportedGas: String {
        switch self {
        case .ch4Fossil, .ch4NonFossil: "CH4"
        default: rawValue
        }
    }

    /// The library's item code for its GWP rows.
    public var factorItem: String {
        switch self {
        case .co2: "co2"
        case .ch4: "ch4"
        case .ch4Fossil: "ch4_fossil"
        case .ch4NonFossil: "ch4_nonfossil"
        case .n2o: "n2o"
        case .sf6: "sf6"
        case .nf3: "nf3"
        case .hfc134a: "hfc134a"
        case .hfc23: "hfc23"
        case .cf4: "cf4"
        case .c2f6: "c2f6"
        }
    }
}

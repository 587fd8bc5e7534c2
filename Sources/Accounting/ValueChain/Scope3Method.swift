/// How a Scope 3 row's emissions are calculated: the methods of the GHG Protocol's Technical
/// Guidance for Calculating Scope 3 Emissions (2013).
public enum Scope3Method: String, Sendable, Hashable, CaseIterable, Codable {
    /// The supplier's own cradle-to-gate figure for the product: given outright, as a product
    /// factor, or as a product footprint PeakZero computed.
    case supplierSpecific = "supplier_specific"
    /// The supplier's allocated Scope 1 and 2 emissions, plus secondary data for the rest.
    case hybrid
    /// A physical quantity (mass, energy …) times an average factor.
    case averageData = "average_data"
    /// Money spent times a factor per unit of money, in the factor's currency and price year.
    case spendBased = "spend_based"
    /// Tonne- or passenger-kilometres times a factor per t·km or p·km.
    case distanceBased = "distance_based"
    /// Fuel burned (by a carrier, a vehicle) times the fuel's factor.
    case fuelBased = "fuel_based"

    public func name(in language: Language) -> String {
        let names: (String, String) =
            switch self {
            case .supplierSpecific: ("供应商特定法", "supplier-specific")
            case .hybrid: ("混合法", "hybrid")
            case .averageData: ("平均数据法", "average-data")
            case .spendBased: ("支出法", "spend-based")
            case .distanceBased: ("距离法", "distance-based")
            case .fuelBased: ("燃料法", "fuel-based")
            }
        return language == .zh ? names.0 : names.1
    }

    /// A method as a sheet writes it: its code or its name in either language.
    public init?(parsing text: String) {
        let key = text.trimmed.lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(
            of: " ", with: "_")
        guard
            let method = Self.allCases.first(where: { method in
                method.rawValue == key
                    || Language.allCases.contains {
                        method.name(in: $0).lowercased().replacingOccurrences(of: "-", with: "_") == key
                    }
            })
        else { return nil }
        self = method
    }
}

/// How good a row's data is, after the qualitative scale of the Scope 3 Standard's Table 7.6
/// (very good, good, fair, poor), numbered 1 (best) to 4 so a category's tier can be weighted.
public enum DataQualityTier: Int, Sendable, Hashable, CaseIterable, Codable {
    case veryGood = 1, good, fair, poor

    public func name(in language: Language) -> String {
        let names: (String, String) =
            switch self {
            case .veryGood: ("很好", "very good")
            case .good: ("好", "good")
            case .fair: ("一般", "fair")
            case .poor: ("差", "poor")
            }
        return language == .zh ? names.0 : names.1
    }
}

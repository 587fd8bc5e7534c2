/// The fifteen categories of the GHG Protocol's Corporate Value Chain (Scope 3) Standard (2011),
/// numbered as the standard numbers them (its Table 5.4): 1–8 upstream, 9–15 downstream.
public enum Scope3Category: Int, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case purchasedGoodsAndServices = 1
    case capitalGoods
    case fuelAndEnergyActivities
    case upstreamTransportation
    case wasteGenerated
    case businessTravel
    case employeeCommuting
    case upstreamLeasedAssets
    case downstreamTransportation
    case processingOfSoldProducts
    case useOfSoldProducts
    case endOfLifeOfSoldProducts
    case downstreamLeasedAssets
    case franchises
    case investments

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    public var isUpstream: Bool { rawValue <= 8 }

    public func name(in language: Language) -> String {
        let names: (String, String) =
            switch self {
            case .purchasedGoodsAndServices: ("外购商品和服务", "Purchased goods and services")
            case .capitalGoods: ("资本货物", "Capital goods")
            case .fuelAndEnergyActivities: ("燃料和能源相关活动(未计入范围一、二)", "Fuel- and energy-related activities")
            case .upstreamTransportation: ("上游运输和配送", "Upstream transportation and distribution")
            case .wasteGenerated: ("运营中产生的废弃物", "Waste generated in operations")
            case .businessTravel: ("商务差旅", "Business travel")
            case .employeeCommuting: ("员工通勤", "Employee commuting")
            case .upstreamLeasedAssets: ("上游租赁资产", "Upstream leased assets")
            case .downstreamTransportation: ("下游运输和配送", "Downstream transportation and distribution")
            case .processingOfSoldProducts: ("售出产品的加工", "Processing of sold products")
            case .useOfSoldProducts: ("售出产品的使用", "Use of sold products")
            case .endOfLifeOfSoldProducts: ("售出产品的报废处理", "End-of-life treatment of sold products")
            case .downstreamLeasedAssets: ("下游租赁资产", "Downstream leased assets")
            case .franchises: ("特许经营", "Franchises")
            case .investments: ("投资", "Investments")
            }
        return language == .zh ? names.0 : names.1
    }

    /// A category as a sheet writes it: its number (`1`, `C1`, `类别1`), or its name in either language.
    public init?(parsing text: String) {
        let trimmed = text.trimmed
        var digits = trimmed.lowercased()
        for prefix in ["category", "cat.", "cat", "类别", "c"] where digits.hasPrefix(prefix) {
            digits = String(digits.dropFirst(prefix.count)).trimmed
            break
        }
        if let number = Int(digits), let category = Self(rawValue: number) {
            self = category
            return
        }
        guard
            let named = Self.allCases.first(where: { category in
                Language.allCases.contains { category.name(in: $0).lowercased() == trimmed.lowercased() }
            })
        else { return nil }
        self = named
    }
}

import Accounting

/// The six areas a carbon-peak plan (碳达峰实施方案) is split into.
public enum PlanningArea: String, CaseIterable, Codable, CodingKeyRepresentable, Sendable, Comparable, MessageKey {
    case energySupply = "energy_supply"
    case industry, buildings, transport, agriculture, households

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    public func name(_ language: Language) -> String { Self.names.text(self, language) }

    public static let names = Catalogue<PlanningArea>(
        zh: [
            .energySupply: "能源供应", .industry: "工业", .buildings: "建筑", .transport: "交通运输",
            .agriculture: "农业农村", .households: "居民生活",
        ],
        en: [
            .energySupply: "energy supply", .industry: "industry", .buildings: "buildings", .transport: "transport",
            .agriculture: "agriculture", .households: "households",
        ])
}

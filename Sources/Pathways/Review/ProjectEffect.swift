/// A project's effect on a year's totals: the scenario's figures without and with it.
public struct ProjectEffect: Sendable, Equatable, Codable {
    public struct Totals: Sendable, Equatable, Codable {
        public let energyTce: Double
        public let energyEquivalentTce: Double
        public let coalTce: Double
        public let co2T: Double
        public let energyIntensity: Double
        public let carbonIntensity: Double

        init(_ year: ScenarioYear) {
            energyTce = year.totalEnergy
            energyEquivalentTce = year.totalEnergyEquivalent
            coalTce = year.coal
            co2T = year.totalCO2
            energyIntensity = year.energyIntensity
            carbonIntensity = year.carbonIntensity
        }

        enum CodingKeys: String, CodingKey {
            case energyTce = "energy_tce", energyEquivalentTce = "energy_equivalent_tce", coalTce = "coal_tce"
            case co2T = "co2_t", energyIntensity = "energy_intensity", carbonIntensity = "carbon_intensity"
        }
    }

    public let year: Int
    public let without: Totals
    public let with: Totals
}

extension ProjectReview {
    /// The effect in the project's start year, every target's year, every fifth year and the horizon.
    public var effects: [ProjectEffect] {
        let horizon = with.years.last?.year ?? project.startYear
        var years = Set(judgements.map(\.target.year).filter { $0 >= project.startYear && $0 <= horizon })
        years.formUnion([project.startYear, horizon])
        years.formUnion(stride(from: (project.startYear / 5 + 1) * 5, through: horizon, by: 5))
        return years.sorted().compactMap { year in
            guard let before = without.year(year), let after = with.year(year) else { return nil }
            return ProjectEffect(year: year, without: .init(before), with: .init(after))
        }
    }
}

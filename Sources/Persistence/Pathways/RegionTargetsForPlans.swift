import Accounting
import Governance
import Pathways

extension RegionalStatisticsStore {
    /// The targets set for a region itself (目标管理) that its plan is judged against, named as
    /// they were set: intensity reductions and peak years, which read the same on the whole
    /// region's statistics. Caps are not taken: a region's cap in target management bounds the sum
    /// of its reporting units, not the region's whole energy or CO2, which the plan projects. A
    /// reduction from a year before the plan's base year takes that year's intensity from the
    /// statistics (CO2 at that year's factors); one whose year the statistics lack is left out, as
    /// it cannot be judged; so is one that ends by the plan's base year.
    func regionTargets(
        _ region: String, planBaseYear: Int, statistics: (String) async throws -> RegionalHistory
    ) async throws -> [PlanTarget] {
        guard let prefix = RegionPrefix(region), region == prefix.code else { return [] }
        let stored = try await TargetStore(database).list(scope: .everything, subject: .region(prefix))
        guard !stored.isEmpty else { return [] }
        let history = try await statistics(region)
        let library = try FactorLibrary.standard()
        func intensity(_ indicator: TargetIndicator, _ year: Int) -> Double? {
            guard let figures = history.years[year], let gdp = figures.gdp, gdp > 0 else { return nil }
            if indicator == .energyIntensity { return figures.totalEnergy / gdp }
            guard case .success(let factors) = CarrierFactors.derived(
                from: library, year: year, province: String(region.prefix(2)))
            else { return nil }
            return history.totalCO2(year, factors: factors) / gdp
        }
        // A target of the base year or before is the past's: progress judges it, not the plan.
        return stored.compactMap { target -> PlanTarget? in
            let rule = target.target
            let id = "target-\(target.id)"
            switch (rule.kind, rule.indicator) {
            case (.reduction(let fraction, let baseYear), .energyIntensity), (.reduction(let fraction, let baseYear), .carbonIntensity):
                let indicator: PlanTarget.Indicator = rule.indicator == .energyIntensity ? .energyIntensity : .carbonIntensity
                var value: Double?
                if baseYear < planBaseYear {
                    guard let known = intensity(rule.indicator, baseYear) else { return nil }
                    value = known
                }
                return PlanTarget(
                    id: id, indicator: indicator, year: rule.lastYear, value: fraction, name: target.name,
                    baseYear: baseYear, baseValue: value)
            case (.peak(let year), _):
                return PlanTarget(id: id, indicator: .peakBy, year: year, name: target.name)
            default: return nil
            }
        }.filter { $0.year > planBaseYear }
    }
}

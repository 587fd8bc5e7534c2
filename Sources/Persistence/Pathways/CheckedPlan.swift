import Accounting
import Pathways

/// A plan made ready to run: its base year given in the plan or made from the region's stored
/// statistics, and every scenario checked.
public struct CheckedPlan: Sendable {
    public let file: PlanFile
    public let set: ScenarioSet
    /// The targets set for the plan's region in target management, judged beside the plan's own.
    public var regionTargets: [PlanTarget] = []

    /// Every target the plan is judged against: its own, then the region's.
    public var targets: [PlanTarget] { (file.targets ?? []) + regionTargets }

    /// The scenario the others inherit from: the first without a parent.
    public var baselineID: String? { file.scenarios.first { $0.parent == nil }?.id }
    public var tolerance: Double { file.plateauTolerance ?? Peak.defaultTolerance }

    /// A plan that gives its own base year, checked; no database needed.
    public static func checking(_ file: PlanFile, base: PlanBase) throws(ScenarioProblems) -> CheckedPlan {
        CheckedPlan(file: file, set: try ScenarioSet(base: base, scenarios: file.scenarios))
    }

    /// Every scenario, year by year to its horizon, in the plan's order.
    public func results() -> [ScenarioResult] { file.scenarios.compactMap { set.run($0.id) } }

    /// Every scenario with its peak, its standing against the plan's targets and its effects
    /// against the baseline.
    public func roadmap() -> Roadmap {
        Roadmap(results: results(), baselineID: baselineID, targets: targets, tolerance: tolerance)
    }
}

extension RegionalStatisticsStore {
    /// The plan checked whole; every problem, each naming its field, when it cannot run. When the
    /// plan is saved for a region, `region` names it: the plan's own region, if it gives one, must be it.
    /// `history` is the region's, when the caller has read it already; else it is read (once) if
    /// the base year or the region's targets need it.
    public func check(
        _ file: PlanFile, savedFor region: String? = nil, history: RegionalHistory? = nil
    ) async throws -> CheckedPlan {
        var file = file
        if let region {
            if let given = file.region, given != region {
                throw ScenarioProblems([
                    .init(scenario: nil, field: "region", .regionMismatch, ["given": given, "region": region])
                ])
            }
            file.region = region
        }
        var read = history
        func statistics(_ region: String) async throws -> RegionalHistory {
            if let read { return read }
            let found = try await self.history(regionCode: region)
            read = found
            return found
        }
        let base = try await base(of: file, statistics: statistics)
        var checked = try CheckedPlan.checking(file, base: base)
        if let region = file.region {
            checked.regionTargets = try await regionTargets(region, planBaseYear: base.year, statistics: statistics)
        }
        return checked
    }

    /// The plan's base year: given, or made from the region's stored statistics and the carrier
    /// factors of that year.
    func base(
        of file: PlanFile, statistics: (String) async throws -> RegionalHistory
    ) async throws -> PlanBase {
        if let base = file.base { return base }
        guard let region = file.region, let year = file.baseYear else {
            throw ScenarioProblems([.init(scenario: nil, field: "base", .noBaseGiven)])
        }
        let history = try await statistics(region)
        guard case .success(let factors) = CarrierFactors.derived(
            from: try FactorLibrary.standard(), year: year, province: String(region.prefix(2))),
            let base = history.planBase(year: year, factors: factors)
        else {
            throw ScenarioProblems([
                .init(scenario: nil, field: "base_year", .incompleteStatistics, ["region": region, "year": "\(year)"])
            ])
        }
        return base
    }
}

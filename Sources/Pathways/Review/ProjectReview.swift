/// A new project placed on a scenario: the scenario with and without it, and a verdict per target —
/// *fits* (the target holds and the project takes at most half of what was left), *tightens* (the
/// target still holds, with less than half of the room left), *breaks* (the target no longer
/// holds, or did not hold before) — each with its numbers.
public struct ProjectReview: Sendable, Equatable {
    public enum Verdict: String, Sendable, Codable, CaseIterable { case fits, tightens, breaks }

    public struct Judgement: Sendable, Equatable, Codable {
        public let target: PlanTarget
        public let verdict: Verdict
        /// The indicator without and with the project, and the limit it must stay within (for a
        /// peak: the peak years, the target year as the limit; nil when it has not peaked).
        public let without: Double?
        public let with: Double?
        public let limit: Double
    }

    public let project: ProposedProject
    public let scenario: String
    public let without: ScenarioResult
    public let with: ScenarioResult
    public let judgements: [Judgement]

    /// The worst verdict of all the targets (nil when the plan has none): what the review says overall.
    public var verdict: Verdict? { Self.worst(judgements.map(\.verdict)) }

    public static func worst(_ verdicts: [Verdict]) -> Verdict? {
        verdicts.max { Verdict.allCases.firstIndex(of: $0)! < Verdict.allCases.firstIndex(of: $1)! }
    }

    /// The share of the room left that a project may take and still *fit*.
    public static let tighteningShare = 0.5

    /// Places the project on a scenario of the plan and judges every target; every problem of the
    /// project, the scenario's id or the targets, each naming its field, when there is one.
    public static func review(
        _ project: ProposedProject, on scenario: String, in plan: ScenarioSet, targets: [PlanTarget],
        tolerance: Double = Peak.defaultTolerance
    ) throws(ScenarioProblems) -> ProjectReview {
        guard let resolved = plan.resolved(scenario) else {
            throw ScenarioProblems([.init(scenario: nil, field: "scenario", .unknownScenario, ["scenario": scenario])])
        }
        let problems = check(project, targets, base: plan.base, horizon: resolved.horizon)
        guard problems.isEmpty, let without = plan.run(scenario) else { throw ScenarioProblems(problems) }
        let with = plan.adding(project, to: without)
        let judgements = targets.map { judge($0, without: without, with: with, tolerance: tolerance) }
        return ProjectReview(project: project, scenario: scenario, without: without, with: with, judgements: judgements)
    }

    static func check(
        _ project: ProposedProject, _ targets: [PlanTarget], base: PlanBase, horizon: Int
    ) -> [ScenarioProblem] {
        let span = ["base": "\(base.year)", "horizon": "\(horizon)"]
        var problems: [ScenarioProblem] = []
        if project.startYear <= base.year || project.startYear > horizon {
            problems.append(
                .init(scenario: nil, field: "project.start_year", .yearOutsideHorizon, span.merging(["year": "\(project.startYear)"]) { $1 }))
        }
        let carriers = Set(base.carriers.map(\.id))
        for (carrier, amount) in project.energy.sorted(by: { $0.key < $1.key }) {
            if !carriers.contains(carrier) {
                problems.append(.init(scenario: nil, field: "project.energy", .unknownCarrier, ["carrier": carrier]))
            }
            if !(amount >= 0) {
                problems.append(.init(scenario: nil, field: "project.energy.\(carrier)", .negativeValue, ["value": "\(amount)"]))
            }
        }
        for (carrier, amount) in project.energy.sorted(by: { $0.key < $1.key }) where amount > ScenarioChecks.largestAmount {
            problems.append(
                ScenarioChecks.range(amount, 0...ScenarioChecks.largestAmount, scenario: nil, field: "project.energy.\(carrier)")!)
        }
        if project.valueAdded > ScenarioChecks.largestAmount {
            problems.append(
                ScenarioChecks.range(project.valueAdded, 0...ScenarioChecks.largestAmount, scenario: nil, field: "project.value_added")!)
        }
        if !(project.valueAdded >= 0) {
            problems.append(.init(scenario: nil, field: "project.value_added", .negativeValue, ["value": "\(project.valueAdded)"]))
        }
        for target in targets where target.year <= base.year || target.year > horizon {
            problems.append(
                .init(scenario: nil, field: "targets.\(target.id).year", .yearOutsideHorizon, span.merging(["year": "\(target.year)"]) { $1 }))
        }
        return problems
    }

    static func judge(
        _ target: PlanTarget, without: ScenarioResult, with: ScenarioResult, tolerance: Double
    ) -> Judgement {
        switch target.indicator {
        case .peakBy:
            let before = without.peak(tolerance: tolerance)?.year, after = with.peak(tolerance: tolerance)?.year
            let limit = Self.limit(target, without)
            let verdict: Verdict =
                if let after, after <= target.year { after == before ? .fits : .tightens } else { .breaks }
            return Judgement(target: target, verdict: verdict, without: before.map(Double.init), with: after.map(Double.init), limit: limit)
        case .energyTotal, .carbonTotal, .coalTotal, .energyIntensity, .carbonIntensity:
            let value = { (result: ScenarioResult) in Self.value(target, result) }
            let before = value(without), after = value(with)
            let limit = Self.limit(target, without)
            return Judgement(
                target: target, verdict: verdict(before: before, after: after, limit: limit), without: before, with: after,
                limit: limit)
        }
    }

    /// Fits when the project takes at most half of the room left under the limit; tightens when
    /// more but still within; breaks when over (or over already without it).
    static func verdict(before: Double?, after: Double?, limit: Double) -> Verdict {
        guard let before, let after, before <= limit, after <= limit else { return .breaks }
        let room = limit - before
        return after - before <= tighteningShare * room ? .fits : .tightens
    }

    static func value(_ target: PlanTarget, _ result: ScenarioResult) -> Double? {
        guard let year = result.year(target.year) else { return nil }
        return switch target.indicator {
        case .energyTotal: year.totalEnergy
        case .carbonTotal: year.totalCO2
        case .coalTotal: year.coal
        case .energyIntensity: year.energyIntensity
        case .carbonIntensity: year.carbonIntensity
        case .peakBy: nil
        }
    }

    /// A cap's limit is its value; a peak's, its year; an intensity's is its base year's intensity less the reduction —
    /// the plan's base year unless the target names its own (with the value, or a year the
    /// scenario runs through).
    static func limit(_ target: PlanTarget, _ result: ScenarioResult) -> Double {
        if target.indicator == .peakBy { return Double(target.year) }
        guard target.indicator == .energyIntensity || target.indicator == .carbonIntensity else { return target.value }
        let baseYear = target.baseYear.flatMap { result.year($0) } ?? result.years.first
        let intensity =
            target.baseValue
            ?? (target.indicator == .energyIntensity ? baseYear?.energyIntensity : baseYear?.carbonIntensity)
        guard let intensity else { return target.value }
        return intensity * (1 - target.value)
    }
}

extension ScenarioSet {
    /// A scenario run with a project added from its start year: its energy on top of the area's (by
    /// carrier, at each year's factors) and its value added on top of GDP.
    public func run(_ id: String, adding project: ProposedProject) -> ScenarioResult? {
        run(id).map { adding(project, to: $0) }
    }

    /// A scenario's run with the project added: the run is not repeated, only the project's years
    /// laid on it at each year's factors.
    public func adding(_ project: ProposedProject, to result: ScenarioResult) -> ScenarioResult {
        let carriers = Dictionary(uniqueKeysWithValues: base.carriers.map { ($0.id, $0) })
        let state = ScenarioState(base: base, scenario: result.scenario)
        let years = result.years.map { year -> ScenarioYear in
            guard year.year >= project.startYear else { return year }
            return year.adding(project, carriers: carriers) { carrier in
                state.emissionFactors[carrier]?.interpolated(year.year) ?? 0
            } equivalent: { carrier in
                state.equivalentFactors[carrier]?.interpolated(year.year) ?? 1
            }
        }
        return ScenarioResult(scenario: result.scenario, carriers: result.carriers, years: years)
    }
}

extension ScenarioYear {
    func adding(
        _ project: ProposedProject, carriers: [String: CarrierSpec], factor: (String) -> Double,
        equivalent: (String) -> Double
    ) -> ScenarioYear {
        var energy = self.energy, co2 = self.co2
        var totalEnergy = self.totalEnergy, equivalentTotal = totalEnergyEquivalent, coal = self.coal, total = totalCO2
        for (carrier, amount) in project.energy.sorted(by: { $0.key < $1.key }) {
            energy[project.area, default: [:]][carrier, default: 0] += amount
            co2[project.area, default: [:]][carrier, default: 0] += amount * factor(carrier)
            totalEnergy += amount
            equivalentTotal += amount * equivalent(carrier)
            if carriers[carrier]?.isCoal == true { coal += amount }
            total += amount * factor(carrier)
        }
        return ScenarioYear(
            year: year, gdp: gdp + project.valueAdded, activity: activity, energy: energy, co2: co2,
            co2Avoided: co2Avoided, leverCO2: leverCO2, totalEnergy: totalEnergy, totalEnergyEquivalent: equivalentTotal,
            coal: coal, totalCO2: total)
    }
}

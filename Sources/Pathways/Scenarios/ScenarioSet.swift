/// A plan: the base year and its scenarios — a baseline and those that inherit from it. Checked
/// whole when made, so a scenario that runs never meets a bad field.
public struct ScenarioSet: Sendable {
    public static let latestHorizon = 2060
    /// A plan holds at most this many scenarios: enough for any planning office, and a bound on the
    /// work one saved plan can ask of the server.
    public static let maximumScenarios = 50
    /// Carriers and levers are bounded for the same reason: a year's run loops over both.
    public static let maximumCarriers = 100
    public static let maximumLevers = 500

    public let base: PlanBase
    public let definitions: [ScenarioDefinition]

    public init(base: PlanBase, scenarios: [ScenarioDefinition]) throws(ScenarioProblems) {
        self.base = base
        definitions = scenarios
        if scenarios.count > Self.maximumScenarios {
            throw ScenarioProblems([
                .init(scenario: nil, field: "scenarios", .tooManyScenarios,
                      ["count": "\(scenarios.count)", "maximum": "\(Self.maximumScenarios)"])
            ])
        }
        if base.carriers.count > Self.maximumCarriers {
            throw ScenarioProblems([
                .init(scenario: nil, field: "base.carriers", .tooManyCarriers,
                      ["count": "\(base.carriers.count)", "maximum": "\(Self.maximumCarriers)"])
            ])
        }
        var problems = ScenarioChecks.base(base)
        var byID: [String: ScenarioDefinition] = [:]
        for scenario in scenarios {
            if byID[scenario.id] != nil {
                problems.append(.init(scenario: scenario.id, field: "id", .duplicateScenario))
            }
            byID[scenario.id] = scenario
        }
        for scenario in scenarios {
            switch Self.chain(of: scenario.id, in: byID) {
            case .failure(let problem): problems.append(problem)
            case .success(let chain):
                let levers = chain.reduce(0) { $0 + $1.levers.count }
                if levers > Self.maximumLevers {
                    problems.append(
                        .init(scenario: scenario.id, field: "levers", .tooManyLevers,
                              ["count": "\(levers)", "maximum": "\(Self.maximumLevers)"]))
                    continue
                }
                let horizon = chain.compactMap(\.horizon).last
                problems += ScenarioChecks.scenario(scenario, base: base, horizon: horizon)
            }
        }
        guard problems.isEmpty else { throw ScenarioProblems(problems) }
    }

    /// The scenario with everything it inherits laid in, ready to run.
    public func resolved(_ id: String) -> ResolvedScenario? {
        let byID = Dictionary(definitions.map { ($0.id, $0) }) { first, _ in first }
        guard case .success(let chain) = Self.chain(of: id, in: byID) else { return nil }
        var resolved = ResolvedScenario(
            id: id, name: byID[id]!.name, parentID: byID[id]!.parent, horizon: 0, gdpGrowth: YearPath([:]), areas: [:], emissionFactors: [:],
            equivalentFactors: [:], levers: [])
        for definition in chain {
            resolved.horizon = definition.horizon ?? resolved.horizon
            resolved.gdpGrowth = resolved.gdpGrowth.overlaid(by: definition.gdpGrowth)
            for (area, drivers) in definition.areas {
                resolved.areas[area] = (resolved.areas[area] ?? AreaDrivers()).overlaid(by: drivers)
            }
            resolved.emissionFactors.merge(definition.emissionFactors) { old, new in old.overlaid(by: new) }
            resolved.equivalentFactors.merge(definition.equivalentFactors) { old, new in old.overlaid(by: new) }
            resolved.levers.removeAll { lever in definition.removedLevers.contains(lever.id) }
            resolved.levers += definition.levers
        }
        return resolved
    }

    /// The scenario and its ancestors, root first; a missing parent or a cycle as a problem.
    static func chain(
        of id: String, in byID: [String: ScenarioDefinition]
    ) -> Result<[ScenarioDefinition], ScenarioProblem> {
        var chain: [ScenarioDefinition] = []
        var seen: [String] = []
        var next: String? = id
        while let current = next {
            if seen.contains(current) {
                let cycle = (seen.drop { $0 != current } + [current]).joined(separator: " → ")
                return .failure(.init(scenario: id, field: "parent", .inheritanceCycle, ["cycle": cycle]))
            }
            guard let definition = byID[current] else {
                return .failure(.init(scenario: seen.last, field: "parent", .unknownParent, ["parent": current]))
            }
            seen.append(current)
            chain.append(definition)
            next = definition.parent
        }
        return .success(chain.reversed())
    }
}

/// A scenario with its ancestors' drivers merged in.
public struct ResolvedScenario: Sendable, Equatable {
    public var id: String
    public var name: String
    public var parentID: String?
    public var horizon: Int
    public var gdpGrowth: YearPath
    public var areas: [PlanningArea: AreaDrivers]
    public var emissionFactors: [String: YearPath]
    public var equivalentFactors: [String: YearPath]
    public var levers: [Lever]
}

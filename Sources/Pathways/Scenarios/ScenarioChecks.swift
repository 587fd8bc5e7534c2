/// The checks a plan passes before it runs, each naming the field it is about.
enum ScenarioChecks {
    /// The ranges a plan's figures must lie in: wide enough for any real plan, narrow enough that
    /// no run to 2060 can overflow (a rate of +1000 % a year, an elasticity of 100, amounts of 10¹⁵).
    static let largestRate = 10.0, largestElasticity = 100.0, largestFactor = 1_000.0, largestAmount = 1e15

    /// A problem when `value` lies outside `range`.
    static func range(
        _ value: Double, _ range: ClosedRange<Double>, scenario: String?, field: String
    ) -> ScenarioProblem? {
        guard !range.contains(value) else { return nil }
        return .init(
            scenario: scenario, field: field, .outOfRange,
            ["value": "\(value)", "minimum": "\(range.lowerBound)", "maximum": "\(range.upperBound)"])
    }

    static func base(_ base: PlanBase) -> [ScenarioProblem] {
        var problems: [ScenarioProblem] = []
        let baseYear = ["base": "\(base.year)"]
        if base.areas.isEmpty || base.gdp <= 0 {
            problems.append(.init(scenario: nil, field: base.gdp <= 0 ? "base.gdp" : "base.areas", .missingBase, baseYear))
        }
        problems += [range(base.gdp, 0...largestAmount, scenario: nil, field: "base.gdp")].compactMap { $0 }
        for (area, figures) in base.areas.sorted(by: { $0.key < $1.key }) {
            let field = "base.areas.\(area.rawValue)"
            problems += ([range(figures.activity, -.infinity...largestAmount, scenario: nil, field: field + ".activity")]
                + figures.energy.sorted { $0.key < $1.key }.map {
                    range($0.value, -.infinity...largestAmount, scenario: nil, field: field + ".energy.\($0.key)")
                }).compactMap { $0 }
        }
        for carrier in base.carriers {
            problems += [
                range(carrier.emissionFactor, -.infinity...largestFactor, scenario: nil, field: "base.carriers.\(carrier.id).emission_factor"),
                range(carrier.equivalentFactor, -.infinity...largestFactor, scenario: nil, field: "base.carriers.\(carrier.id).equivalent_factor"),
            ].compactMap { $0 }
        }
        let carriers = Set(base.carriers.map(\.id))
        for (area, figures) in base.areas.sorted(by: { $0.key < $1.key }) {
            let field = "base.areas.\(area.rawValue)"
            if figures.activity < 0 || !figures.activity.isFinite {
                problems.append(
                    .init(scenario: nil, field: field + ".activity", .negativeBaseValue, ["value": "\(figures.activity)"]))
            }
            for (carrier, value) in figures.energy.sorted(by: { $0.key < $1.key }) {
                if !carriers.contains(carrier) {
                    problems.append(.init(scenario: nil, field: field + ".energy", .unknownCarrier, ["carrier": carrier]))
                }
                if value < 0 || !value.isFinite {
                    problems.append(
                        .init(scenario: nil, field: field + ".energy.\(carrier)", .negativeBaseValue, ["value": "\(value)"]))
                }
            }
        }
        for carrier in base.carriers where carrier.emissionFactor < 0 || carrier.equivalentFactor < 0 {
            problems.append(
                .init(
                    scenario: nil, field: "base.carriers.\(carrier.id)", .negativeFactor,
                    ["year": "\(base.year)", "value": "\(min(carrier.emissionFactor, carrier.equivalentFactor))"]))
        }
        return problems
    }

    static func scenario(_ scenario: ScenarioDefinition, base: PlanBase, horizon: Int?) -> [ScenarioProblem] {
        guard let horizon else {
            return [.init(scenario: scenario.id, field: "horizon", .noHorizon)]
        }
        let span = ["base": "\(base.year)", "horizon": "\(horizon)"]
        if horizon > ScenarioSet.latestHorizon {
            return [.init(scenario: scenario.id, field: "horizon", .horizonTooLate, span)]
        }
        if horizon <= base.year { return [.init(scenario: scenario.id, field: "horizon", .horizonBeforeBase, span)] }
        var check = PathCheck(scenario: scenario.id, base: base.year, horizon: horizon, carriers: Set(base.carriers.map(\.id)))
        check.rates(scenario.gdpGrowth, "gdp_growth")
        for (area, drivers) in scenario.areas.sorted(by: { $0.key < $1.key }) {
            let field = "areas.\(area.rawValue)"
            check.rates(drivers.activityGrowth, field + ".activity_growth")
            check.years(drivers.activityElasticity, field + ".activity_elasticity")
            check.bounded(drivers.activityElasticity, -largestElasticity...largestElasticity, field + ".activity_elasticity")
            check.rates(drivers.intensityChange, field + ".intensity_change")
            check.mix(drivers.mix, field + ".mix")
        }
        for (carrier, path) in scenario.emissionFactors.sorted(by: { $0.key < $1.key }) {
            check.factors(path, carrier: carrier, "emission_factors.\(carrier)")
        }
        for (carrier, path) in scenario.equivalentFactors.sorted(by: { $0.key < $1.key }) {
            check.factors(path, carrier: carrier, "equivalent_factors.\(carrier)")
        }
        check.levers(scenario.levers)
        return check.problems
    }

    /// The checks of one scenario's paths, gathering problems.
    struct PathCheck {
        let scenario: String, base: Int, horizon: Int, carriers: Set<String>
        var problems: [ScenarioProblem] = []

        mutating func add(_ field: String, _ kind: ScenarioProblem.Kind, _ arguments: [String: String] = [:]) {
            problems.append(
                .init(
                    scenario: scenario, field: field, kind,
                    arguments.merging(["base": "\(base)", "horizon": "\(horizon)"]) { own, _ in own }))
        }

        mutating func years(_ path: YearPath, _ field: String) {
            for year in path.years where year <= base || year > horizon {
                add("\(field)[\(year)]", .yearOutsideHorizon, ["year": "\(year)"])
            }
        }

        mutating func rates(_ path: YearPath, _ field: String) {
            years(path, field)
            for year in path.years where path.points[year]! <= -1 || !path.points[year]!.isFinite {
                add("\(field)[\(year)]", .rateTooLow, ["year": "\(year)", "value": "\(path.points[year]!)"])
            }
            bounded(path, -.infinity...ScenarioChecks.largestRate, field)
        }

        /// Every value of the path within `range` (a non-finite one is outside every range).
        mutating func bounded(_ path: YearPath, _ range: ClosedRange<Double>, _ field: String) {
            for year in path.years {
                if let problem = ScenarioChecks.range(path.points[year]!, range, scenario: scenario, field: "\(field)[\(year)]") {
                    problems.append(problem)
                }
            }
        }

        mutating func factors(_ path: YearPath, carrier: String, _ field: String) {
            if !carriers.contains(carrier) { add(field, .unknownCarrier, ["carrier": carrier]) }
            years(path, field)
            for year in path.years where path.points[year]! < 0 || !path.points[year]!.isFinite {
                add("\(field)[\(year)]", .negativeFactor, ["year": "\(year)", "value": "\(path.points[year]!)"])
            }
            bounded(path, -.infinity...ScenarioChecks.largestFactor, field)
        }

        mutating func mix(_ mix: [Int: [String: Double]], _ field: String) {
            for (year, shares) in mix.sorted(by: { $0.key < $1.key }) {
                if year <= base || year > horizon { add("\(field)[\(year)]", .yearOutsideHorizon, ["year": "\(year)"]) }
                for carrier in shares.keys.sorted() where !carriers.contains(carrier) {
                    add("\(field)[\(year)]", .unknownCarrier, ["carrier": carrier])
                }
                let sum = shares.values.reduce(0, +)
                if abs(sum - 1) > 1e-6 || shares.values.contains(where: { $0 < 0 }) {
                    add("\(field)[\(year)]", .sharesDoNotSumToOne, ["year": "\(year)", "sum": "\(sum)"])
                }
            }
        }

        mutating func levers(_ levers: [Lever]) {
            var seen: Set<String> = []
            for lever in levers {
                let field = "levers.\(lever.id)"
                if !seen.insert(lever.id).inserted { add(field, .duplicateLever, ["lever": lever.id]) }
                if lever.startYear <= base || lever.startYear > horizon {
                    add(field + ".start_year", .leverOutsideHorizon, ["year": "\(lever.startYear)"])
                }
                for carrier in lever.energySaved.keys.sorted() where !carriers.contains(carrier) {
                    add(field + ".energy_saved", .unknownCarrier, ["carrier": carrier])
                }
                let amounts = lever.energySaved.sorted { $0.key < $1.key }.map { ($0.value, ".energy_saved.\($0.key)") }
                    + [(lever.co2Avoided, ".co2_avoided")]
                for (value, name) in amounts {
                    if let problem = ScenarioChecks.range(value, 0...ScenarioChecks.largestAmount, scenario: scenario, field: field + name) {
                        problems.append(problem)
                    }
                }
            }
        }
    }
}

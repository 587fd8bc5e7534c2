/// A plan's results as one document: each scenario year by year with its peak, its standing
/// against every target of the plan, and what makes it differ from the baseline (LMDI at the
/// horizon both reach). What the roadmap page draws, the API answers and the CLI prints as JSON.
public struct Roadmap: Sendable, Equatable, Codable {
    public let baseYear: Int
    public let plateauTolerance: Double
    public let baseline: String?
    public let scenarios: [Scenario]

    public struct Scenario: Sendable, Equatable, Codable {
        public let id: String
        public let name: String
        public let parent: String?
        public let horizon: Int
        public let peak: PeakFigures?
        public let years: [Year]
        public let targets: [TargetStanding]
        public let againstBaseline: Comparison?
    }

    public struct Year: Sendable, Equatable, Codable {
        public let year: Int
        public let gdp: Double
        public let energyTce: Double
        public let energyEquivalentTce: Double
        public let coalTce: Double
        public let co2T: Double
        public let energyIntensity: Double
        public let carbonIntensity: Double
        public let energyByArea: [String: Double]
        public let co2ByArea: [String: Double]
        public let leverCo2T: [String: Double]
    }

    /// The peak as found: `peaked` with its year, value and the plateau's first year;
    /// `plateau_at_horizon`; or `rising_at_horizon` with the largest value.
    public struct PeakFigures: Sendable, Equatable, Codable {
        public let status: String
        public let year: Int?
        public let valueT: Double?
        public let plateauFrom: Int?
        public let largestT: Double?

        public init(_ peak: Peak) {
            switch peak {
            case .peaked(let year, let value, let from):
                (status, self.year, valueT, plateauFrom, largestT) = ("peaked", year, value, from, nil)
            case .plateauAtHorizon(let year, let value):
                (status, self.year, valueT, plateauFrom, largestT) = ("plateau_at_horizon", year, value, nil, nil)
            case .risingAtHorizon(let largest):
                (status, year, valueT, plateauFrom, largestT) = ("rising_at_horizon", nil, nil, nil, largest)
            }
        }
    }

    /// A target against a scenario: the indicator's value in the target's year and the limit it
    /// must stay within (for a peak-by target, the peak year and the target year); `met` when it does.
    public struct TargetStanding: Sendable, Equatable, Codable {
        public let id: String
        /// The name it was set under in target management, for a region's own target.
        public let name: String?
        public let indicator: PlanTarget.Indicator
        public let year: Int
        public let value: Double?
        public let limit: Double
        public let met: Bool
        /// The room left under the limit (negative: the amount over it); nil for a peak-by target.
        public let room: Double?
    }

    /// A scenario against the baseline in the horizon both reach: the change in CO2 and its LMDI
    /// effects, with the change from capture (levers outside energy use) beside them.
    public struct Comparison: Sendable, Equatable, Codable {
        public let baseline: String
        public let year: Int
        public let totalChange: Double
        public let captureChange: Double
        public let effects: [String: Double]
    }

    enum CodingKeys: String, CodingKey {
        case scenarios, baseline
        case baseYear = "base_year", plateauTolerance = "plateau_tolerance"
    }

    public init(results: [ScenarioResult], baselineID: String?, targets: [PlanTarget], tolerance: Double) {
        baseYear = results.first?.years.first?.year ?? 0
        plateauTolerance = tolerance
        baseline = baselineID
        let baseline = results.first { $0.scenario.id == baselineID }
        scenarios = results.map { result in
            Scenario(
                id: result.scenario.id, name: result.scenario.name,
                parent: result.scenario.parentID, horizon: result.scenario.horizon,
                peak: result.peak(tolerance: tolerance).map(PeakFigures.init), years: result.years.map(Year.init),
                targets: targets.map { TargetStanding($0, result, tolerance: tolerance) },
                againstBaseline: baseline.flatMap { baseline in
                    baseline.scenario.id == result.scenario.id ? nil : Comparison(baseline, result)
                })
        }
    }

    public func scenario(_ id: String) -> Scenario? { scenarios.first { $0.id == id } }
}

extension Roadmap.Year {
    init(_ year: ScenarioYear) {
        self.year = year.year
        gdp = year.gdp
        energyTce = year.totalEnergy
        energyEquivalentTce = year.totalEnergyEquivalent
        coalTce = year.coal
        co2T = year.totalCO2
        energyIntensity = year.energyIntensity
        carbonIntensity = year.carbonIntensity
        energyByArea = Dictionary(uniqueKeysWithValues: year.energy.keys.map { ($0.rawValue, year.energy(of: $0)) })
        co2ByArea = Dictionary(uniqueKeysWithValues: year.co2.keys.map { ($0.rawValue, year.co2(of: $0)) })
        leverCo2T = year.leverCO2
    }
}

extension Roadmap.TargetStanding {
    init(_ target: PlanTarget, _ result: ScenarioResult, tolerance: Double) {
        id = target.id
        name = target.name
        indicator = target.indicator
        year = target.year
        let limit = ProjectReview.limit(target, result)
        self.limit = limit
        if target.indicator == .peakBy {
            let peak = result.peak(tolerance: tolerance)?.year
            value = peak.map(Double.init)
            met = peak.map { $0 <= target.year } ?? false
            room = nil
        } else {
            let value = ProjectReview.value(target, result)
            self.value = value
            met = value.map { $0 <= limit } ?? false
            room = value.map { limit - $0 }
        }
    }
}

extension Roadmap.Comparison {
    /// Nil when neither has CO2 in the year both reach (nothing to decompose).
    init?(_ baseline: ScenarioResult, _ result: ScenarioResult) {
        let year = min(baseline.scenario.horizon, result.scenario.horizon)
        guard let a = baseline.snapshot(year), let b = result.snapshot(year), a.totalCO2 > 0 || b.totalCO2 > 0 else {
            return nil
        }
        let effects = LMDI.decompose(from: a, to: b, form: .additive)
        func captured(_ r: ScenarioResult) -> Double { r.year(year)?.co2Avoided.values.reduce(0, +) ?? 0 }
        let capture = captured(baseline) - captured(result)
        self.baseline = baseline.scenario.id
        self.year = year
        captureChange = capture
        totalChange = effects.totalChange + capture
        self.effects = Dictionary(uniqueKeysWithValues: effects.effects.map { ($0.key.rawValue, $0.value) })
    }
}

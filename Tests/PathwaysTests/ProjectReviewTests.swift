import Pathways
import Testing

@Suite("New-project review")
struct ProjectReviewTests {
    /// A coal-fired industrial project from 2024 (10 tce a year of coal, 50 万元 of value added) on
    /// the baseline of `ScenarioFixture`. By hand, 2025 without → with: energy 219.694 → 229.694
    /// tce, CO2 651.196 → 677.796 t (+10 × 2.66), coal 78.359 → 88.359 tce, GDP 1,276.28 → 1,326.28.
    static let project = ProposedProject(
        name: "某电解铝项目（虚构）", area: .industry, startYear: 2024, energy: ["coal": 10], valueAdded: 50)

    @Test("each target's verdict, with its numbers, by hand")
    func verdicts() throws {
        let plan = try ScenarioSet(base: ScenarioFixture.base, scenarios: [ScenarioFixture.baseline])
        let targets = [
            // Room 240 − 219.694 = 20.306; the project takes 10, under half: fits.
            PlanTarget(id: "energy-cap", indicator: .energyTotal, year: 2025, value: 240),
            // Room 690 − 651.196 = 38.804; the project takes 26.6, over half: tightens.
            PlanTarget(id: "carbon-cap", indicator: .carbonTotal, year: 2025, value: 690),
            // 88.359 > 85: breaks.
            PlanTarget(id: "coal-cap", indicator: .coalTotal, year: 2025, value: 85),
            // Limit 0.2 × 0.9 = 0.18 tce/万元; 0.172134 → 0.173186, under half the room: fits.
            PlanTarget(id: "energy-intensity", indicator: .energyIntensity, year: 2025, value: 0.1),
            // Limit 0.6065 × 0.8 = 0.4852; 0.510226 already above: breaks.
            PlanTarget(id: "carbon-intensity", indicator: .carbonIntensity, year: 2025, value: 0.2),
            // The baseline rises to its horizon: no peak either way.
            PlanTarget(id: "peak", indicator: .peakBy, year: 2025),
        ]
        let review = try ProjectReview.review(Self.project, on: "baseline", in: plan, targets: targets)
        #expect(review.judgements.map(\.verdict) == [.fits, .tightens, .breaks, .fits, .breaks, .breaks])
        let byID = Dictionary(uniqueKeysWithValues: review.judgements.map { ($0.target.id, $0) })
        expectClose(byID["energy-cap"]?.with, 229.69354710525616)
        expectClose(byID["carbon-cap"]?.with, 651.1959643154181 + 26.6)
        expectClose(byID["coal-cap"]?.with, 88.3585933568156)
        expectClose(byID["energy-intensity"]?.limit, 0.18)
        expectClose(byID["energy-intensity"]?.with, 229.69354710525616 / 1326.2815625000003)
        expectClose(byID["carbon-intensity"]?.limit, 606.5 / 1000 * 0.8)
        #expect(byID["peak"]?.without == nil && byID["peak"]?.with == nil)
        // Before its start year the project changes nothing.
        #expect(review.with.year(2023) == review.without.year(2023))
    }

    @Test("a project outside the horizon, with an unknown carrier or negative figures, is refused by field")
    func badProjects() throws {
        let plan = try ScenarioSet(base: ScenarioFixture.base, scenarios: [ScenarioFixture.baseline])
        var bad = Self.project
        bad.startYear = 2030
        bad.energy = ["hydrogen": 5, "coal": -1]
        bad.valueAdded = -3
        #expect {
            _ = try ProjectReview.review(bad, on: "baseline", in: plan, targets: [])
        } throws: { error in
            (error as? ScenarioProblems)?.problems.map(\.field)
                == ["project.start_year", "project.energy.coal", "project.energy", "project.value_added"]
        }
        #expect(throws: ScenarioProblems.self) {
            _ = try ProjectReview.review(Self.project, on: "nowhere", in: plan, targets: [])
        }
        // Figures too large to mean anything (and to keep the totals finite).
        var huge = Self.project
        huge.energy = ["coal": 1e300]
        huge.valueAdded = .infinity
        #expect {
            _ = try ProjectReview.review(huge, on: "baseline", in: plan, targets: [])
        } throws: { error in
            (error as? ScenarioProblems)?.problems.map(\.field) == ["project.energy.coal", "project.value_added"]
        }
    }

    @Test("an intensity reduction from its own base year: a given value, or the scenario's own year")
    func ownBaseYear() throws {
        let plan = try ScenarioSet(base: ScenarioFixture.base, scenarios: [ScenarioFixture.baseline])
        let targets = [
            // From a year before the plan's (its intensity given): 0.25 × (1 − 0.1).
            PlanTarget(id: "given", indicator: .energyIntensity, year: 2025, value: 0.1, baseYear: 2019, baseValue: 0.25),
            // From a year the scenario runs through: that year's intensity, less 5 %.
            PlanTarget(id: "scenario-year", indicator: .carbonIntensity, year: 2025, value: 0.05, baseYear: 2023),
        ]
        let review = try ProjectReview.review(Self.project, on: "baseline", in: plan, targets: targets)
        expectClose(review.judgements[0].limit, 0.225)
        let year2023 = try #require(review.without.year(2023))
        expectClose(review.judgements[1].limit, year2023.carbonIntensity * 0.95)
    }
}

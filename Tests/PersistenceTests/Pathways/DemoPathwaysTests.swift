import Accounting
import Foundation
import Pathways
import PersistenceTestSupport
import Testing

@testable import Persistence

@Suite("The demo province's pathways")
struct DemoPathwaysTests {
    @Test("the demo has its statistics, a three-scenario plan and two reviews on the enhanced scenario")
    func demo() async throws {
        try await TestDatabases.withDemoDatabase { database in
            let plan = try #require(try await PathwayPlanStore(database).plan(.region("510000")))
            let checked = try await RegionalStatisticsStore(database).check(try plan.file(), savedFor: "510000")
            let roadmap = checked.roadmap()
            #expect(roadmap.scenarios.map(\.id) == ["baseline", "policy", "enhanced"])
            #expect(roadmap.baseYear == 2023)
            // The baseline still rises in 2060, the policy peaks late, the enhanced scenario early.
            #expect(roadmap.scenarios.map { $0.peak?.status } == ["rising_at_horizon", "peaked", "peaked"])
            #expect(roadmap.scenario("enhanced")?.targets.allSatisfy(\.met) == true)
            let reviews = try await ProjectReviewStore(database).reviews(.region("510000"))
            let verdicts = Dictionary(uniqueKeysWithValues: reviews.map { ($0.project.name, $0.judgements.map(\.verdict)) })
            // Targets in the plan's order — energy intensity 2025, carbon intensity 2030, energy
            // total 2030, coal total 2030, peak by 2030 — then the province's own target from target
            // management (carbon intensity 8 % below 2022 by 2025). The aluminium smelter takes the
            // 2030 carbon intensity over its limit and moves the peak from 2025 to 2027.
            #expect(verdicts["某数据中心（虚构）"] == [.fits, .fits, .fits, .fits, .fits, .fits])
            #expect(verdicts["某电解铝扩建项目（虚构）"] == [.fits, .breaks, .tightens, .fits, .tightens, .fits])
            // The province's target is judged from its own base year, 2022, before the plan's: its
            // limit is 2022's CO2 (each carrier at 2022's factors) per 万元 of GDP, less 8 %.
            let province = try #require(reviews.first?.judgements.last)
            #expect(province.target.name == "四川省碳排放强度下降（虚构演示）" && province.target.baseYear == 2022)
            let history = try await RegionalStatisticsStore(database).history(regionCode: "510000")
            guard case .success(let factors) = CarrierFactors.derived(from: try FactorLibrary.standard(), year: 2022, province: "51")
            else { Issue.record("no 2022 factors"); return }
            let co2 = history.co2(2022, factors: factors).values.flatMap(\.values).reduce(0, +)
            let expected = co2 / history.years[2022]!.gdp! * 0.92
            #expect(abs(province.limit - expected) <= 1e-12 * expected)
            #expect(reviews.allSatisfy { $0.scenario == "enhanced" && $0.planRevision == 1 })
        }
    }

    @Test("the demo group plans its own peak from its inventory and has one review")
    func demoGroup() async throws {
        try await TestDatabases.withDemoDatabase { database in
            let group = try await UnitStore(database).unit(code: DemoPathways.groupCode)
            let plans = PathwayPlanStore(database)
            let plan = try #require(try await plans.plan(.unit(group.id)))
            let roadmap = try await plans.check(try plan.file(), for: .unit(group.id)).roadmap()
            #expect(roadmap.baseYear == 2024 && roadmap.scenarios.map(\.id) == ["baseline", "lead"])
            // The baseline still rises in 2040; the scenario that peaks first does so in 2027, within
            // the group's peak-by-2028 target (industry's intensity falls 3 % a year, 7 % from 2028).
            #expect(roadmap.scenarios.map { $0.peak?.status } == ["rising_at_horizon", "peaked"])
            #expect(roadmap.scenario("lead")?.peak?.year == 2027)
            #expect(roadmap.scenarios.map { $0.targets.map(\.met) } == [[false], [true]])
            let reviews = try await ProjectReviewStore(database).reviews(.unit(group.id))
            #expect(reviews.map(\.project.name) == ["某技改扩能项目（虚构）"])
            #expect(reviews.first?.judgements.map(\.verdict) == [.fits] && reviews.first?.scenario == "lead")
        }
    }

    @Test("the examples hold the demo's statistics and plan")
    func examplesMatch() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let plan = try PlanFile.decode(try Data(contentsOf: root.appending(path: "Examples/plan-fictional.json")))
        #expect(plan == (try PlanFile.decode(Data(DemoPathways.plan.utf8))))
        let csv = try String(contentsOf: root.appending(path: "Examples/regional-statistics-fictional.csv"), encoding: .utf8)
        let figures = csv.split(separator: "\n").dropFirst().map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).suffix(4).map { Double($0) }
        }
        #expect(figures == DemoPathways.rows().map { [$0.energyTce, $0.valueAdded, $0.gdp, $0.population] })
    }
}

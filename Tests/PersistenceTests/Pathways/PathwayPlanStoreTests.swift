import Accounting
import Foundation
import Pathways
import Persistence
import PersistenceTestSupport
import Testing

@Suite("Stored plans and project reviews")
struct PathwayPlanStoreTests {
    static let planner = AuditActor(accountID: 3, name: "planner", address: "192.0.2.3")

    /// A plan that gives its own base year: two areas, two carriers, a cap and a peak-by target.
    static func plan(horizon: Int = 2035, parent: String? = nil) -> PlanFile {
        var file = PlanFile(
            base: PlanBase(
                year: 2020, gdp: 1_000,
                areas: [
                    .industry: AreaBase(activity: 600, energy: ["coal": 80, "electricity": 20]),
                    .buildings: AreaBase(activity: 400, energy: ["electricity": 10]),
                ],
                carriers: [
                    CarrierSpec(id: "coal", nameZh: "煤炭", nameEn: "coal", emissionFactor: 2.66, isCoal: true),
                    CarrierSpec(id: "electricity", nameZh: "电力", nameEn: "electricity", emissionFactor: 4.5),
                ]),
            scenarios: [
                ScenarioDefinition(
                    id: "baseline", name: "基准", parent: parent, horizon: horizon, gdpGrowth: YearPath([2021: 0.05]),
                    areas: [.industry: AreaDrivers(intensityChange: YearPath([2021: -0.03]))])
            ])
        file.targets = [
            PlanTarget(id: "cap", indicator: .energyTotal, year: 2030, value: 200),
            PlanTarget(id: "peak", indicator: .peakBy, year: 2030),
        ]
        return file
    }

    @Test("a plan is saved whole, raises its revision, refuses a stale revision and is audited", arguments: TestDatabases.locations)
    func saveAndRevise(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { database in
            try await AuditActor.$current.withValue(Self.planner) {
                let store = PathwayPlanStore(database)
                let first = try await store.save(Self.plan(), for: .region("510000"), revision: nil)
                #expect(first.revision == 1 && first.updatedBy == "planner")
                let second = try await store.save(Self.plan(horizon: 2040), for: .region("510000"), revision: 1)
                #expect(second.revision == 2)
                #expect(try second.file().scenarios[0].horizon == 2040)
                // The plan keeps the region it is saved for.
                #expect(try second.file().region == "510000")
                await #expect(throws: StoreError.self) {
                    try await store.save(Self.plan(horizon: 2045), for: .region("510000"), revision: 1)
                }
                #expect(try await store.plan(.region("510000"))?.revision == 2)
                let entries = try await AuditLog.entries(
                    AuditFilter(action: .planSaved), scope: .everything, limit: 10, in: database)
                #expect(entries.count == 2)
                #expect(entries.allSatisfy { $0.actor == "planner" && $0.subjectId == "510000" })
            }
        }
    }

    @Test("a plan that cannot run is refused with its field named, and nothing is kept", arguments: TestDatabases.locations)
    func badPlanRefused(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { database in
            try await AuditActor.$current.withValue(Self.planner) {
                let store = PathwayPlanStore(database)
                var cycle = Self.plan(parent: "policy")
                cycle.scenarios.append(ScenarioDefinition(id: "policy", name: "政策", parent: "baseline"))
                var late = Self.plan()
                late.scenarios[0].gdpGrowth = YearPath([2070: 0.02])
                var elsewhere = Self.plan()
                elsewhere.region = "330000"
                var noBase = Self.plan()
                noBase.base = nil
                noBase.baseYear = 2020
                let cases: [(PlanFile, String, ScenarioProblem.Kind)] = [
                    (cycle, "parent", .inheritanceCycle), (late, "gdp_growth[2070]", .yearOutsideHorizon),
                    (elsewhere, "region", .regionMismatch), (noBase, "base_year", .incompleteStatistics),
                ]
                for (file, field, kind) in cases {
                    do {
                        try await store.save(file, for: .region("510000"), revision: nil)
                        Issue.record("saved a plan with \(kind)")
                    } catch let problems as ScenarioProblems {
                        #expect(problems.problems.contains { $0.field == field && $0.kind == kind }, "\(problems.problems)")
                    }
                }
                #expect(try await store.regionPlans().isEmpty)
                #expect(try await AuditLog.entries(AuditFilter(), scope: .everything, limit: 10, in: database).isEmpty)
            }
        }
    }

    @Test("a review is judged on the stored plan and kept with its figures and the plan's revision", arguments: TestDatabases.locations)
    func reviewKept(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { database in
            try await AuditActor.$current.withValue(Self.planner) {
                let reviews = ProjectReviewStore(database)
                let project = ProposedProject(
                    name: "扩建（虚构）", area: .industry, startYear: 2025, energy: ["coal": 30], valueAdded: 50)
                await #expect(throws: StoreError.notFound(kind: "pathway_plan", id: "510000")) {
                    try await reviews.review(project, for: .region("510000"), scenario: nil)
                }
                try await PathwayPlanStore(database).save(Self.plan(), for: .region("510000"), revision: nil)
                let (stored, review) = try await reviews.review(project, for: .region("510000"), scenario: nil)
                #expect(stored.planRevision == 1 && stored.scenario == "baseline" && stored.project == project)
                #expect(stored.judgements == review.judgements && stored.verdict == review.verdict)
                // By hand: activity follows GDP (+5 %/yr) where no driver says otherwise, industry's
                // intensity falls 3 %/yr, so 2030 energy without the project is
                // 100·(1.05·0.97)^10 + 10·1.05^10 = 136.41 tce; with it 166.41 — under the cap of 200,
                // taking 30 of the 63.59 left (at most half): fits.
                let cap = try #require(stored.judgements.first { $0.target.id == "cap" })
                #expect(abs(cap.without! - (100 * pow(1.05 * 0.97, 10) + 10 * pow(1.05, 10))) < 1e-9)
                #expect(abs(cap.with! - cap.without! - 30) < 1e-9 && cap.verdict == .fits)
                let wrong = ProposedProject(name: "x", area: .industry, startYear: 2019, energy: ["peat": -1], valueAdded: 1)
                await #expect(throws: ScenarioProblems.self) {
                    try await reviews.review(wrong, for: .region("510000"), scenario: nil)
                }
                await #expect(throws: ScenarioProblems.self) {
                    try await reviews.review(project, for: .region("510000"), scenario: "nowhere")
                }
                #expect(try await reviews.reviews(.region("510000")).map(\.id) == [stored.id])
                #expect(try await reviews.review(id: stored.id) == stored)
                let entries = try await AuditLog.entries(
                    AuditFilter(action: .projectReviewed), scope: .everything, limit: 10, in: database)
                #expect(entries.count == 1)
            }
        }
    }

    @Test("a plan keeps its scenarios' peaks, renewed when its region's statistics change", arguments: TestDatabases.locations)
    func summaryRenewed(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { database in
            try await AuditActor.$current.withValue(Self.planner) {
                func statistics(coal: Double) -> [RegionalStatistic] {
                    [
                        RegionalStatistic(regionCode: "510000", year: 2020, area: .industry, carrier: .coal, energyTce: coal),
                        RegionalStatistic(regionCode: "510000", year: 2020, area: .industry, valueAdded: 500),
                        RegionalStatistic(regionCode: "510000", year: 2020, gdp: 1_000),
                    ]
                }
                let store = RegionalStatisticsStore(database)
                try await store.write(statistics(coal: 100), provenance: RecordBatch(kind: "test"))
                var file = Self.plan()
                file.base = nil
                file.baseYear = 2020
                file.targets = nil
                try await PathwayPlanStore(database).save(file, for: .region("510000"), revision: nil)
                let first = try #require(try await PathwayPlanStore(database).plan(.region("510000"))?.summary)
                // The baseline grows with GDP to its horizon: still rising, its largest value its last.
                guard case .risingAtHorizon(let before) = first.scenarios.first?.peak else {
                    Issue.record("\(first)")
                    return
                }
                let stored = try await store.storedIDs(regions: ["510000"])
                try await store.write(
                    statistics(coal: 200), provenance: RecordBatch(kind: "test"), superseding: Array(stored.values))
                let renewed = try #require(try await PathwayPlanStore(database).plan(.region("510000"))?.summary)
                guard case .risingAtHorizon(let after) = renewed.scenarios.first?.peak else {
                    Issue.record("\(renewed)")
                    return
                }
                // Twice the coal, twice the CO2 (the factors are the year's, unchanged).
                #expect(abs(after - 2 * before) <= 1e-9 * after)
            }
        }
    }
}

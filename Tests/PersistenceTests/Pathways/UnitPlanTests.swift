import Accounting
import Foundation
import Governance
import Pathways
import Persistence
import PersistenceTestSupport
import Testing

@Suite("A unit's plan (率先达峰)")
struct UnitPlanTests {
    static let planner = AuditActor(accountID: 3, name: "planner", address: "192.0.2.3")

    /// A unit's plan: no region, the base year from the inventory, a peak-by and a cap.
    static let plan = """
        {"base_year": 2024, "plateau_tolerance": 0.01,
         "targets": [{"id": "peak", "indicator": "peak_by", "year": 2030}],
         "scenarios": [
           {"id": "baseline", "name": "基准", "horizon": 2040, "gdp_growth": {"2025": 0.05},
            "areas": {"industry": {"intensity_change": {"2025": -0.04}}}},
           {"id": "policy", "name": "政策", "parent": "baseline",
            "areas": {"industry": {"intensity_change": {"2025": -0.07}}}}
         ]}
        """

    /// The base year is summed from the inventory's lines by item; the roll-up's stored summary
    /// is read by another path (one row per subject), so the two agreeing checks the placement of
    /// every line under an area and a carrier.
    @Test("the demo group's base year reproduces its inventory's energy and energy-related CO2")
    func baseFromInventory() async throws {
        try await TestDatabases.withDemoDatabase { database in
            let group = try await UnitStore(database).unit(code: "DEMO-G1")
            let base = try await UnitHistoryStore(database).planBase(unitID: group.id, year: 2024)
            let rollup = try await RollupStore(database).rollup(.unit(id: group.id, approach: .control), year: 2024)
            var energy = 0.0, co2 = 0.0
            for (item, figures) in rollup.byItem where RegionalCarrier(item: item) != nil {
                energy += figures.energyCalorific.value(in: .tonneCoalEquivalent)
                co2 += figures.emissions(.location).value(in: .tonneCO2e)
            }
            let factors = Dictionary(uniqueKeysWithValues: base.carriers.map { ($0.id, $0.emissionFactor) })
            let planEnergy = base.areas.values.map(\.totalEnergy).reduce(0, +)
            let planCO2 = base.areas.values.flatMap { $0.energy.map { $0.value * factors[$0.key]! } }.reduce(0, +)
            #expect(energy > 0 && abs(planEnergy - energy) <= 1e-9 * energy)
            #expect(abs(planCO2 - co2) <= 1e-9 * co2)
            // The economy is the group's value added at constant prices.
            let added = try #require(rollup.totals.valueAdded?.value(in: .tenThousandYuan))
            #expect(abs(base.gdp - added) <= 1e-9 * added)
            #expect(base.carriers.map(\.id) == RegionalCarrier.allCases.map(\.rawValue))
        }
    }

    @Test("a unit's plan is saved, run and reviewed on its own, apart from the regions' plans (a group without one)")
    func saveRunReview() async throws {
        try await TestDatabases.withDemoDatabase { database in
            try await AuditActor.$current.withValue(Self.planner) {
                let group = try await UnitStore(database).unit(code: "DEMO-G2")
                let store = PathwayPlanStore(database)
                let saved = try await store.save(
                    try PlanFile.decode(Data(Self.plan.utf8)), for: .unit(group.id), revision: nil)
                #expect(saved.subject == .unit(group.id) && saved.revision == 1)
                #expect(try await store.regionPlans().allSatisfy { $0.subject.regionCode != nil })
                // The group's own targets are judged beside the plan's: a coal cap by 2030 and an energy
                // cap at 等价值 (which the plan, at 当量值, does not project: left out).
                let coalCap = try await TargetStore(database).create(
                    name: "集团控煤（虚构）", subject: .unit(group.id),
                    target: Target(indicator: .coalTotal, kind: .cap(IndicatorAmount(1_000, of: .coalTotal)), firstYear: 2030))
                _ = try await TargetStore(database).create(
                    name: "等价值总量（虚构）", subject: .unit(group.id),
                    target: Target(
                        indicator: .energyTotal, kind: .cap(IndicatorAmount(1_000, of: .energyTotal)), firstYear: 2030,
                        basis: TargetBasis(energyBasis: .equivalent)))
                let roadmap = try await store.check(try saved.file(), for: .unit(group.id)).roadmap()
                #expect(roadmap.baseYear == 2024 && roadmap.scenarios.map(\.id) == ["baseline", "policy"])
                #expect(roadmap.scenarios[0].targets.map(\.id) == ["peak", "target-\(coalCap.id)"])
                let project = ProposedProject(
                    name: "扩建项目（虚构）", area: .industry, startYear: 2027, energy: ["coal": 5_000], valueAdded: 20_000)
                let (kept, _) = try await ProjectReviewStore(database).review(project, for: .unit(group.id), scenario: "policy")
                #expect(kept.subject == .unit(group.id) && kept.planRevision == 1)
                #expect(try await ProjectReviewStore(database).reviews(.unit(group.id)).map(\.id) == [kept.id])
                #expect(try await ProjectReviewStore(database).reviews(.region("510000")).allSatisfy { $0.id != kept.id })
                let entries = try await AuditLog.entries(
                    AuditFilter(action: .planSaved), scope: .everything, limit: 10, in: database)
                #expect(entries.contains { $0.subjectId == "unit-\(group.id)" })
            }
        }
    }

    @Test("a unit's plan naming a region, or a base year without an inventory, is refused by field")
    func refusals() async throws {
        try await TestDatabases.withDemoDatabase { database in
            try await AuditActor.$current.withValue(Self.planner) {
                let group = try await UnitStore(database).unit(code: "DEMO-G2")
                let store = PathwayPlanStore(database)
                var file = try PlanFile.decode(Data(Self.plan.utf8))
                file.region = "510000"
                await #expect(throws: ScenarioProblems.self) {
                    try await store.save(file, for: .unit(group.id), revision: nil)
                }
                do {
                    _ = try await store.check(file, for: .unit(group.id))
                } catch let problems as ScenarioProblems {
                    #expect(problems.problems.map(\.kind) == [.unitPlanNamesRegion])
                    #expect(problems.problems[0].field == "region")
                }
                file.region = nil
                file.baseYear = 2015
                do {
                    _ = try await store.check(file, for: .unit(group.id))
                    Issue.record("a base year without an inventory ran")
                } catch let problems as ScenarioProblems {
                    #expect(problems.problems.map(\.kind) == [.noUnitInventory])
                    #expect(problems.text(.en).contains("DEMO-G2"))
                }
                #expect(try await store.plan(.unit(group.id)) == nil)
            }
        }
    }
}

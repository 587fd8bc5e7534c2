import Accounting
import Pathways
import Persistence
import PersistenceTestSupport
import Testing

@Suite("A unit's history from its inventories")
struct UnitHistoryTests {
    @Test("the demo group's three years by child; the decomposition sums to its children's change")
    func demoGroup() async throws {
        try await TestDatabases.withDemoDatabase { database in
            let group = try await UnitStore(database).unit(code: "DEMO-G1")
            let history = try await UnitHistoryStore(database).history(unit: group, years: 2000...2060)
            #expect(history.years.keys.sorted() == DemoProvince.years)
            // Each year's children sum to the group's own roll-up.
            for year in DemoProvince.years {
                let rollup = try await RollupStore(database).rollup(.unit(id: group.id, approach: .control), year: year)
                let co2 = history.years[year]!.map(\.co2).reduce(0, +)
                let expected = rollup.totals.emissions(.location).value(in: .tonneCO2e)
                #expect(abs(co2 - expected) <= 1e-9 * expected, "\(year)")
            }
            let result = try Decomposition(DecompositionData(rows: history.decompositionRows()), from: 2022, to: 2024)
            let kept = history.decomposableChildren
            func co2(_ year: Int) -> Double { history.years[year]!.filter { kept.contains($0.name) }.map(\.co2).reduce(0, +) }
            #expect(abs(result.total.explained - (co2(2024) - co2(2022))) <= 1e-9 * abs(co2(2022)))
        }
    }
}

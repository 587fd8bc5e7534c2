import Accounting
import Governance
import Persistence
import PersistenceTestSupport
import Testing

@Suite("Rankings and carbon-efficiency grades from stored inventories")
struct RankingAndGradeStoreTests {
    @Test("a group's enterprises ranked by emissions and by year-on-year change", arguments: TestDatabases.locations)
    func ranking(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            let w = try await GovernanceStoreWorld.make(in: db)
            let board = GovernanceBoard(db, currentYear: 2024)
            let units = try await board.rankingUnits(under: .unit(w.g.id), scope: .everything)
            #expect(units.map(\.code) == ["E1", "E2"])
            let byValue = try await board.ranking(units, indicator: .carbonTotal, year: 2023, by: .value)
            #expect(byValue.map(\.unit.code) == ["E1", "E2"])
            #expect(byValue.map(\.rank) == [1, 2])
            // 30 t of diesel against 10 t: three times the emissions, whatever diesel's factors.
            let e1 = try #require(byValue[0].value)
            let e2 = try #require(byValue[1].value)
            #expect(abs(e2 / e1 - 3) < 1e-12)
            // 2022's ranks: E1 (20 t) still below E2 (30 t).
            #expect(byValue.map(\.previousRank) == [1, 1 + 1])
            #expect(byValue.allSatisfy { $0.peerGroup == "C30" && $0.peerRank != nil })
            // Year on year E1 halved (−50 %) and E2 stayed (0 %).
            let byChange = try await board.ranking(units, indicator: .carbonTotal, year: 2023, by: .yearOnYear)
            #expect(byChange.map(\.unit.code) == ["E1", "E2"])
            #expect(abs((byChange[0].value ?? 0) - -0.5) < 1e-12)
            #expect(abs(byChange[1].value ?? 1) < 1e-12)
            // A viewer of E2 ranks E2 alone.
            let e2Scope = try await w.viewerScope(of: w.e2, in: db)
            #expect(try await board.rankingUnits(under: .unit(w.g.id), scope: e2Scope).map(\.code) == ["E2"])
        }
    }

    @Test(
        "grades against the division's own average, then against a published benchmark, kept with its source",
        arguments: TestDatabases.locations)
    func grades(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            let w = try await GovernanceStoreWorld.make(in: db)
            let board = GovernanceBoard(db, currentYear: 2024)
            // Equal value added, emissions 1 : 3: the division's average L is 2 units of E1's L, so
            // K is 0.5 for E1 (grade 1 on the bundled scale, K ≤ 0.6) and 1.5 for E2 (grade 4, K ≤ 2.0).
            let own = try await board.grades(under: .unit(w.g.id), year: 2023, scope: .everything)
            let byID = Dictionary(uniqueKeysWithValues: own.results.map { ($0.id, $0) })
            let e1 = try #require(byID[w.e1.id])
            let e2 = try #require(byID[w.e2.id])
            #expect(abs((e1.k ?? 0) - 0.5) < 1e-12 && e1.grade == 1 && !e1.benchmarked)
            #expect(abs((e2.k ?? 0) - 1.5) < 1e-12 && e2.grade == 4)
            // A published average equal to E1's own L: E1's K is 1 (grade 3), E2's 3 (grade 5).
            let store = CarbonEfficiencyStore(db)
            let l1 = try #require(e1.intensity)
            try await store.replaceBenchmarks(year: 2023, averages: ["C30": l1], source: "test table")
            #expect(try await store.benchmarks(year: 2023) == ["C30": l1])
            let published = try await board.grades(under: .unit(w.g.id), year: 2023, scope: .everything)
            let again = Dictionary(uniqueKeysWithValues: published.results.map { ($0.id, $0) })
            #expect(abs((again[w.e1.id]?.k ?? 0) - 1) < 1e-12 && again[w.e1.id]?.grade == 3)
            #expect(abs((again[w.e2.id]?.k ?? 0) - 3) < 1e-12 && again[w.e2.id]?.grade == 5)
            #expect(again[w.e2.id]?.benchmarked == true)
            // The history of E2 against its tree's peers: 2022 and 2023.
            let history = try await board.gradeHistory(of: w.e2, years: 2022...2023)
            #expect(history.map(\.year) == [2022, 2023])
        }
    }
}

import Accounting
import Persistence
import PersistenceTestSupport
import Reports
import Testing

/// The reports read their figures the fast way (stored summaries, counts without rows); these
/// hold each to the slow way on the demo province, which has several gases and a review board.
@Suite("Reports' sources against the lines and the board")
struct ReportSourcesTests {
    @Test("the inventory report's gases, read from the stored summary, equal the lines summed by gas")
    func gasesEqualTheLines() async throws {
        try await TestDatabases.withDemoDatabase { database in
            let supervisor = try await UnitStore(database).unit(code: "DEMO-SC-SASAC")
            let report = try await InventoryReportSource(database).report(unitID: supervisor.id, year: 2024, language: .en)
            let inventory = try await InventoryStore(database).inventory(id: report.basis.inventoryId)
            let fromLines = try await RollupStore(database).gasParts(unitID: supervisor.id, inventory: inventory)
            #expect(Set(report.byGas.map(\.key)) == Set(fromLines.map(\.key)))
            #expect(report.byGas.count > 1, "the demo has more than CO2")
            for part in fromLines {
                let read = try #require(report.byGas.first { $0.key == part.key })
                for (a, b) in [(read.scope1T, part.scope1T), (read.scope2LocationT, part.scope2LocationT),
                    (read.scope2MarketT, part.scope2MarketT), (read.tceCalorific, part.tceCalorific)]
                {
                    #expect(abs(a - b) <= 1e-9 * max(1, abs(b)), "\(part.key): \(a) vs \(b)")
                }
            }
        }
    }

    @Test("the supervisor's completeness equals the review board's counts")
    func completenessEqualsTheBoard() async throws {
        try await TestDatabases.withDemoDatabase { database in
            let supervisor = try await UnitStore(database).unit(code: "DEMO-SC-SASAC")
            for today in ["2024-06-30", "2025-03-31"] {
                let board = try await ReviewStore(database).board(
                    under: supervisor.id, year: 2024, scope: .everything, today: today)
                let counts = try await ReviewStore(database).completeness(
                    under: supervisor.id, year: 2024, scope: .everything, today: today)
                #expect(counts.byStatus == board.counts)
                #expect(counts.late == board.lateCount)
                #expect(counts.periods == board.rows.reduce(0) { $0 + $1.periods.count })
            }
        }
    }
}

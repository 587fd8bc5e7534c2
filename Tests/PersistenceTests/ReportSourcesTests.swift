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

    @Test("the demo's climate section: the verified waste-heat project with its measure, Scope 3, GJ, base year")
    func demoClimateSection() async throws {
        try await TestDatabases.withDemoDatabase { database in
            let company = try await UnitStore(database).unit(code: DemoProvince.climateReporterCode)
            let section = try await ClimateDisclosureSource(database).report(
                unitID: company.id, year: 2024, scope: .everything, language: .zh)
            let heat = try #require(section.reductions.first { $0.code == "WH-01" })
            #expect(heat.measure == "熟料线余热发电（虚构）")
            #expect(heat.verifiedT != nil, "2024 was measured (DemoAssets)")
            // DemoValueChain: 12,400 t of clinker and 85 t of travel, four categories excluded.
            #expect(section.inventory.scope3?.totalTonnes == 12_485)
            #expect(section.inventory.scope3?.exclusions.map(\.category) == [8, 13, 14, 15])
            // GB/T 2589: 29,307 kJ/kgce.
            #expect(abs(section.energyGJ - section.inventory.total.tceCalorific * 29.307) < 1e-6 * section.energyGJ)
            #expect(section.baseYear?.year == 2022)
            #expect(section.narrative.governance.hasPrefix("董事会"))
            // The issued one is the demo's third report.
            let issued = try await IssuedReportStore(database).list(under: company.id)
            #expect(issued.map(\.kind) == ["climate"])
        }
    }
}

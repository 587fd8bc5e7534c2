import Accounting
import Assets
import Persistence
import PersistenceTestSupport
import Testing

/// The demo's power plant: covered for 2022 under the bundled 2021–2022 power rules, its allocation
/// by the benchmark method from its power and heat supplied, short by more than a tenth, complied in
/// full with borrowed allowances, CCER within the limit and allowances bought.
@Suite("The demo's power plant")
struct DemoPowerPlantTests {
    @Test("2022 by hand: allocation by benchmark, verified emissions, CCER within 5 %, surrendered in full by the deadline")
    func year2022() async throws {
        try await TestDatabases.withDemoDatabase { db async throws in
            let plant = try await UnitStore(db).unit(code: "DEMO-G3-E6-F1")
            let coal = DemoProvince().activity.filter {
                $0.unitCode == plant.code && $0.item == "烟煤" && $0.period.hasPrefix("2022")
            }.map(\.quantity).reduce(0, +)
            // Outputs: 1.10 MWh and 5.8 GJ supplied per tonne of coal; allocation 0.82 tCO2/MWh ×
            // power + 0.11 tCO2/GJ × heat (the demo's own benchmark records), to the nearest tonne.
            let power = (coal * 1.10).rounded(), heat = (coal * 5.8).rounded()
            let allocation = Int64((0.82 * power + 0.11 * heat).rounded())
            let today = try #require(CalendarDay(parsing: "2026-12-06"))
            let row = try #require(try await ComplianceStore(db).board(under: plant.id, year: 2022, today: today).first)
            #expect(row.year.sector == "power")
            #expect(row.benchmark?.total == allocation)
            #expect(Set(row.benchmark?.lines.map(\.benchmark.record.id) ?? []) == ["DEMO-POWER-2022-E", "DEMO-POWER-2022-H"])
            let position = try #require(row.position)
            // Verified: scope 1 and purchased electricity of its approved 2022 inventory (ETS-R007).
            let inventoryID = try #require(row.inventoryID)
            let inventory = try await InventoryStore(db).inventory(id: inventoryID)
            #expect(position.verified == Int64((inventory.scope1T + inventory.scope2LocationT).rounded(.up)))
            #expect(position.allocation == allocation && position.obligation == position.verified)
            // Short by more than a tenth of its obligation: the 2021–2022 rules let it borrow 2023 allowances.
            #expect(Double(position.verified - allocation) >= 0.10 * Double(position.obligation))
            #expect(position.rule.ccerLimit?.record.id == "ETS-R002")
            #expect(position.surrenderedCredits == position.verified * 4 / 100)
            #expect(position.surrenderedCredits <= position.creditLimit)
            #expect(position.surrenderedAllowances + position.surrenderedCredits == position.obligation)
            #expect(position.deadline == CalendarDay(parsing: "2023-12-31"))
            #expect(position.light == .done)
            // The plant is a covered unit of the supervisor's board.
            let supervisor = try await UnitStore(db).unit(code: DemoProvince.supervisorCode)
            let board = try await ComplianceStore(db).board(under: supervisor.id, year: 2022, today: today)
            #expect(board.map(\.year.unitCode).contains(plant.code))
        }
    }
}

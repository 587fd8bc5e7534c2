import Accounting
import Assets
import Foundation
import Persistence
import PersistenceTestSupport
import Testing

/// Green certificates retired against a unit's electricity feed the market-based scope 2 of that
/// period's inventory: that much electricity counts zero market-based, its lines name the lot, and
/// location-based figures do not move.
@Suite("Green certificates in the inventory")
struct CertificateInventoryTests {
    static let units = [
        NewUnit(code: "G", name: "Group", level: "group", regionCode: "510000"),
        NewUnit(code: "P", name: "Plant", level: "enterprise", parentCode: "G", regionCode: "510104"),
    ]

    @Test("retired certificates turn that much of the period's electricity green, by month or year", arguments: TestDatabases.locations)
    func certificatesInScope2(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            try await UnitStore(db).create(Self.units)
            let p = try await UnitStore(db).unit(code: "P")
            try await ActivityStore(db).insert([
                NewActivityRecord(unitCode: "P", period: "2023-01", item: "电力", quantity: 300, uom: "MWh"),
                NewActivityRecord(unitCode: "P", period: "2023-02", item: "电力", quantity: 300_000, uom: "kWh"),
            ])
            let inventories = InventoryStore(db)
            let before = try await inventories.compute(unitID: p.id, year: 2023, options: .init())
            // By hand (factors.csv): location 600 MWh × 0.1564 (GRID-113, Sichuan 2023) = 93.84 t;
            // market 600 × 0.6096 (GRID-008, national excluding market-traded non-fossil 2023) = 365.76 t.
            #expect(abs(before.scope2LocationT - 93.84) < 1e-9)
            #expect(abs(before.scope2MarketT - 365.76) < 1e-9)

            let ledger = AssetLedgerStore(db)
            try await ledger.append(unitID: p.id, [
                NewAssetEvent(day: "2023-03-01", action: "buy", kind: "gec", vintage: 2023, month: 1, reference: "GEC-W", quantity: 400),
                NewAssetEvent(day: "2023-03-02", action: "retire", kind: "gec", vintage: 2023, month: 1, reference: "GEC-W", quantity: 250, retiredFor: "2023-01"),
                NewAssetEvent(day: "2023-03-03", action: "retire", kind: "gec", vintage: 2023, month: 1, reference: "GEC-W", quantity: 100, retiredFor: "2023"),
            ])
            // The retirement marks the year's inventories stale: their market-based figure is out of date.
            #expect(try await inventories.inventory(id: before.id).stale)
            let after = try await inventories.compute(unitID: p.id, year: 2023, options: .init())
            // January: 250 for the month, then 50 of the year's 100; February: the other 50. Green
            // 350 MWh, so market = (600 − 350) × 0.6096 = 152.4 t; location unchanged.
            #expect(abs(after.scope2LocationT - 93.84) < 1e-9)
            #expect(abs(after.scope2MarketT - 152.4) < 1e-9)
            let lines = try await inventories.lines(inventoryID: after.id)
            let note = LineageNote.certificatesRetired(lot: "gec:2023-01:GEC-W")
            let green = lines.filter { line in line.factors.contains { $0.notes.contains(note) } }
            // January's record: 250 + 50 green and nothing left; February's: 50 green and 250 not.
            #expect(green.count == 3 && lines.count == 5)
            #expect(green.allSatisfy { $0.co2eMarketT == 0 })
            let greenLocation: Double = green.map(\.co2eLocationT).reduce(0, +)
            #expect(abs(greenLocation - 350 * 0.1564) < 1e-9)
            // Every record's lines still add up to the record: location-based over all lines = 600 MWh's.
            let allLocation: Double = lines.map(\.co2eLocationT).reduce(0, +)
            #expect(abs(allLocation - 93.84) < 1e-9)
        }
    }

    @Test("a retirement names a year or a month of it; anything else is refused")
    func retirementPeriod() async throws {
        let year = try #require(LedgerEvent.electricityPeriod("2025"))
        #expect(year.year == 2025 && year.month == nil)
        let month = try #require(LedgerEvent.electricityPeriod(" 2025-06 "))
        #expect(month.year == 2025 && month.month == 6)
        for bad in ["", "25", "2025-13", "2025-06-01", "2025/06", "june"] {
            #expect(LedgerEvent.electricityPeriod(bad) == nil, "\(bad)")
        }
        try await TestDatabases.withDatabase("sqlite") { db async throws in
            try await UnitStore(db).create(Self.units)
            let p = try await UnitStore(db).unit(code: "P")
            try await AssetLedgerStore(db).append(
                unitID: p.id,
                NewAssetEvent(day: "2023-03-01", action: "buy", kind: "gec", vintage: 2023, month: 1, reference: "GEC-W", quantity: 10))
            do {
                try await AssetLedgerStore(db).append(
                    unitID: p.id,
                    NewAssetEvent(
                        day: "2023-03-02", action: "retire", kind: "gec", vintage: 2023, month: 1, reference: "GEC-W",
                        quantity: 5, retiredFor: "2023-13"))
                Issue.record("a retirement for month 13 was kept")
            } catch let problems as LedgerProblems {
                #expect(problems.problems.map(\.field) == ["retired_for"])
            }
        }
    }
}

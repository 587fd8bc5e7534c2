import Accounting
import Foundation
import Persistence
import PersistenceTestSupport
import Testing

@Suite("Restart and parity with peakzero calc")
struct RestartAndParityTests {
    @Test("data written to the SQLite file survives closing and reopening it")
    func sqliteFile_survivesRestart() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pz-restart-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let location = try DatabaseLocation.resolve(dataDirectory: folder.path, environment: [:])
        let (s, inventory) = try await TestDatabases.with(location) { first in
            try await UnitStore(first).create(StoreTests.tree)
            try await ActivityStore(first).insert([
                NewActivityRecord(unitCode: "F1", period: "2023-01", item: "柴油", quantity: 10, uom: "t")
            ])
            let s = try await UnitStore(first).unit(code: "S")
            return (s, try await InventoryStore(first).compute(unitID: s.id, year: 2023, options: CalculationOptions()))
        }

        let second = try await PeakZeroDatabase.open(location, logger: TestDatabases.logger)
        #expect(try await Migrator().migrate(second).isEmpty)
        #expect(try await UnitStore(second).list(scope: .everything).map(\.code) == ["S", "G", "E1", "F1", "E2"])
        #expect(try await ActivityStore(second).list(under: s.id).count == 1)
        #expect(try await InventoryStore(second).inventory(id: inventory.id) == inventory)
        try await second.shutdown()
    }

    @Test("a stored inventory equals peakzero calc on the same records", arguments: TestDatabases.locations)
    func storedInventory_equalsCalc(_ kind: String) async throws {
        let csv = """
            unit,region,period,item,quantity,uom,category
            F1,510104,2023-01,烟煤,120,t,
            F1,510104,2023-02,天然气,3.5,万立方米,
            E2,510703,2023-03,电力,2450,MWh,
            E2,510703,2023-04,绿电,300,MWh,
            E2,510703,2023-05,热力,900,GJ,
            F1,510104,2023,甲烷,0.4,t,逸散排放
            """
        let expected = try InventoryCalculator(library: try FactorLibrary.standard())
            .calculate(try ActivityTemplate().parse(csv, file: "same.csv", language: .en).records)
        try await TestDatabases.withDatabase(kind) { db async throws in
            try await UnitStore(db).create(StoreTests.tree)
            let rows = try ActivityTemplate().parse(csv, file: "same.csv", language: .en).records.map { r in
                NewActivityRecord(
                    unitCode: r.unitCode, period: r.period.description, item: r.item.code, quantity: r.quantity.value,
                    uom: r.quantity.unitSymbol, category: r.category.rawValue)
            }
            try await ActivityStore(db).insert(rows)
            let s = try await UnitStore(db).unit(code: "S")
            let stored = try await InventoryStore(db).compute(unitID: s.id, year: 2023, options: CalculationOptions())
            #expect(abs(stored.co2eT - expected.total.value(in: .tonneCO2e)) <= 1e-9 * stored.co2eT)
            #expect(
                abs(stored.scope2MarketT - expected.scope2MarketBased.value(in: .tonneCO2e)) <= 1e-9
                    * stored.scope2MarketT)
            #expect(
                abs(stored.tceEquivalent - expected.energyEquivalent.value(in: .tonneCoalEquivalent)) <= 1e-9
                    * stored.tceEquivalent)
            #expect(stored.recordCount == 6)
        }
    }
}

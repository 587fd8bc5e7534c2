import Accounting
import Foundation
import Persistence
import PersistenceTestSupport
import SQLKit
import Testing

/// Records are found by unit through spans of consecutive ids (migration 12). What must hold:
/// every record is found exactly once, after deletes, after ids are given out again, and in a
/// database that had records before the spans existed.
@Suite("Activity records found through their spans")
struct ActivitySpansTests {
    static func diesel(_ unit: String, _ month: Int, _ tonnes: Double) -> NewActivityRecord {
        NewActivityRecord(
            unitCode: unit, period: "2023-\(month < 10 ? "0" : "")\(month)", item: "柴油", quantity: tonnes, uom: "t")
    }

    /// Hand value of one tonne of diesel: 42.652 GJ/t × 0.0202 tC/GJ × 0.98 × 44/12 (the accounting
    /// core's golden value, GB/T 32150 defaults).
    static let dieselPerTonne = 42.652 * 0.0202 * 0.98 * 44 / 12

    @Test(
        "records deleted at the top of the table and written again are each found once",
        arguments: TestDatabases.locations)
    func deletedThenWrittenAgain(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            try await UnitStore(db).create(StoreTests.tree)
            let store = ActivityStore(db)
            let first = try await store.insert([
                Self.diesel("F1", 1, 1), Self.diesel("E2", 1, 2), Self.diesel("F1", 2, 4), Self.diesel("F1", 3, 8),
            ])
            // The newest record goes: SQLite gives its id to the next record written.
            try await store.delete(id: first[3])
            try await store.delete(id: first[1])
            let second = try await store.insert([Self.diesel("F1", 3, 16), Self.diesel("F1", 4, 32)])
            let s = try await UnitStore(db).unit(code: "S")
            let stored = try await store.list(under: s.id, year: 2023)
            #expect(stored.map(\.quantity) == [1, 4, 16, 32])
            #expect(Set(stored.map(\.id)) == Set([first[0], first[2]] + second))
            let inventory = try await InventoryStore(db).compute(
                unitID: s.id, year: 2023, options: CalculationOptions())
            #expect(inventory.recordCount == 4)
            #expect(abs(inventory.co2eT - 53 * Self.dieselPerTonne) < 1e-9)
            let f1 = try await UnitStore(db).unit(code: "F1")
            #expect(try await store.reportedPeriods(under: f1.id, year: 2023).map(\.records) == [1, 1, 1, 1])
        }
    }

    @Test(
        "a unit with activity records cannot be deleted until they are, found through their spans",
        arguments: TestDatabases.locations)
    func unitWithRecords(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            try await UnitStore(db).create(StoreTests.tree)
            let f1 = try await UnitStore(db).unit(code: "F1")
            let ids = try await ActivityStore(db).insert([Self.diesel("E2", 1, 1), Self.diesel("F1", 1, 1)])
            await #expect {
                try await UnitStore(db).delete(id: f1.id)
            } throws: { error in
                guard case .conflict(let message) = error as? StoreError else { return false }
                return message.contains("1 rows in activity_records")
            }
            try await ActivityStore(db).delete(id: ids[1])
            try await UnitStore(db).delete(id: f1.id)
            #expect(try await UnitStore(db).list(scope: .everything).map(\.code).contains("F1") == false)
        }
    }

    @Test(
        "a replacing import leaves no span without records, and the records it wrote are found once",
        arguments: TestDatabases.locations)
    func replacingImport(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            try await UnitStore(db).create(StoreTests.tree)
            let store = ActivityStore(db)
            let old = try await store.insert([Self.diesel("F1", 1, 1), Self.diesel("F1", 2, 2)])
            let batch = try await store.validate([Self.diesel("F1", 1, 10), Self.diesel("F1", 2, 20)])
            _ = try await store.write(batch, provenance: RecordBatch(kind: "import"), superseding: old)
            let s = try await UnitStore(db).unit(code: "S")
            #expect(try await store.list(under: s.id).map(\.quantity) == [10, 20])
            let spans = try await db.sql.raw("SELECT COUNT(*) AS n FROM activity_spans").first()?
                .decode(column: "n", as: Int.self)
            #expect(spans == 1)
        }
    }

    @Test(
        "records stored before spans existed are found once the migration has made them",
        arguments: TestDatabases.locations)
    func migratedRecords(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind, migrate: false) { db async throws in
            try await Migrator(migrations: Migrations.all.filter { $0.version < 12 }).migrate(db)
            try await UnitStore(db).create(StoreTests.tree)
            let units = try await UnitStore(db).list(scope: .everything)
            let id = Dictionary(uniqueKeysWithValues: units.map { ($0.code, $0.id) })
            let root = id["S"]!
            for batch in 1...2 {
                try await db.sql.raw(
                    """
                    INSERT INTO record_batches (id, kind, created_at, row_count) VALUES (\(bind: batch), 'import', '2024-01-01T00:00:00Z', 3)
                    """
                ).run()
            }
            // Batch 1's rows of two units interleave; batch 2 adds to F1 again.
            let rows: [(unit: String, month: Int, quantity: Double, batch: Int)] = [
                ("F1", 1, 1, 1), ("E2", 1, 2, 1), ("F1", 2, 4, 1), ("F1", 3, 8, 2), ("E2", 2, 16, 2), ("F1", 4, 32, 2),
            ]
            for (n, row) in rows.enumerated() {
                try await db.sql.raw(
                    """
                    INSERT INTO activity_records (id, root_id, unit_id, year, month, item, category, quantity, uom, batch_id) \
                    VALUES (\(bind: n + 1), \(bind: root), \(bind: id[row.unit]!), 2023, \(bind: row.month), 'diesel', 'fuel_combustion', \(bind: row.quantity), 't', \(bind: row.batch))
                    """
                ).run()
            }
            try await Migrator().migrate(db)
            let store = ActivityStore(db)
            #expect(try await store.list(under: root, year: 2023).map(\.quantity) == [1, 4, 8, 32, 2, 16])
            #expect(try await store.list(under: id["E2"]!).map(\.quantity) == [2, 16])
            let inventory = try await InventoryStore(db).compute(
                unitID: root, year: 2023, options: CalculationOptions())
            #expect(inventory.recordCount == 6)
            #expect(abs(inventory.co2eT - 63 * Self.dieselPerTonne) < 1e-9)
        }
    }
}

@Suite("A recalculation that cannot be made")
struct FailedRecalculationTests {
    @Test(
        "a key without factors names each of its records, and no part of the inventory is stored",
        arguments: TestDatabases.locations)
    func missingFactorStoresNothing(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            try await UnitStore(db).create(StoreTests.tree)
            let nf3 = { (unit: String, month: Int) in
                NewActivityRecord(unitCode: unit, period: "2023-0\(month)", item: "三氟化氮", quantity: 1, uom: "kg")
            }
            let ids = try await ActivityStore(db).insert([
                nf3("F1", 1), ActivitySpansTests.diesel("F1", 2, 1), nf3("E2", 3), nf3("F1", 4),
            ])
            let s = try await UnitStore(db).unit(code: "S")
            // NF3 has no GWP in the SAR set (IPCC 1995): its three records cannot be computed.
            await #expect {
                try await InventoryStore(db).compute(unitID: s.id, year: 2023, options: CalculationOptions(gwp: .sar))
            } throws: { error in
                guard case .invalid(let issues) = error as? StoreError else { return false }
                return Set(issues.compactMap(\.row)) == Set([ids[0], ids[2], ids[3]].map(Int.init))
                    && issues.allSatisfy { $0.file == "activity_records" }
            }
            #expect(try await InventoryStore(db).list().isEmpty)
            for table in ["inventory_lines", "inventory_lineages", "inventory_summaries"] {
                let count = try await db.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()?
                    .decode(column: "n", as: Int.self)
                #expect(count == 0, "\(table)")
            }
            let made = try await InventoryStore(db).compute(unitID: s.id, year: 2023, options: CalculationOptions())
            #expect(made.recordCount == 4 && made.version == 1)
        }
    }
}

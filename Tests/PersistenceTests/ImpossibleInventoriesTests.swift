import Accounting
import Foundation
import Persistence
import PersistenceTestSupport
import SQLKit
import Testing

@testable import Persistence

/// Migration 19: an inventory stored with infinite totals before PeakZero refused implausible
/// numbers is removed with everything that hangs on it; the others stay.
@Suite("Impossible inventories")
struct ImpossibleInventoriesTests {
    @Test("an inventory with an infinite total is removed by migration 19, lines and summaries with it",
        arguments: TestDatabases.locations)
    func removed(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            try await UnitStore(db).create(StoreTests.tree)
            try await ActivityStore(db).insert([
                NewActivityRecord(unitCode: "F1", period: "2023-01", item: "柴油", quantity: 10, uom: "t"),
                NewActivityRecord(unitCode: "E2", period: "2023-02", item: "电力", quantity: 1000, uom: "MWh"),
            ])
            let store = InventoryStore(db)
            let bad = try await store.compute(
                unitID: try await UnitStore(db).unit(code: "E1").id, year: 2023, options: CalculationOptions())
            let good = try await store.compute(
                unitID: try await UnitStore(db).unit(code: "E2").id, year: 2023, options: CalculationOptions())
            let infinity = kind == "sqlite" ? "9e999" : "'Infinity'::float8"
            try await db.sql.raw(
                "UPDATE inventories SET tce_equivalent = \(unsafeRaw: infinity) WHERE id = \(bind: bad.id)"
            ).run()
            for statement in Migration0019DropImpossibleInventories.migration.statements(db.dialect) {
                // On PostgreSQL migration 19 ran while lines were rows of a table; since migration 30
                // they are runs, read through a view of that name, and the same deletion reaches them
                // by the run's first id.
                let today = statement.replacingOccurrences(
                    of: "DELETE FROM inventory_lines WHERE (id >> 32)",
                    with: "DELETE FROM inventory_line_runs WHERE (first_id >> 32)")
                try await db.sql.raw(SQLQueryString(kind == "postgres" ? today : statement)).run()
            }
            #expect(try await store.list().map(\.id) == [good.id])
            for table in ["inventory_lineages", "inventory_factors", "inventory_summaries"] {
                let left = try await db.sql.raw(
                    "SELECT COUNT(*) AS n FROM \(unsafeRaw: table) WHERE inventory_id = \(bind: bad.id)"
                ).first()?.decode(column: "n", as: Int.self)
                #expect(left == 0, "\(table)")
            }
            // Lines by their inventory's id range (PostgreSQL's lines do not name the inventory).
            let lines = try await db.sql.raw(
                "SELECT COUNT(*) AS n FROM inventory_lines WHERE (id >> 32) = \(bind: bad.id)"
            ).first()?.decode(column: "n", as: Int.self)
            #expect(lines == 0)
            #expect(try await store.lines(inventoryID: good.id).count == 1)
        }
    }
}

import Accounting
import Foundation
import Persistence
import PersistenceTestSupport
import Testing

@Suite("Stores")
struct StoreTests {
    static let tree = [
        NewUnit(code: "S", name: "Supervisor", level: "supervisor", regionCode: "510000"),
        NewUnit(code: "G", name: "Group", level: "group", parentCode: "S", regionCode: "510100"),
        NewUnit(
            code: "E1", name: "Enterprise 1", level: "enterprise", parentCode: "G", regionCode: "510104",
            ownershipShare: 0.6),
        NewUnit(
            code: "F1", name: "Facility 1", level: "facility", parentCode: "E1", regionCode: "510104",
            ownershipShare: 0.5),
        NewUnit(code: "E2", name: "Enterprise 2", level: "enterprise", parentCode: "G", regionCode: "510703"),
    ]

    @Test("migrations run once and are recorded", arguments: TestDatabases.locations)
    func migrations_areRecorded(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind, migrate: false) { db async throws in
            let first = try await Migrator().migrate(db)
            #expect(first == Migrations.all.map(\.name))
            let second = try await Migrator().migrate(db)
            #expect(second.isEmpty)
            #expect(try await Migrator().appliedVersions(in: db) == Migrations.all.map(\.version))
        }
    }

    @Test("units form a tree with paths and equity weights", arguments: TestDatabases.locations)
    func units_tree(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            let units = try await UnitStore(db).create(Self.tree)
            #expect(units.count == 5)
            let store = UnitStore(db)
            let g = try await store.unit(code: "G")
            #expect(try await store.list(under: g.id, scope: .everything).map(\.code) == ["G", "E1", "F1", "E2"])
            #expect(try await store.list(region: RegionPrefix("5101")!, scope: .everything).map(\.code) == ["G", "E1", "F1"])
        }
    }

    @Test("a bad batch writes nothing and names each bad field by position", arguments: TestDatabases.locations)
    func units_badBatchWritesNothing(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            let batch =
                Self.tree + [
                    NewUnit(code: "X", name: "", level: "plant", parentCode: "NOPE", regionCode: "5101"),
                    NewUnit(code: "E2", name: "dup", level: "enterprise", parentCode: "G", regionCode: "510104"),
                ]
            await #expect {
                try await UnitStore(db).create(batch)
            } throws: { error in
                guard case .invalid(let issues) = error as? StoreError else { return false }
                let found = issues.map { "\($0.row ?? 0) \($0.column ?? "")" }
                return found == ["6 name", "6 level", "6 region_code", "7 code"]
            }
            #expect(try await UnitStore(db).list(scope: .everything).isEmpty)
        }
    }

    @Test(
        "activity records are validated like the template, stored, and make inventories stale",
        arguments: TestDatabases.locations)
    func activity_roundTrip(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            try await UnitStore(db).create(Self.tree)
            let records = [
                NewActivityRecord(unitCode: "F1", period: "2023-01", item: "柴油", quantity: 10, uom: "t"),
                NewActivityRecord(unitCode: "E2", period: "2023-02", item: "电力", quantity: 1000, uom: "MWh"),
            ]
            try await ActivityStore(db).insert(records)
            let s = try await UnitStore(db).unit(code: "S")
            let inventory = try await InventoryStore(db).compute(
                unitID: s.id, year: 2023, options: CalculationOptions())
            #expect(!inventory.stale)
            // Hand value: diesel 10 × 42.652 × 0.0202 × 0.98 × 44/12; Mianyang (51) 2023: 1000 × 0.1564.
            #expect(abs(inventory.co2eT - (10 * 42.652 * 0.0202 * 0.98 * 44 / 12 + 156.4)) < 1e-9)
            await #expect(throws: StoreError.self) {
                try await ActivityStore(db).insert([
                    NewActivityRecord(unitCode: "F1", period: "2023-13", item: "柴由", quantity: -1, uom: "t")
                ])
            }
            try await ActivityStore(db).insert([
                NewActivityRecord(unitCode: "F1", period: "2023-03", item: "柴油", quantity: 1, uom: "t")
            ])
            #expect(try await InventoryStore(db).inventory(id: inventory.id).stale)
            let again = try await InventoryStore(db).compute(unitID: s.id, year: 2023, options: CalculationOptions())
            #expect(again.version == 2)
            #expect(try await InventoryStore(db).lines(inventoryID: again.id).count == 3)
        }
    }

    @Test(
        "every write is one batch that keeps its provenance; a failed batch leaves none",
        arguments: TestDatabases.locations)
    func activity_batchesKeepProvenance(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            try await UnitStore(db).create(Self.tree)
            let store = ActivityStore(db)
            let ids = try await store.insert(
                [
                    NewActivityRecord(unitCode: "F1", period: "2023-01", item: "柴油", quantity: 10, uom: "t"),
                    NewActivityRecord(unitCode: "E2", period: "2023-02", item: "电力", quantity: 1000, uom: "MWh"),
                ],
                provenance: RecordBatch(
                    kind: "import", fileName: "能源台账.xlsx", contentHash: "ab12", templateVersion: "activity-v1",
                    createdBy: "reporter-e1"))
            try await store.insert([
                NewActivityRecord(unitCode: "F1", period: "2023-02", item: "柴油", quantity: 1, uom: "t")
            ])
            await #expect(throws: StoreError.self) {
                try await store.insert([
                    NewActivityRecord(unitCode: "NOPE", period: "2023-02", item: "柴油", quantity: 1, uom: "t")
                ])
            }
            let batches = try await store.batches()
            #expect(batches.map(\.kind) == ["api", "import"])
            #expect(batches.map(\.rowCount) == [1, 2])
            #expect(batches[1].fileName == "能源台账.xlsx" && batches[1].createdBy == "reporter-e1")
            let s = try await UnitStore(db).unit(code: "S")
            let stored = try await store.list(under: s.id)
            #expect(Set(stored.filter { ids.contains($0.id) }.map(\.batchId)) == [batches[1].id])
        }
    }
}

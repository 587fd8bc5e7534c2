import Accounting
import Persistence
import PersistenceTestSupport
import SQLKit
import Testing

@testable import Persistence

/// Migration 30: PostgreSQL stores an inventory's lines as runs of one unit's consecutive lines,
/// each field an array, and shows them through a view as one row per line.
@Suite("Line runs")
struct LineRunsTests {
    /// Records of two units in three spans (F1, E2, F1), monthly and for the whole year.
    static let records = [
        [
            NewActivityRecord(unitCode: "F1", period: "2023-01", item: "柴油", quantity: 10, uom: "t"),
            NewActivityRecord(unitCode: "F1", period: "2023-02", item: "柴油", quantity: 12, uom: "t"),
        ],
        [
            NewActivityRecord(unitCode: "E2", period: "2023", item: "柴油", quantity: 30, uom: "t"),
            NewActivityRecord(unitCode: "E2", period: "2023-03", item: "电力", quantity: 1000, uom: "MWh"),
        ],
        [NewActivityRecord(unitCode: "F1", period: "2023-04", item: "电力", quantity: 200, uom: "MWh")],
    ]

    @Test("PostgreSQL's runs read back as the lines SQLite stores row by row: all, paged, counted, a unit's, one record's")
    func sameLinesAsSQLite() async throws {
        guard TestDatabases.locations.contains("postgres") else { return }
        // Per engine: every line, the count of all and of F1's, and the line of F1's second record.
        var linesOf: [String: [StoredInventoryLine]] = [:]
        var countsOf: [String: [Int]] = [:]
        var oneLineOf: [String: [StoredInventoryLine]] = [:]
        for kind in ["sqlite", "postgres"] {
            linesOf[kind] = try await TestDatabases.withDatabase(kind) { db async throws in
                try await UnitStore(db).create(StoreTests.tree)
                for batch in Self.records { try await ActivityStore(db).insert(batch) }
                let root = try await UnitStore(db).unit(code: "S")
                let inventory = try await InventoryStore(db).compute(
                    unitID: root.id, year: 2023, options: CalculationOptions())
                if kind == "postgres" {
                    // One run per stretch of one unit's lines as they were read: a run ends where the
                    // unit changes, so neighbours differ; together they hold the five lines.
                    let runs = try await db.sql.raw(
                        "SELECT unit_id, cardinality(record_ids) AS n FROM inventory_line_runs ORDER BY first_id"
                    ).all().map { (try $0.decode(column: "unit_id", as: Int64.self), try $0.decode(column: "n", as: Int.self)) }
                    let units = [try await UnitStore(db).unit(code: "F1").id, try await UnitStore(db).unit(code: "E2").id]
                    #expect(Set(runs.map(\.0)) == Set(units) && runs.map(\.1).reduce(0, +) == 5, "\(runs)")
                    #expect(zip(runs, runs.dropFirst()).allSatisfy { $0.0 != $1.0 }, "\(runs)")
                    // The view numbers the lines as the table did: the inventory's range, from 1.
                    let first = InventoryRows.firstLineID(of: inventory.id)
                    let ids = try await db.sql.raw("SELECT id FROM inventory_lines ORDER BY id").all()
                        .map { try $0.decode(column: "id", as: Int64.self) - first }
                    #expect(ids == [1, 2, 3, 4, 5])
                }
                let store = InventoryStore(db)
                let f1 = try await UnitStore(db).unit(code: "F1").id
                countsOf[kind] = [
                    try await store.lineCount(inventoryID: inventory.id),
                    try await store.lineCount(inventoryID: inventory.id, under: f1),
                ]
                let all = try await store.lines(inventoryID: inventory.id)
                let second = try #require(all.filter { $0.unitId == f1 }.dropFirst().first)
                oneLineOf[kind] = try await store.lines(inventoryID: inventory.id, recordID: second.recordId)
                // A page of all lines in record order, the third to fifth.
                let page = try await store.lines(inventoryID: inventory.id, offset: 2, limit: 3)
                #expect(page == Array(all.sorted { $0.recordId < $1.recordId }[2...4]))
                // F1's subtree, paged: its lines in record order, the second and third.
                let f1Lines = try await store.lines(inventoryID: inventory.id, under: f1, offset: 1, limit: 2)
                #expect(f1Lines == Array(all.filter { $0.unitId == f1 }.sorted { $0.recordId < $1.recordId }[1...2]))
                return all
            }
        }
        #expect(countsOf["sqlite"] == [5, 3] && countsOf["postgres"] == [5, 3])
        #expect(oneLineOf["sqlite"]?.count == 1 && oneLineOf["postgres"] == oneLineOf["sqlite"])
        let sqlite = try #require(linesOf["sqlite"])
        #expect(sqlite.count == 5 && sqlite.contains { $0.month == nil })
        #expect(linesOf["postgres"] == sqlite)
    }

    @Test("migration 30 regroups stored lines into runs and keeps each line, its id and figures")
    func upgradeKeepsLines() async throws {
        guard TestDatabases.locations.contains("postgres") else { return }
        try await TestDatabases.withDatabase("postgres", migrate: false) { db async throws in
            try await Migrator(migrations: Migrations.all.filter { $0.version < 30 }).migrate(db)
            // Two inventories' lines as the table held them: units 7, 7, 8, 7 (a unit's lines apart)
            // and a month left empty; the second inventory's unit 7 starts a run of its own.
            let first = InventoryRows.firstLineID(of: 3)
            let second = InventoryRows.firstLineID(of: 4)
            let rows: [(Int64, Int64, Int?, Double)] = [
                (first + 1, 7, 1, 1.5), (first + 2, 7, 2, 2.5), (first + 3, 8, nil, 3.5), (first + 4, 7, 3, 4.5),
                (second + 1, 7, 1, 5.5),
            ]
            for (k, (id, unit, month, figure)) in rows.enumerated() {
                try await db.sql.raw(
                    """
                    INSERT INTO inventory_lines (id, root_id, record_id, unit_id, month, lineage_id, co2e_location_t,
                        co2e_market_t, tce_calorific, tce_equivalent)
                    VALUES (\(bind: id), 1, \(bind: 100 + k), \(bind: unit), \(bind: month), \(bind: k % 2),
                        \(bind: figure), \(bind: figure * 2), \(bind: figure * 3), \(bind: figure * 4))
                    """
                ).run()
            }
            let query = """
                SELECT concat_ws(' ', id, root_id, record_id, unit_id, coalesce(month::text, '-'), lineage_id,
                    co2e_location_t, co2e_market_t, tce_calorific, tce_equivalent) AS line
                FROM inventory_lines ORDER BY id
                """
            let before = try await Self.read(query, in: db)
            try await Migrator().migrate(db)
            #expect(try await Self.read(query, in: db) == before)
            #expect(before.count == 5)
            let runs = try await db.sql.raw("SELECT first_id FROM inventory_line_runs ORDER BY first_id").all()
                .map { try $0.decode(column: "first_id", as: Int64.self) }
            #expect(runs == [first + 1, first + 3, first + 4, second + 1])
        }
    }

    /// Every line of `query`, its fields as one text.
    static func read(_ query: String, in db: PeakZeroDatabase) async throws -> [String] {
        try await db.sql.raw(SQLQueryString(query)).all().map { try $0.decode(column: "line", as: String.self) }
    }
}

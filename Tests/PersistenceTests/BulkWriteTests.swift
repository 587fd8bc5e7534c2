import Accounting
import Foundation
import Persistence
import PersistenceTestSupport
import Testing

/// Bulk writes keep every value as it was given, on both databases: on PostgreSQL they stream
/// through `COPY`'s text format, where tabs, newlines, backslashes and `\N` mean something.
@Suite("Bulk writes")
struct BulkWriteTests {
    static let awkwardSources: [String?] = [
        "a\tb", "line 1\nline 2\r\n", #"C:\data\N"#, #"\N"#, "\\", "能源台账 第3行", "", nil,
    ]
    /// Figures whose shortest decimal form is long, tiny or large: each must come back bit for bit.
    static let awkwardQuantities = [0.1, 1.0 / 3, 1_234.567_890_123_456_7, 2.2250738585072014e-300, 7.000_000_000_000_001, 5e-324]

    @Test("texts and figures come back exactly as written", arguments: TestDatabases.locations)
    func valuesSurvive(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            try await UnitStore(db).create(StoreTests.tree)
            var records: [NewActivityRecord] = []
            for (index, source) in Self.awkwardSources.enumerated() {
                let quantity = Self.awkwardQuantities[index % Self.awkwardQuantities.count]
                records.append(
                    NewActivityRecord(
                        unitCode: "F1", period: "2023-\(String(format: "%02d", index + 1))", item: "天然气",
                        quantity: quantity, uom: "万Nm3", ncv: index == 0 ? 389.31 : nil,
                        carbonContent: index == 1 ? 0.015_32 : nil, source: source))
            }
            let store = ActivityStore(db)
            let ids = try await store.insert(records)
            let s = try await UnitStore(db).unit(code: "S")
            let stored = try await store.list(under: s.id)
            #expect(stored.map(\.id) == ids)
            #expect(stored.map(\.source) == Self.awkwardSources)
            #expect(stored.map(\.quantity.bitPattern) == records.map(\.quantity.bitPattern))
            #expect(stored.map(\.ncv) == records.map(\.ncv))
            #expect(stored.map(\.carbonContent) == records.map(\.carbonContent))
            #expect(stored.map(\.month) == Array(1...Self.awkwardSources.count))
        }
    }

    @Test("a batch's ids are one unbroken range, also while another batch is written", arguments: TestDatabases.locations)
    func idsAreOneRange(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            try await UnitStore(db).create(StoreTests.tree)
            let store = ActivityStore(db)
            func batch(_ unit: String) async throws -> ActivityStore.ValidatedBatch {
                try await store.validate(
                    (1...12).flatMap { month in
                        ["柴油", "汽油", "烟煤"].map {
                            NewActivityRecord(
                                unitCode: unit, period: "2023-\(String(format: "%02d", month))", item: $0, quantity: 1,
                                uom: "t")
                        }
                    })
            }
            let (first, second) = (try await batch("F1"), try await batch("E2"))
            async let a = store.write(first)
            async let b = store.write(second)
            let (idsA, idsB) = try await (a, b)
            for ids in [idsA, idsB] {
                #expect(ids.count == 36)
                #expect(ids == Array(ids[0]...ids[0] + 35))
            }
            #expect(Set(idsA).isDisjoint(with: idsB))
            // A record written one by one afterwards draws past both ranges.
            let later = try await store.insert([
                NewActivityRecord(unitCode: "E1", period: "2023-01", item: "柴油", quantity: 1, uom: "t")
            ])
            #expect(later[0] > max(idsA.max()!, idsB.max()!))
        }
    }

    /// On PostgreSQL a recalculation's lines travel in `COPY`'s binary format (eight bytes per
    /// double, a NULL month for a whole-year record): each line must read back bit for bit as the
    /// same calculation stores it on SQLite.
    @Test("an inventory's lines come back bit for bit alike on both databases")
    func linesSurviveAlike() async throws {
        var linesByEngine: [[String]] = []
        for kind in TestDatabases.locations {
            try await TestDatabases.withDatabase(kind) { db async throws in
                try await UnitStore(db).create(StoreTests.tree)
                var records: [NewActivityRecord] = [
                    NewActivityRecord(unitCode: "E2", period: "2023", item: "柴油", quantity: 7.000_000_000_000_001, uom: "t"),
                    NewActivityRecord(
                        unitCode: "E2", period: "2023-03", item: "天然气", quantity: 12.5, uom: "万Nm3", ncv: 389.31,
                        carbonContent: 0.015_32),
                ]
                for (index, quantity) in Self.awkwardQuantities.enumerated() {
                    records.append(
                        NewActivityRecord(
                            unitCode: "F1", period: "2023-\(String(format: "%02d", index + 1))", item: "电力",
                            quantity: quantity, uom: "MWh"))
                    records.append(
                        NewActivityRecord(
                            unitCode: "E1", period: "2023-\(String(format: "%02d", index + 1))", item: "天然气",
                            quantity: quantity * 1e3, uom: "万Nm3"))
                }
                _ = try await ActivityStore(db).insert(records)
                let s = try await UnitStore(db).unit(code: "S")
                let inventory = try await InventoryStore(db).compute(
                    unitID: s.id, year: 2023, options: CalculationOptions())
                let lines = try await InventoryStore(db).lines(inventoryID: inventory.id)
                #expect(lines.count == records.count)
                #expect(lines.filter { $0.month == nil }.count == 1)
                linesByEngine.append(
                    lines.map { line in
                        let figures = [line.co2eLocationT, line.co2eMarketT, line.tceCalorific, line.tceEquivalent]
                        return "\(line.recordId) \(line.month.map(String.init) ?? "year") \(line.item) "
                            + figures.map { String($0.bitPattern, radix: 16) }.joined(separator: " ")
                    })
            }
        }
        #expect(linesByEngine.count == TestDatabases.locations.count)
        #expect(Set(linesByEngine).count == 1)
    }

    @Test("PostgreSQL: an inventory's lines carry no row-by-row check of their inventory")
    func linesWithoutRowChecks() async throws {
        guard TestDatabases.locations.contains("postgres") else { return }
        try await TestDatabases.withDatabase("postgres") { db async throws in
            let checks = try await db.sql.raw(
                "SELECT conname FROM pg_constraint WHERE conrelid = 'inventory_line_runs'::regclass AND contype = 'f'"
            ).all()
            #expect(checks.isEmpty)
        }
    }
}

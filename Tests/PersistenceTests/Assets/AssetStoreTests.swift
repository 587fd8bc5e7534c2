import Accounting
import Assets
import Foundation
import Persistence
import PersistenceTestSupport
import SQLKit
import Testing

/// Projects, the ledger and compliance as kept, on SQLite and PostgreSQL: what is refused leaves
/// nothing behind, what is kept is audited, and the board reads approved inventories only.
@Suite("Asset stores")
struct AssetStoreTests {
    static let units = [
        NewUnit(code: "G", name: "Group", level: "group", regionCode: "510000"),
        NewUnit(code: "P", name: "Power plant", level: "enterprise", parentCode: "G", regionCode: "510104", reportingClass: "yearly"),
        NewUnit(code: "C", name: "Cement plant", level: "enterprise", parentCode: "G", regionCode: "330106"),
    ]
    static let rex = AuditActor(accountID: 2, name: "rex")

    static func boiler(_ code: String = "P-01", stage: String = "planned", interacts: [String] = []) -> ProjectDraft {
        ProjectDraft(
            code: code, name: "锅炉改造", type: "efficiency", stage: stage, firstYear: 2022, lifetimeYears: 10,
            capex: 100, yearlyOpex: 5, yearlyBenefit: 25,
            savings: [.init(item: "电力", quantity: 1000, unit: "MWh")], interactsWith: interacts)
    }

    static func count(_ table: String, _ db: PeakZeroDatabase) async throws -> Int {
        try await db.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).first()!
            .decode(column: "n", as: Int.self)
    }

    @Test("projects: saved, replaced by code, moved stage by stage, verified; bad ones leave nothing", arguments: TestDatabases.locations)
    func projects(kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            try await UnitStore(db).create(Self.units)
            let p = try await UnitStore(db).unit(code: "P")
            let library = try FactorLibrary.standard()
            let store = ProjectStore(db)
            let saved = try await store.save(unitID: p.id, Self.boiler(), library: library)
            #expect(saved.unitCode == "P" && saved.stage == .planned)
            try await store.save(unitID: p.id, Self.boiler("P-02", interacts: ["P-01"]), library: library)
            var renamed = Self.boiler()
            renamed.name = "余热锅炉改造"
            let replaced = try await store.save(unitID: p.id, renamed, library: library)
            #expect(replaced.id == saved.id && replaced.name == "余热锅炉改造")
            // Bad: a saving in the wrong unit, a negative lifetime, an unknown interaction; nothing kept.
            var bad = Self.boiler("P-03", interacts: ["P-99"])
            bad.lifetimeYears = -1
            await #expect(throws: ProjectProblems.self) { try await store.save(unitID: p.id, bad, library: library) }
            var wrongUnit = Self.boiler("P-04")
            wrongUnit.savings = [.init(item: "电力", quantity: 10, unit: "t")]
            do {
                try await store.save(unitID: p.id, wrongUnit, library: library)
                Issue.record("a saving in tonnes of electricity was kept")
            } catch let problems as ProjectProblems {
                #expect(problems.problems.map(\.field) == ["savings[1].unit"])
            }
            #expect(try await Self.count("reduction_projects", db) == 2)
            // Stages: one forward, not two; closed from anywhere.
            await #expect(throws: ProjectProblems.self) { try await store.setStage(id: saved.id, to: "operating") }
            #expect(try await store.setStage(id: saved.id, to: "approved").stage == .approved)
            // M&V: a measured year, its option named.
            let verification = try await Self.by(Self.rex) {
                try await store.verify(
                    id: saved.id,
                    NewVerification(
                        year: 2023, option: "b", baseline: "2021 metered use",
                        savings: [.init(item: "electricity", quantity: 900, unit: "MWh")]), library: library)
            }
            #expect(verification.option == .b && verification.savings.first?.quantity == 900)
            await #expect(throws: ProjectProblems.self) {
                try await store.verify(
                    id: saved.id, NewVerification(year: 2023, option: "E", baseline: "", savings: []), library: library)
            }
            let listed = try await store.list(under: try await UnitStore(db).unit(code: "G").id)
            #expect(listed.map(\.code) == ["P-01", "P-02"])
            #expect(listed[1].interactsWith == ["P-01"])
            let audited = try await AuditLog.entries(AuditFilter(action: .projectSaved), scope: .everything, limit: 10, in: db)
            #expect(audited.count == 3)
        }
    }

    @Test("M&V by the product method of GB/T 13234: kept with its figures, counted as tce of its coal", arguments: TestDatabases.locations)
    func productMethod(kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            try await UnitStore(db).create(Self.units)
            let p = try await UnitStore(db).unit(code: "P")
            let library = try FactorLibrary.standard()
            let store = ProjectStore(db)
            let saved = try await store.save(unitID: p.id, Self.boiler(), library: library)
            // The published example (ProductUnitSavingsTests): 0.4 → 0.38 tce per unit on 78,000 units.
            let method = ProductUnitSavings(products: [
                .init(name: "熟料", baselinePerUnit: 0.4, reportingPerUnit: 0.38, reportingOutput: 78_000, unit: "t")
            ])
            // Both ways at once, and a bad product figure: refused, naming each; nothing kept.
            do {
                try await Self.by(Self.rex) {
                    try await store.verify(
                        id: saved.id,
                        NewVerification(
                            year: 2024, option: "C", baseline: "2023 年全厂计量", savings: [.init(item: "电力", quantity: 9, unit: "MWh")],
                            productUnit: ProductUnitSavings(products: [
                                .init(name: "熟料", baselinePerUnit: 0.4, reportingPerUnit: -0.38, reportingOutput: 78_000)
                            ])), library: library)
                }
                Issue.record("a verification given twice was kept")
            } catch let problems as ProjectProblems {
                #expect(
                    problems.problems.map(\.field) == ["product_unit.products[1].reporting_per_unit", "savings"])
            }
            #expect(try await Self.count("project_verifications", db) == 0)
            let kept = try await Self.by(Self.rex) {
                try await store.verify(
                    id: saved.id,
                    NewVerification(year: 2024, option: "C", baseline: "2023 年全厂计量", savings: nil, productUnit: method),
                    library: library)
            }
            #expect(kept.productUnit == method)
            #expect(kept.savings.count == 1 && kept.savings[0].item == "烟煤" && kept.savings[0].unit == "tce")
            #expect(abs((kept.savings[0].quantity ?? 0) - 1_560) < 1e-9)
            // Read back as kept (its CO2e from the coal's factors is ProductUnitSavingsTests' case).
            let again = try await store.verifications(of: [saved.id])[saved.id]
            #expect(again == [kept])
        }
    }

    @Test("the ledger: an oversale and a second retirement are refused; transfers move both sides", arguments: TestDatabases.locations)
    func ledger(kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            try await UnitStore(db).create(Self.units)
            let p = try await UnitStore(db).unit(code: "P")
            let c = try await UnitStore(db).unit(code: "C")
            let g = try await UnitStore(db).unit(code: "G")
            let store = AssetLedgerStore(db)
            try await store.append(
                unitID: p.id, NewAssetEvent(day: "2022-03-01", action: "allocate_pre", kind: "cea", vintage: 2021, quantity: 1000))
            await #expect(throws: LedgerProblems.self) {
                try await store.append(
                    unitID: p.id,
                    NewAssetEvent(day: "2022-04-01", action: "sell", kind: "cea", vintage: 2021, quantity: 1001, price: 60))
            }
            let moved = try await store.append(
                unitID: p.id,
                NewAssetEvent(day: "2022-05-01", action: "transfer", kind: "cea", vintage: 2021, quantity: 300, toUnitId: c.id))
            #expect(moved.map(\.event.action) == [.transferOut, .transferIn])
            let day = CalendarDay(parsing: "2022-12-31")!
            #expect(try await store.balances(under: p.id, at: day, subtree: false) == [LotBalance(lot: .cea(2021), quantity: 700)])
            #expect(try await store.balances(under: g.id, at: day) == [LotBalance(lot: .cea(2021), quantity: 1000)])
            #expect(try await store.balances(under: g.id, at: CalendarDay(parsing: "2022-02-01")!).isEmpty)
            // A certificate lot bought by P and retired by C after a transfer cannot come back to P.
            try await store.append(
                unitID: p.id,
                NewAssetEvent(day: "2024-04-01", action: "buy", kind: "gec", vintage: 2024, month: 3, reference: "B1", quantity: 10))
            try await store.append(
                unitID: p.id,
                NewAssetEvent(day: "2024-04-02", action: "transfer", kind: "gec", vintage: 2024, month: 3, reference: "B1", quantity: 10, toUnitId: c.id))
            try await store.append(
                unitID: c.id,
                NewAssetEvent(day: "2024-05-01", action: "retire", kind: "gec", vintage: 2024, month: 3, reference: "B1", quantity: 10, retiredFor: "2024-04"))
            do {
                try await store.append(
                    unitID: p.id,
                    NewAssetEvent(day: "2024-06-01", action: "buy", kind: "gec", vintage: 2024, month: 3, reference: "B1", quantity: 1))
                Issue.record("a retired certificate was bought again")
            } catch let problems as LedgerProblems {
                #expect(problems.problems.map(\.kind) == [.retiredBefore])
            }
            #expect(try await Self.count("asset_events", db) == 7)
            // Several entries at once: all or none, the refused one named by its position.
            do {
                try await store.append(
                    unitID: p.id,
                    [
                        NewAssetEvent(day: "2025-01-02", action: "buy", kind: "cea", vintage: 2024, quantity: 5),
                        NewAssetEvent(day: "2025-01-03", action: "sell", kind: "cea", vintage: 2024, quantity: 6),
                    ])
                Issue.record("a batch with an oversale was kept")
            } catch let problems as LedgerProblems {
                #expect(problems.problems.map(\.field) == ["entries[2].quantity"])
            }
            #expect(try await Self.count("asset_events", db) == 7)
            let both = try await store.append(
                unitID: p.id,
                [
                    NewAssetEvent(day: "2025-01-02", action: "buy", kind: "cea", vintage: 2024, quantity: 5),
                    NewAssetEvent(day: "2025-01-03", action: "sell", kind: "cea", vintage: 2024, quantity: 5),
                ])
            #expect(both.map(\.event.action) == [.buy, .sell])
            #expect(try await Self.count("asset_events", db) == 9)
            // The subtree's roll-up, kept entry by entry, is what a rebuild from the entries gives.
            let kept = try await store.balances(under: g.id, at: CalendarDay(parsing: "2024-12-31")!)
            #expect(kept.contains(LotBalance(lot: .cea(2021), quantity: 1000)))
            #expect(!kept.contains { $0.lot == .cea(2024) })
            try await store.rebuildRollup()
            #expect(try await store.balances(under: g.id, at: CalendarDay(parsing: "2024-12-31")!) == kept)
            #expect(try await store.balances(under: c.id, at: CalendarDay(parsing: "2024-12-31")!) == [LotBalance(lot: .cea(2021), quantity: 300)])
        }
    }

    @Test("the board: verified emissions from an approved inventory only, under the sector's rule", arguments: TestDatabases.locations)
    func board(kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            try await UnitStore(db).create(Self.units)
            let p = try await UnitStore(db).unit(code: "P")
            let g = try await UnitStore(db).unit(code: "G")
            // 2021: 100 t of diesel and 1000 MWh bought (Sichuan 2021: 0.1255 tCO2/MWh, GRID-053).
            try await ActivityStore(db).insert([
                NewActivityRecord(unitCode: "P", period: "2021", item: "柴油", quantity: 100, uom: "t"),
                NewActivityRecord(unitCode: "P", period: "2021", item: "电力", quantity: 1000, uom: "MWh"),
            ])
            try await ComplianceStore(db).setYear(
                unitID: p.id, year: 2021, sector: "power", allocation: 300, allocationSource: "核定通知 (fictional)")
            try await AssetLedgerStore(db).append(
                unitID: p.id, NewAssetEvent(day: "2022-03-01", action: "allocate_pre", kind: "cea", vintage: 2021, quantity: 300))
            let store = ComplianceStore(db)
            let today = CalendarDay(parsing: "2023-10-15")!
            // No approved inventory yet: a row without a position.
            _ = try await InventoryStore(db).compute(unitID: p.id, year: 2021, options: .init())
            #expect(try await store.board(under: g.id, year: 2021, today: today).map { $0.position == nil } == [true])
            let review = ReviewStore(db)
            let year = ReportingPeriod(parsing: "2021")!
            try await AuditActor.$current.withValue(AuditActor(accountID: 1, name: "rita")) {
                _ = try await review.take(.submit, unitID: p.id, period: year)
            }
            try await AuditActor.$current.withValue(Self.rex) {
                _ = try await review.take(.approve, unitID: p.id, period: year)
            }
            _ = try await InventoryStore(db).compute(unitID: p.id, year: 2021, options: .init())
            let rows = try await store.board(under: g.id, year: 2021, today: today)
            let position = try #require(rows.first?.position)
            // Diesel 100 × 42.652 × 0.0202 × 0.98 × 44/12 = 309.60 t, plus 1000 × 0.1255 = 125.5 t
            // (power 2021–22 counts purchased electricity, ETS-R007): 435.10 → 436 t due.
            #expect(position.verified == 436)
            #expect(position.shortfall == 136)
            #expect(position.light == .red)
        }
    }

    @Test("the board: an allocation by benchmark from the unit's outputs and an entered rule record", arguments: TestDatabases.locations)
    func benchmarkBoard(kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            try await UnitStore(db).create(Self.units)
            let p = try await UnitStore(db).unit(code: "P")
            let g = try await UnitStore(db).unit(code: "G")
            try await ActivityStore(db).insert([
                NewActivityRecord(unitCode: "P", period: "2021", item: "柴油", quantity: 100, uom: "t")
            ])
            let store = ComplianceStore(db)
            let outputs = [
                AllocationOutput(output: "electricity_supplied", quantity: 400, correction: 1.02, correctionSource: "cooling (fictional)")
            ]
            // No benchmark record yet: refused, naming the output; nothing kept.
            do {
                try await Self.by(Self.rex) {
                    try await store.setYear(unitID: p.id, year: 2021, sector: "power", allocation: nil, allocationSource: "", outputs: outputs)
                }
                Issue.record("outputs without a benchmark were kept")
            } catch let problems as LedgerProblems {
                #expect(problems.problems.map(\.field) == ["outputs[1].output"])
            }
            #expect(try await store.years(under: g.id, year: 2021).isEmpty)
            // Both an allocation and outputs: refused.
            await #expect(throws: LedgerProblems.self) {
                try await store.setYear(
                    unitID: p.id, year: 2021, sector: "power", allocation: 5, allocationSource: "x", outputs: outputs)
            }
            try await Self.by(Self.rex) {
                try await MarketRuleStore(db).add(
                    NewMarketRule(
                        id: "T-POWER-E", sectors: ["power"], firstYear: 2021, lastYear: 2022, parameter: "benchmark",
                        value: "0.8", source: "a test's own figure", output: "electricity_supplied"))
            }
            let kept = try await Self.by(Self.rex) {
                try await store.setYear(unitID: p.id, year: 2021, sector: "power", allocation: nil, allocationSource: "", outputs: outputs)
            }
            #expect(kept.outputs == outputs)
            _ = try await InventoryStore(db).compute(unitID: p.id, year: 2021, options: .init())
            let row = try #require(try await store.board(under: g.id, year: 2021, today: CalendarDay(parsing: "2023-10-15")!).first)
            // 0.8 × 400 × 1.02 = 326.4 → 326 t allocated.
            #expect(row.benchmark?.total == 326)
            #expect(row.benchmark?.lines.map(\.benchmark.record.id) == ["T-POWER-E"])
            // No approved inventory: no position, but the allocation is shown.
            #expect(row.position == nil)
            // A benchmark record needs its output.
            await #expect(throws: LedgerProblems.self) {
                try await MarketRuleStore(db).add(
                    NewMarketRule(id: "T-NO-OUTPUT", firstYear: 2021, parameter: "benchmark", value: "0.8", source: "x"))
            }
        }
    }

    @Test("a project carries out a measure of its unit or a unit above it, not another's", arguments: TestDatabases.locations)
    func measures(kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            try await UnitStore(db).create(Self.units)
            let (g, p, c) = (
                try await UnitStore(db).unit(code: "G"), try await UnitStore(db).unit(code: "P"),
                try await UnitStore(db).unit(code: "C")
            )
            let measures = MeasureStore(db)
            func measure(_ unit: Int64, _ title: String) async throws -> Int64 {
                try await measures.add(
                    NewMeasure(
                        unitId: unit, kind: "measure", title: title, ownerPerson: "x", startDate: "2024-01-01",
                        deadline: "2024-12-31")
                ).id
            }
            let groupMeasure = try await measure(g.id, "group retrofit programme")
            let plantMeasure = try await measure(p.id, "boiler retrofit")
            let cementMeasure = try await measure(c.id, "kiln retrofit")
            #expect(try await measures.list(above: p.id).map(\.id).sorted() == [groupMeasure, plantMeasure].sorted())
            let library = try FactorLibrary.standard()
            let store = ProjectStore(db)
            var draft = Self.boiler()
            draft.measureId = plantMeasure
            let first = try await store.save(unitID: p.id, draft, library: library)
            #expect(first.measureId == plantMeasure)
            var second = Self.boiler("P-02")
            second.measureId = groupMeasure
            try await store.save(unitID: p.id, second, library: library)
            // The cement plant's measure, and no measure at all, are refused by field.
            for wrong in [cementMeasure, 999] {
                var refused = Self.boiler("P-03")
                refused.measureId = wrong
                do {
                    try await store.save(unitID: p.id, refused, library: library)
                    Issue.record("measure \(wrong) was accepted")
                } catch let problems as ProjectProblems {
                    #expect(problems.problems.map(\.field) == ["measure_id"])
                }
            }
            let carrying = try await store.carryingOut(measures: [groupMeasure, plantMeasure, cementMeasure])
            #expect(carrying.mapValues { $0.map(\.code) } == [plantMeasure: ["P-01"], groupMeasure: ["P-02"]])
        }
    }

    @Test("the demo's biogas plants are of the size groups report: 1.7 万 tce (等价值) and 4.6 万 tCO2e a year")
    func demoSeedFigures() async throws {
        try await TestDatabases.withDemoDatabase { db async throws in
            let root = try await UnitStore(db).unit(code: DemoProvince.supervisorCode)
            let biogas = try #require(try await ProjectStore(db).list(under: root.id).first { $0.code == "BG-01" })
            let savings = try ProjectSavingsCalculator(library: try FactorLibrary.standard()).savings(of: try #require(biogas.project))
            // 1278 万Nm³ × 1.33 kgce/Nm³ (STDCOAL-028) = 16,997.4 tce; 1278 × 389.31 GJ × 0.0153 × 0.99 × 44/12
            // = 27,632.8 t, plus 656 t CH4 × 28 (AR5) = 18,368 t: 46,000.8 t.
            #expect(abs(savings.energyEquivalent.value(in: .tonneCoalEquivalent) - 16_997.4) < 1e-6)
            #expect(abs(savings.avoidedLocationBased.value(in: .tonneCO2e) - 46_000.772979) < 1e-3)
            #expect((savings.energyEquivalent.value(in: .tonneCoalEquivalent) / 1e4 * 10).rounded() / 10 == 1.7)
            #expect((savings.avoidedLocationBased.value(in: .tonneCO2e) / 1e4 * 10).rounded() / 10 == 4.6)
        }
    }

    @discardableResult
    static func by<T: Sendable>(_ actor: AuditActor, _ body: () async throws -> T) async throws -> T {
        try await AuditActor.$current.withValue(actor) { try await body() }
    }
}

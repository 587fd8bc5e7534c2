import Accounting
import Foundation
import PersistenceTestSupport
import Testing

@testable import Persistence

/// The roll-ups stored with an inventory must equal the sum of its lines, on the demo province.
@Suite("Stored roll-ups equal summed lines")
struct RollupSummaryTests {
    static func same(_ a: IndicatorFigures, _ b: IndicatorFigures) -> Bool {
        func close(_ x: Double, _ y: Double) -> Bool { abs(x - y) <= 1e-9 * max(1, abs(x), abs(y)) }
        return close(a.scope1.baseValue, b.scope1.baseValue)
            && close(a.scope2LocationBased.baseValue, b.scope2LocationBased.baseValue)
            && close(a.scope2MarketBased.baseValue, b.scope2MarketBased.baseValue)
            && close(a.energyCalorific.baseValue, b.energyCalorific.baseValue)
            && close(a.energyEquivalent.baseValue, b.energyEquivalent.baseValue)
            && close(a.outputValue?.baseValue ?? 0, b.outputValue?.baseValue ?? 0)
            && close(a.valueAdded?.baseValue ?? 0, b.valueAdded?.baseValue ?? 0)
    }

    static func sameRollup(_ a: Rollup, _ b: Rollup) -> Bool {
        same(a.totals, b.totals) && (a.previousYear == nil) == (b.previousYear == nil)
            && a.byItem.map(\.item) == b.byItem.map(\.item)
            && zip(a.byItem, b.byItem).allSatisfy { same($0.figures, $1.figures) }
            && a.byMonth.map(\.month) == b.byMonth.map(\.month)
            && zip(a.byMonth, b.byMonth).allSatisfy { same($0.figures, $1.figures) }
            && a.byChild.map(\.key) == b.byChild.map(\.key)
            && zip(a.byChild, b.byChild).allSatisfy { same($0.figures, $1.figures) }
            && a.byCategory.map(\.category) == b.byCategory.map(\.category)
    }

    @Test("units and regions of the demo province", arguments: TestDatabases.locations)
    func summaries_equalLines(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            let loaded = try await DemoLoader(db).load()
            let store = RollupStore(db)
            // The stored path must really be taken: the summaries exist.
            let latest = try #require(loaded.inventories.last)
            let supervisor = try await UnitStore(db).unit(code: DemoProvince.supervisorCode)
            #expect(try await store.summary(latest, "u:\(supervisor.id)") != nil)
            #expect(try await store.summary(latest, "r:5101") != nil)
            for code in [DemoProvince.supervisorCode, "DEMO-G1", "DEMO-G2-E3", "DEMO-G3-E2-F1"] {
                let unit = try await UnitStore(db).unit(code: code)
                let stored = try await store.rollup(.unit(id: unit.id, approach: .control), year: 2024)
                let summed = try await store.rollup(.unit(id: unit.id, approach: .control), year: 2024, fromLines: true)
                #expect(Self.sameRollup(stored, summed), "\(code)")
            }
            for region in ["510000", "510100", "510681", "5115"] {
                let prefix = try #require(RegionPrefix(region))
                let stored = try await store.rollup(.region(prefix), year: 2024)
                let summed = try await store.rollup(.region(prefix), year: 2024, fromLines: true)
                #expect(Self.sameRollup(stored, summed), "\(region)")
            }
        }
    }

    @Test("summaries written a stretch at a time are those written at once, each its own subject's")
    func summaries_byStretch() {
        let names: [(group: String, name: String)] = [("months", "year"), ("months", "1"), ("items", "柴油")]
        let subjects = (0..<3000).map { k -> (String, RollupSummaryBuilder.Dense) in
            var dense = RollupSummaryBuilder.Dense(columns: names.count)
            dense.cells[k % 15] = Double(k) + 0.5
            dense.present[(k % 15) / RollupSummaryBuilder.width] = true
            dense.addChild("c\(k)", total: [Double(k), 0, 0, 0, 0], economic: [nil, Double(k)])
            return (String(format: "u:%05d", k), dense)
        }
        let summed = RollupSummaryBuilder.Subjects(subjects: subjects, names: names)
        let whole = summed.json(0..<3000)
        let stretches = stride(from: 0, to: 3000, by: 1024).flatMap { summed.json($0..<min($0 + 1024, 3000)) }
        #expect(whole.map(\.subject) == subjects.map(\.0))
        #expect(stretches.map(\.subject) == whole.map(\.subject) && stretches.map(\.json) == whole.map(\.json))
        for k in [0, 1023, 1024, 2999] {
            #expect(whole[k].json == RollupSummaryBuilder.encode(subjects[k].1, names: names), "\(k)")
            #expect(whole[k].json.contains("\"c\(k)\""), "\(k)")
        }
    }
}

import Accounting
import Governance
import Pathways
import Persistence
import PersistenceTestSupport
import Testing

@Suite("Target store")
struct TargetStoreTests {
    static func cap(_ tonnes: Double, year: Int) -> Target {
        Target(indicator: .carbonTotal, kind: .cap(IndicatorAmount(tonnes, of: .carbonTotal)), firstYear: year)
    }

    @Test(
        "a target is kept, listed in the scopes that see its subject, and deleted", arguments: TestDatabases.locations)
    func keptListedDeleted(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            let w = try await GovernanceStoreWorld.make(in: db)
            let store = TargetStore(db)
            let group = try await store.create(name: "G cap", subject: .unit(w.g.id), target: Self.cap(400, year: 2024))
            let region = try await store.create(
                name: "Chengdu", subject: .region(RegionPrefix("5101")!),
                target: Target(
                    indicator: .carbonIntensity, kind: .reduction(fraction: 0.05, baseYear: 2022), firstYear: 2023,
                    lastYear: 2025))
            #expect(try await store.target(id: group.id) == group)
            #expect(Set(try await store.list(scope: .everything).map(\.id)) == [group.id, region.id])
            #expect(try await store.list(scope: .everything, subject: .unit(w.g.id)).map(\.id) == [group.id])
            // Only targets in force in a year are listed for it.
            #expect(try await store.list(scope: .everything, year: 2022).isEmpty)
            // A viewer of E1 sees neither its group's target nor a region's.
            let e1Scope = try await w.viewerScope(of: w.e1, in: db)
            #expect(try await store.list(scope: e1Scope).isEmpty)
            #expect(try await store.isVisible(group, in: try await w.viewerScope(of: w.g, in: db)))
            #expect(try await store.isVisible(group, in: e1Scope) == false)
            try await store.delete(id: group.id)
            await #expect(throws: StoreError.self) { try await store.target(id: group.id) }
        }
    }

    @Test(
        "a cap split by base-year share gives each child its share of the base year; deleting the parent deletes them",
        arguments: TestDatabases.locations)
    func splitByBaseShare(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            let w = try await GovernanceStoreWorld.make(in: db)
            let store = TargetStore(db)
            let board = GovernanceBoard(db, currentYear: 2024)
            let parent = try await store.create(
                name: "G cap", subject: .unit(w.g.id), target: Self.cap(400, year: 2024))
            let children = try await board.split(parent.id, method: .baseShare)
            // 2023, the year before the cap's first: E1 emitted a quarter of the group (10 t of 40 t of
            // diesel), E2 three quarters.
            var caps: [TargetSubject: Double] = [:]
            for child in children {
                if case .cap(let amount) = child.target.kind { caps[child.subject] = amount.value }
            }
            #expect(abs((caps[.unit(w.e1.id)] ?? 0) - 100) < 1e-9)
            #expect(abs((caps[.unit(w.e2.id)] ?? 0) - 300) < 1e-9)
            #expect(Set(try await store.children(of: parent.id).map(\.id)) == Set(children.map(\.id)))
            let check = try #require(try await board.check(parent))
            #expect(check.holds == true)
            #expect(abs((check.childrenCombined ?? 0) - 400) < 1e-9)
            // E1's viewer sees E1's share only.
            let e1Scope = try await w.viewerScope(of: w.e1, in: db)
            #expect(try await store.list(scope: e1Scope).map(\.subject) == [.unit(w.e1.id)])
            try await store.delete(id: parent.id)
            #expect(try await store.list(scope: .everything).isEmpty)
        }
    }

    /// The coal a target reads is summed from the inventory's lines by month; the stored summary
    /// keeps the year's items, read by another path. The two must agree on the demo province.
    @Test("a coal cap is judged on the coal items' energy, which agrees with the year's items")
    func coalCap() async throws {
        try await TestDatabases.withDemoDatabase { db in
            let supervisor = try await UnitStore(db).unit(code: DemoProvince.supervisorCode)
            let rollup = try await RollupStore(db).rollup(.unit(id: supervisor.id, approach: .control), year: 2024)
            let coalItems = Set(ItemCatalog.bundled.items.map(\.code).filter { RegionalCarrier(item: $0) == .coal })
            let expected = rollup.byItem.filter { coalItems.contains($0.item) }
                .map { $0.figures.energyCalorific.value(in: .tonneCoalEquivalent) }.reduce(0, +)
            let energy = rollup.totals.energyCalorific.value(in: .tonneCoalEquivalent)
            #expect(expected > 0 && expected < energy)
            let stored = try await TargetStore(db).create(
                name: "控煤（虚构）", subject: .unit(supervisor.id),
                target: Target(indicator: .coalTotal, kind: .cap(IndicatorAmount(expected * 1.25, of: .coalTotal)), firstYear: 2024))
            let progress = try await GovernanceBoard(db, currentYear: 2025).progress(of: stored)
            #expect(progress.throughMonth == 12)
            #expect(abs((progress.forecast?.value ?? 0) - expected) <= 1e-9 * expected)
            #expect(abs((progress.ratio ?? 0) - 0.8) < 1e-9 && progress.light == .green)
        }
    }
}

import Accounting
import Governance
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
}

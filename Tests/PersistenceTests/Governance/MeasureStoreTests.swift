import Accounting
import Governance
import Persistence
import PersistenceTestSupport
import Testing

@Suite("Measure store")
struct MeasureStoreTests {
    static func retrofit(_ unit: ReportingUnit, deadline: String, status: String? = nil) -> NewMeasure {
        NewMeasure(
            unitId: unit.id, kind: "measure", title: "Kiln waste-heat recovery", ownerPerson: "Wang",
            startDate: "2024-01-01", deadline: deadline, status: status)
    }

    @Test(
        "an item is checked field by field, kept, noted, and listed with its unit's subtree",
        arguments: TestDatabases.locations)
    func keptAndNoted(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            let w = try await GovernanceStoreWorld.make(in: db)
            let store = MeasureStore(db)
            let bad = NewMeasure(
                unitId: w.e1.id, title: "  ", ownerPerson: String(repeating: "王", count: 101), startDate: "2024-05-01",
                deadline: "2024-04-01")
            do {
                _ = try await store.add(bad)
                Issue.record("an item without a title was kept")
            } catch StoreError.invalid(let issues) {
                #expect(Set(issues.map(\.column)).isSuperset(of: ["title", "owner_person"]))
            }
            #expect(try await store.list(under: w.s.id).isEmpty, "nothing of the refused item is kept")
            let kept = try await store.add(Self.retrofit(w.e1, deadline: "2024-09-30", status: "in_progress"))
            #expect(kept.setStatus == .inProgress && kept.notes.isEmpty)
            let noted = try await store.update(id: kept.id, status: "done", note: "commissioned", evidence: "report 7")
            #expect(noted.setStatus == .done)
            #expect(noted.notes.map(\.text) == ["commissioned"])
            #expect(noted.notes.first?.evidence == "report 7")
            #expect(try await store.measure(id: kept.id) == noted)
            #expect(try await store.list(under: w.g.id).map(\.id) == [kept.id])
            #expect(try await store.list(under: w.e2.id).isEmpty)
        }
    }

    @Test(
        "an unfinished item past its deadline is a warning in the scopes that see its unit",
        arguments: TestDatabases.locations)
    func overdueWarnings(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            let w = try await GovernanceStoreWorld.make(in: db)
            let store = MeasureStore(db)
            let late = try await store.add(Self.retrofit(w.e1, deadline: "2024-01-31"))
            _ = try await store.add(Self.retrofit(w.e1, deadline: "2024-01-31", status: "done"))
            _ = try await store.add(Self.retrofit(w.e2, deadline: "2024-12-31"))
            #expect(late.status(on: "2024-01-31") == .planned)
            #expect(late.status(on: "2024-02-01") == .overdue)
            let board = GovernanceBoard(db, currentYear: 2024)
            let warned = try await board.warnings(scope: .everything, today: "2024-03-01").compactMap(\.measure?.id)
            #expect(warned == [late.id])
            #expect(
                try await board.warnings(scope: try await w.viewerScope(of: w.e2, in: db), today: "2024-03-01").isEmpty)
            #expect(
                try await board.warnings(scope: try await w.viewerScope(of: w.e1, in: db), today: "2024-03-01")
                    .compactMap(\.measure?.id) == [late.id])
        }
    }
}

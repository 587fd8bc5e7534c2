@testable import Footprint
import Foundation
import PersistenceTestSupport
import Testing

@testable import Persistence

/// Product models are kept per unit, listed for a subtree, replaced, deleted and audited — on both
/// databases.
@Suite struct FootprintModelStoreTests {
    static let model = ProductModel(
        name: "cell", declaredUnit: DeclaredUnit(process: "cell", amount: 1, unit: .items), boundary: .cradleToGate,
        processes: [
            ProcessModel(
                id: "cell", name: "cell assembly", stage: .production,
                output: ProductOutput(product: "cell", amount: 1, unit: .items),
                emissions: [Emission(flow: "CO2", amount: 2.5, unit: FlowUnit(parsing: "kg")!)])
        ])

    static let units = [
        NewUnit(code: "G", name: "Group", level: "group", regionCode: "510000"),
        NewUnit(code: "F1", name: "Cell plant", level: "enterprise", parentCode: "G", regionCode: "510104"),
        NewUnit(code: "E2", name: "Other group", level: "group", regionCode: "330106"),
    ]

    @Test(arguments: TestDatabases.locations)
    func modelsAreKeptListedReplacedAndDeleted(kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { database in
            try await AuditActor.$current.withValue(.commandLine(user: "tester")) {
                let units = try await UnitStore(database).create(Self.units)
                let plant = try #require(units.first { $0.code == "F1" })
                let store = FootprintModelStore(database)
                let saved = try await store.save(Self.model, unitID: plant.id)
                #expect(saved.model == Self.model)
                #expect(saved.unitCode == "F1")
                var renamed = Self.model
                renamed.name = "cell v2"
                let replaced = try await store.save(renamed, unitID: plant.id, replacing: saved.id)
                #expect(replaced.id == saved.id)
                #expect(try await store.model(id: saved.id).name == "cell v2")
                let root = try #require(units.first { $0.code == "G" })
                #expect(try await store.list(under: root.id).map(\.id) == [saved.id])
                let other = try #require(units.first { $0.code == "E2" })
                #expect(try await store.list(under: other.id).isEmpty)
                // A model is replaced only by its own unit's id.
                await #expect(throws: StoreError.self) {
                    try await store.save(renamed, unitID: other.id, replacing: saved.id)
                }
                try await store.delete(id: saved.id)
                await #expect(throws: StoreError.self) { try await store.model(id: saved.id) }
                let actions = try await AuditLog.entries(AuditFilter(), scope: .everything, limit: 50, in: database)
                    .map(\.action)
                #expect(actions.filter { $0 == AuditAction.footprintModelSaved.rawValue }.count == 2)
                #expect(actions.contains(AuditAction.footprintModelDeleted.rawValue))
            }
        }
    }
}

import Accounting
import Governance
import Persistence
import PersistenceTestSupport

/// A small world for the governance stores: a supervisor S over a group G with two cement
/// enterprises (GB/T 4754 division C30). E2 burns three times E1's diesel in 2023, the same in 2022
/// while E1 burned twice its 2023 amount then; both add 100 万元 of value added each year. Every
/// expected figure below follows from these ratios by hand, whatever the diesel factors are.
struct GovernanceStoreWorld {
    let s: ReportingUnit
    let g: ReportingUnit
    let e1: ReportingUnit
    let e2: ReportingUnit

    static let units = [
        NewUnit(code: "S", name: "Supervisor", level: "supervisor", regionCode: "510000"),
        NewUnit(code: "G", name: "Group", level: "group", parentCode: "S", regionCode: "510100"),
        NewUnit(
            code: "E1", name: "Cement 1", level: "enterprise", parentCode: "G", industryCode: "C3011",
            regionCode: "510104"),
        NewUnit(
            code: "E2", name: "Cement 2", level: "enterprise", parentCode: "G", industryCode: "C3011",
            regionCode: "510703"),
    ]

    static func make(in db: PeakZeroDatabase) async throws -> GovernanceStoreWorld {
        let store = UnitStore(db)
        try await store.create(units)
        try await ActivityStore(db).insert([
            NewActivityRecord(unitCode: "E1", period: "2022", item: "柴油", quantity: 20, uom: "t"),
            NewActivityRecord(unitCode: "E2", period: "2022", item: "柴油", quantity: 30, uom: "t"),
            NewActivityRecord(unitCode: "E1", period: "2023", item: "柴油", quantity: 10, uom: "t"),
            NewActivityRecord(unitCode: "E2", period: "2023", item: "柴油", quantity: 30, uom: "t"),
        ])
        try await EconomicStore(db).insert(
            ["E1", "E2"].flatMap { code in
                ["2022", "2023"].map { NewEconomicRecord(unitCode: code, period: $0, valueAdded: 100) }
            })
        let s = try await store.unit(code: "S")
        for year in [2022, 2023] {
            _ = try await InventoryStore(db).compute(unitID: s.id, year: year, options: CalculationOptions())
        }
        return GovernanceStoreWorld(
            s: s, g: try await store.unit(code: "G"), e1: try await store.unit(code: "E1"),
            e2: try await store.unit(code: "E2"))
    }

    /// What a viewer of `unit` sees.
    func viewerScope(of unit: ReportingUnit, in db: PeakZeroDatabase) async throws -> AccessScope {
        try await AccessScope.readAndWrite(
            of: Account(id: 99, name: "v", createdAt: "", grants: [RoleGrant(role: .viewer, unitID: unit.id)]),
            changing: [], in: db
        ).read
    }
}

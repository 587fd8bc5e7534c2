import Accounting

/// Loads the demo province into an empty database and computes its inventories, so every query
/// has something to show.
public struct DemoLoader: Sendable {
    let database: PeakZeroDatabase

    public init(_ database: PeakZeroDatabase) { self.database = database }

    public struct Summary: Sendable {
        public let units: Int
        public let activityRecords: Int
        public let economicRecords: Int
        public let inventories: [StoredInventory]
    }

    /// True when no unit is stored yet.
    public func databaseIsEmpty() async throws -> Bool {
        try await UnitStore(database).list(scope: .everything).isEmpty
    }

    public func load() async throws -> Summary {
        let demo = DemoProvince()
        try await UnitStore(database).create(demo.units)
        let activity = ActivityStore(database)
        _ = try await activity.write(try await activity.validate(demo.activity), provenance: RecordBatch(kind: "demo"))
        try await EconomicStore(database).insert(demo.economic)
        let supervisor = try await UnitStore(database).unit(code: DemoProvince.supervisorCode)
        var inventories: [StoredInventory] = []
        for year in DemoProvince.years {
            inventories.append(
                try await InventoryStore(database).compute(
                    unitID: supervisor.id, year: year, options: CalculationOptions()))
        }
        try await DemoTargets.load(in: database)
        try await DemoPathways.load(in: database)
        try await DemoAssets.load(in: database)
        try await DemoValueChain.load(in: database)
        try await DemoReports.load(in: database)
        return Summary(
            units: demo.units.count, activityRecords: demo.activity.count, economicRecords: demo.economic.count,
            inventories: inventories)
    }
}

import Accounting
import Foundation
import Logging
import Persistence

/// A synthetic province in the store: facilities × 12 months × 20 items of activity data, bulk
/// loaded, fully recalculated with lineage, and queried (provincial roll-up, one group's indicators).
struct StoreBenchmark {
    let facilities: Int
    let folder: String
    let location: DatabaseLocation
    /// Only the recalculation, again, on a store an earlier run loaded (each run adds a version).
    let recalculateOnly: Bool

    init(arguments: [String]) throws {
        recalculateOnly = arguments.contains("--recalculate-only")
        facilities = Int(option("--facilities", in: arguments) ?? "") ?? 10_000
        folder = option("--data-dir", in: arguments) ?? NSTemporaryDirectory() + "peakzero-bench-store"
        if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty {
            location = .postgres(url: url)
        } else {
            location = .sqliteFile(path: folder + "/peakzero.sqlite")
        }
    }

    static let items: [(item: String, uom: String, perMonth: Double)] = [
        ("电力", "MWh", 300), ("绿电", "MWh", 40), ("热力", "GJ", 500), ("天然气", "万Nm3", 2), ("柴油", "t", 3),
        ("汽油", "t", 1), ("烟煤", "t", 200), ("无烟煤", "t", 40), ("褐煤", "t", 30), ("焦炭", "t", 10),
        ("燃料油", "t", 2), ("液化石油气", "t", 1), ("液化天然气", "t", 2), ("煤油", "t", 0.5), ("焦炉煤气", "万Nm3", 1),
        ("高炉煤气", "万Nm3", 5), ("转炉煤气", "万Nm3", 1), ("石油焦", "t", 3), ("甲烷", "t", 0.2), ("六氟化硫", "kg", 1),
    ]
    static let regions = [
        "510104", "510105", "510107", "510112", "510603", "510681", "510703", "510781", "511102", "511402",
        "511403", "510903", "510904", "511502", "511503",
    ]

    func run() async throws {
        if recalculateOnly { return try await recalculateAgain() }
        if case .sqliteFile = location { try? FileManager.default.removeItem(atPath: folder) }
        let database = try await open()
        defer { Task { try? await database.shutdown() } }
        let (units, facilityCodes) = provinceUnits()
        let (_, unitSeconds) = try await timed { try await UnitStore(database).create(units) }
        print(String(format: "units: %d in %.2f s", units.count, unitSeconds))

        let records = activityRecords(of: facilityCodes)
        let store = ActivityStore(database)
        let (batch, validateSeconds) = try await timed { try await store.validate(records) }
        print(
            String(
                format: "validation: %d activity records in %.2f s = %.0f rows/s", records.count, validateSeconds,
                Double(records.count) / validateSeconds))
        // Loaded as a file is (one audit entry for the batch), not as records sent one by one
        // through the API, each of which the audit trail keeps whole.
        let (_, loadSeconds) = try await timed {
            try await store.write(batch, provenance: RecordBatch(kind: "import", fileName: "synthetic-province.csv"))
        }
        print(
            String(
                format: "bulk load into the database: %d rows in %.2f s = %.0f rows/s", records.count, loadSeconds,
                Double(records.count) / loadSeconds))
        if case .postgres(let url) = location,
            let anchor = try PostgresCopyAnchor(url: url, folder: folder).run(rows: records.count)
        {
            print(String(format: "bulk load / anchor: %.1f %%", 100 * Double(records.count) / loadSeconds / anchor))
        }
        if case .postgres(let url) = location, let waited = try PostgresQuiet(url: url).wait() {
            print(String(format: "waited %.1f s for PostgreSQL's autovacuum of the loaded rows", waited))
        }

        try await recalculate(database)
        try await timeQueries(database)
        print(String(format: "peak resident memory: %.0f MiB", peakResidentMiB()))
        try await database.shutdown()
    }

    func open() async throws -> PeakZeroDatabase {
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let database = try await PeakZeroDatabase.open(location, logger: logger)
        try await Migrator().migrate(database)
        return database
    }

    func recalculateAgain() async throws {
        let database = try await open()
        try await recalculate(database)
        try await database.shutdown()
    }

    func recalculate(_ database: PeakZeroDatabase) async throws {
        let province = try await UnitStore(database).unit(code: "P")
        let cpuBefore = processCPUSeconds()
        let (inventory, calcSeconds) = try await timed {
            try await InventoryStore(database).compute(unitID: province.id, year: 2024, options: CalculationOptions())
        }
        print(
            String(
                format: "full recalculation with lineage: %d lines in %.2f s (PeakZero's own CPU %.2f s)",
                inventory.recordCount, calcSeconds, processCPUSeconds() - cpuBefore))
    }

    /// The province's tree: a supervisor, its groups, enterprises of twenty facilities each.
    func provinceUnits() -> (units: [NewUnit], facilityCodes: [String]) {
        let groups = max(1, facilities / 1000)
        let perEnterprise = 20
        var units = [NewUnit(code: "P", name: "Province", level: "supervisor", regionCode: "510000")]
        for g in 0..<groups {
            units.append(
                NewUnit(code: "G\(g)", name: "Group \(g)", level: "group", parentCode: "P", regionCode: "510100"))
        }
        var facilityCodes: [String] = []
        for e in 0..<(facilities / perEnterprise) {
            let enterprise = "E\(e)"
            units.append(
                NewUnit(
                    code: enterprise, name: "Enterprise \(e)", level: "enterprise", parentCode: "G\(e % groups)",
                    regionCode: Self.regions[e % Self.regions.count], ownershipShare: e % 3 == 0 ? 0.6 : 1))
            for f in 0..<perEnterprise {
                let code = "F\(e)-\(f)"
                facilityCodes.append(code)
                units.append(
                    NewUnit(
                        code: code, name: "Facility \(code)", level: "facility", parentCode: enterprise,
                        regionCode: Self.regions[(e + f) % Self.regions.count]))
            }
        }
        return (units, facilityCodes)
    }

    /// Each facility's twelve months of every item, the quantities varied a little.
    func activityRecords(of facilityCodes: [String]) -> [NewActivityRecord] {
        var records: [NewActivityRecord] = []
        records.reserveCapacity(facilityCodes.count * 12 * Self.items.count)
        for (index, code) in facilityCodes.enumerated() {
            for month in 1...12 {
                for (k, use) in Self.items.enumerated() {
                    let wobble = 0.8 + 0.4 * Double((index * 31 + month * 7 + k * 13) % 100) / 100
                    records.append(
                        NewActivityRecord(
                            unitCode: code, period: "2024-\(month < 10 ? "0" : "")\(month)", item: use.item,
                            quantity: use.perMonth * wobble, uom: use.uom))
                }
            }
        }
        return records
    }

    /// The provincial roll-up (best of 5) and one group's indicators (best of 20).
    func timeQueries(_ database: PeakZeroDatabase) async throws {
        var best = Double.infinity
        for _ in 0..<5 {
            let (_, s) = try await timed {
                try await RollupStore(database).rollup(.region(RegionPrefix("51")!), year: 2024)
            }
            best = min(best, s)
        }
        print(String(format: "provincial roll-up (region 51, all breakdowns): %.1f ms (best of 5)", best * 1000))
        let group = try await UnitStore(database).unit(code: "G0")
        best = .infinity
        for _ in 0..<20 {
            let (_, s) = try await timed {
                try await RollupStore(database).rollup(.unit(id: group.id, approach: .control), year: 2024)
            }
            best = min(best, s)
        }
        print(String(format: "indicator query of one group: %.1f ms (best of 20)", best * 1000))
    }

    func timed<T>(_ body: () async throws -> T) async rethrows -> (T, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try await body()
        return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
}

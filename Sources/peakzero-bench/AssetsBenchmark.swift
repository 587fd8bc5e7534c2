import Accounting
import Assets
import Foundation
import Logging
import Persistence
import SQLKit

/// The carbon-asset ledger and the abatement curve at scale: 1,000,000 ledger entries over
/// 10,000 accounts (a supervisor, 10 groups, 500 enterprises, 9,489 facilities), four lots each;
/// balances of one account and of the whole subtree at a date, from the store (SQLite or
/// PostgreSQL) and from the in-memory ledger; and the curve of 10,000 projects.
struct AssetsBenchmark {
    let events: Int
    let accounts: Int
    let folder: String
    let location: DatabaseLocation

    init(arguments: [String]) throws {
        events = Int(option("--events", in: arguments) ?? "") ?? 1_000_000
        accounts = Int(option("--accounts", in: arguments) ?? "") ?? 10_000
        folder = option("--data-dir", in: arguments) ?? NSTemporaryDirectory() + "peakzero-bench-assets"
        if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty {
            location = .postgres(url: url)
        } else {
            location = .sqliteFile(path: folder + "/peakzero.sqlite")
        }
    }

    static let lots = [
        Lot.cea(2023), Lot.cea(2024), Lot(kind: .ccer, vintage: 2024, reference: "CCER-1"),
        Lot(kind: .gec, vintage: 2024, month: 6, reference: "G1"),
    ]

    /// The stream: each account's entries in order of days over two years; buys first, then a
    /// mix of buys, sales, transfers in and out and surrenders that never takes a balance below zero.
    func stream() -> [(account: Int, event: LedgerEvent)] {
        var random = SystemRandomNumberGenerator()
        var result: [(Int, LedgerEvent)] = []
        result.reserveCapacity(events)
        let start = CalendarDay(parsing: "2024-01-01")!.ordinal
        let perAccount = events / accounts
        for account in 0..<accounts {
            var held = [Int64](repeating: 0, count: Self.lots.count)
            for n in 0..<perAccount {
                let lot = n % Self.lots.count
                let day = CalendarDay(ordinal: start + n * 700 / perAccount)
                let quantity = Int64.random(in: 1...500, using: &random)
                let sell = n >= Self.lots.count && held[lot] >= quantity && Bool.random(using: &random)
                let action: LedgerAction = sell ? (n % 3 == 0 ? .sell : .transferOut) : (n % 2 == 0 ? .buy : .transferIn)
                held[lot] += sell ? -quantity : quantity
                result.append(
                    (account,
                    LedgerEvent(
                        account: "B\(account)", day: day, action: action, lot: Self.lots[lot], quantity: quantity,
                        priceYuan: 60)))
            }
        }
        return result
    }

    func run() async throws {
        if case .sqliteFile = location { try? FileManager.default.removeItem(atPath: folder) }
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let database = try await PeakZeroDatabase.open(location, logger: logger)
        defer { Task { try? await database.shutdown() } }
        try await Migrator().migrate(database)
        // The tree: supervisor → 10 groups → enterprises of 20 facilities; every unit holds an account.
        var units = [NewUnit(code: "B0", name: "Supervisor", level: "supervisor", regionCode: "510000")]
        let groups = 10
        var code = 1
        for _ in 0..<groups {
            units.append(NewUnit(code: "B\(code)", name: "Group", level: "group", parentCode: "B0", regionCode: "510100"))
            code += 1
        }
        var enterprise = 0
        while code < accounts {
            let parent = code
            units.append(
                NewUnit(
                    code: "B\(code)", name: "Enterprise", level: "enterprise", parentCode: "B\(1 + enterprise % groups)",
                    regionCode: "510104"))
            enterprise += 1
            code += 1
            for _ in 0..<19 where code < accounts {
                units.append(
                    NewUnit(code: "B\(code)", name: "Facility", level: "facility", parentCode: "B\(parent)", regionCode: "510104"))
                code += 1
            }
        }
        try await UnitStore(database).create(units)
        let ids = try await UnitStore(database).list(scope: .everything).reduce(into: [String: (Int64, Int64)]()) {
            $0[$1.code] = ($1.id, 0)
        }
        let root = ids["B0"]!.0
        let stream = stream()
        print("ledger: \(stream.count) entries over \(accounts) accounts")

        // The in-memory ledger, every entry checked as it is appended.
        let rules = LedgerRules(certificateValidityMonths: 24)
        let (ledger, appendSeconds) = try seconds {
            var ledger = Ledger(rules: rules)
            for (_, event) in stream { try ledger.append(event) }
            return ledger
        }
        print(String(format: "  in memory: appended with checks in %.2f s (%.0f entries/s)", appendSeconds, Double(stream.count) / appendSeconds))
        let day = CalendarDay(parsing: "2025-03-31")!
        let probes = (0..<200).map { _ in "B\(Int.random(in: 0..<accounts))" }
        let (_, oneSeconds) = seconds { for account in probes { _ = ledger.balances(of: account, at: day) } }
        print(String(format: "  in memory: one account at a date %.4f ms", oneSeconds / Double(probes.count) * 1000))
        let everyone = (0..<accounts).map { "B\($0)" }
        let (memoryTotal, allSeconds) = seconds { ledger.balances(of: everyone, at: day) }
        print(String(format: "  in memory: whole subtree at a date %.1f ms", allSeconds * 1000))

        // The store: rows written in bulk (a benchmark's set-up, not the audited path), then queried
        // the way the API asks.
        let (_, loadSeconds) = try await timed {
            try await database.transaction { db in
                let columns = [
                    "unit_id", "root_id", "day", "day_ordinal", "action", "kind", "vintage", "month", "reference",
                    "methodology", "quantity", "delta", "price", "counterparty", "compliance_year", "retired_for", "late",
                    "created_by", "created_at",
                ]
                for first in stride(from: 0, to: stream.count, by: 1_500) {
                    let chunk = stream[first..<min(first + 1_500, stream.count)]
                    var insert = db.insert(into: "asset_events").columns(columns)
                    for (account, e) in chunk {
                        insert = insert.values(
                            SQLBind(ids["B\(account)"]!.0), SQLBind(root), SQLBind(e.day.description), SQLBind(e.day.ordinal),
                            SQLBind(e.action.rawValue), SQLBind(e.lot.kind.rawValue), SQLBind(e.lot.vintage),
                            SQLBind(e.lot.month.map(Int64.init)), SQLBind(e.lot.reference), SQLBind(e.lot.methodology),
                            SQLBind(e.quantity), SQLBind(e.delta), SQLBind(e.priceYuan), SQLBind(e.counterparty),
                            SQLBind(Int64?.none), SQLBind(String?.none), SQLBind(0), SQLBind("bench"), SQLBind("2026-01-01"))
                    }
                    try await insert.run()
                }
            }
        }
        let store = AssetLedgerStore(database)
        let (_, rollupSeconds) = try await timed { try await store.rebuildRollup() }
        print(String(format: "  store: loaded %d rows in %.1f s, roll-up rebuilt in %.1f s", stream.count, loadSeconds, rollupSeconds))
        var oneTimes: [Double] = []
        for account in probes.prefix(100) {
            let (_, s) = try await timed { try await store.balances(under: ids[account]!.0, at: day, subtree: false) }
            oneTimes.append(s)
        }
        oneTimes.sort()
        print(
            String(
                format: "  store: one account at a date median %.2f ms, p95 %.2f ms", oneTimes[oneTimes.count / 2] * 1000,
                oneTimes[oneTimes.count * 95 / 100] * 1000))
        var treeTimes: [Double] = []
        var stored: [LotBalance] = []
        for _ in 0..<5 {
            let (balances, s) = try await timed { try await store.balances(under: root, at: day) }
            stored = balances
            treeTimes.append(s)
        }
        treeTimes.sort()
        print(String(format: "  store: whole subtree (%d accounts) at a date median %.2f ms", accounts, treeTimes[2] * 1000))
        let (_, groupSeconds) = try await timed { try await store.balances(under: ids["B1"]!.0, at: day) }
        print(String(format: "  store: one group's subtree at a date %.2f ms", groupSeconds * 1000))
        // The audited write path: an entry checked against its account's rebuilt balances, kept, rolled up.
        var appendTimes: [Double] = []
        for n in 0..<300 {
            let account = 11 + (n * 37) % (accounts - 11)
            let (_, s) = try await timed {
                try await store.append(
                    unitID: ids["B\(account)"]!.0,
                    NewAssetEvent(day: "2025-12-31", action: "buy", kind: "cea", vintage: 2024, quantity: 1, price: 60))
            }
            appendTimes.append(s)
        }
        appendTimes.sort()
        print(
            String(
                format: "  store: one audited entry appended median %.1f ms, p95 %.1f ms", appendTimes[150] * 1000,
                appendTimes[285] * 1000))
        let agree = stored.allSatisfy { memoryTotal[$0.lot] == $0.quantity } && stored.count == memoryTotal.count
        print("  store and memory agree: \(agree)")
        // A file's worth of entries booked at once (the ledger import's write step): 2,000 entries,
        // 200 on each of ten accounts that already hold 100, checked in order, all kept.
        let batch: [(unitID: Int64, entry: NewAssetEvent)] = (0..<2_000).map { n in
            let account = 20 + (n % 10) * 97
            return (
                ids["B\(account)"]!.0,
                NewAssetEvent(
                    day: "2026-01-\(String(format: "%02d", 1 + n / 100))", action: n >= 1_000 && n % 2 == 0 ? "sell" : "buy", kind: "cea",
                    vintage: 2024, quantity: 1, price: 60)
            )
        }
        let (refused, batchSeconds) = try await timed { try await store.appendAll(batch, keep: true, provenance: nil) }
        print(
            String(
                format: "  store: a file of %d entries booked in %.2f s (%.0f entries/s), %d refused", batch.count,
                batchSeconds, Double(batch.count) / batchSeconds, refused.count))

        // The curve of 10,000 projects: the blocks as assessed projects give them, sorted and placed.
        let blocks = (0..<10_000).map { n in
            AbatementBlock(
                code: "P\(n)", name: "project", cost: .yuanPerTonne(Double.random(in: -500...3000)),
                yearlyAbatement: Emissions(Double.random(in: 10...50_000), .tonneCO2e),
                interactsWith: n % 100 == 0 ? ["P\(n + 1)"] : [])
        }
        var curveTimes: [Double] = []
        for _ in 0..<20 {
            let (curve, s) = seconds { AbatementCurve(blocks) }
            _ = curve.closing(Emissions(1e7, .tonneCO2e))
            curveTimes.append(s)
        }
        curveTimes.sort()
        print(String(format: "curve: 10,000 projects sorted and placed, median %.2f ms", curveTimes[10] * 1000))
        // And from projects to blocks: each project's savings through the inventory calculation.
        let library = try FactorLibrary.standard()
        let calculator = ProjectSavingsCalculator(library: library)
        let electricity = ItemCatalog.bundled.item(code: "electricity")!
        let gas = ItemCatalog.bundled.item(code: "natural_gas")!
        let projects = (0..<10_000).map { n in
            ReductionProject(
                code: "P\(n)", name: "project", unitCode: "B\(n % accounts)", region: RegionCode("510104")!,
                type: .efficiency, firstYear: 2022 + n % 3, lifetimeYears: 5 + n % 20,
                capex: Money(Double(n % 900 + 10), .tenThousandYuan), yearlyBenefit: Money(Double(n % 50), .tenThousandYuan),
                savings: [
                    ProjectSaving(item: electricity, quantity: PhysicalQuantity(Double(n % 5000 + 1), .energy(.megawattHour))),
                    ProjectSaving(item: gas, quantity: PhysicalQuantity(Double(n % 30 + 1), .volume(.tenThousandNormalCubicMetres))),
                ])
        }
        let (assessed, assessSeconds) = try seconds {
            try projects.map { try ProjectAssessment(project: $0, calculator: calculator, discountRate: 0.08) }
        }
        let (fullCurve, fullSeconds) = seconds { AbatementCurve(assessed.compactMap(\.block)) }
        print(
            String(
                format: "curve from 10,000 projects: savings and economics %.0f ms, curve %.2f ms (%d blocks)",
                assessSeconds * 1000, fullSeconds * 1000, fullCurve.blocks.count))
        print(String(format: "peak memory: %.0f MiB", peakResidentMiB()))
    }

    func timed<T>(_ body: () async throws -> T) async rethrows -> (T, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try await body()
        return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
}

import Foundation
import Accounting
import SQLKit

/// The subject of a roll-up: a unit with its descendants, or a territory by region-code prefix.
public enum RollupSubject: Sendable, Equatable {
    case unit(id: Int64, approach: ConsolidationApproach)
    case region(RegionPrefix)
}

/// A roll-up's figures: totals, breakdowns and the inventories they rest on.
public struct Rollup: Sendable {
    public let year: Int
    public let totals: IndicatorFigures
    /// Last year's totals from the same kind of inventories, when there are any.
    public let previousYear: IndicatorFigures?
    public let byMonth: [(month: Int?, figures: IndicatorFigures)]
    public let byScope: [(scope: String, figures: IndicatorFigures)]
    public let byItem: [(item: String, figures: IndicatorFigures)]
    public let byCategory: [(category: String, figures: IndicatorFigures)]
    /// For a unit, its children (by id); for a region, its cities or counties (by six-digit code).
    public let byChild: [(key: String, figures: IndicatorFigures)]
    public let inventories: [StoredInventory]
    /// Top-level units with units in the region but no inventory for the year (regions only).
    public let uncoveredRoots: [Int64]

    /// A year with no figures at all (no inventory covers it).
    public static func none(year: Int) -> Rollup {
        Rollup(
            year: year, totals: IndicatorFigures(), previousYear: nil, byMonth: [], byScope: [], byItem: [],
            byCategory: [], byChild: [], inventories: [], uncoveredRoots: [])
    }
}

/// Roll-ups along the ownership tree and the territorial tree, aggregated in SQL (GROUP BY) from
/// the stored inventory lines; the year-on-year change compares with last year's inventories.
public struct RollupStore: Sendable {
    let database: PeakZeroDatabase

    public init(_ database: PeakZeroDatabase) { self.database = database }

    /// - Parameter fromLines: sum the stored lines even where a stored summary exists (to check one against the other).
    /// - Parameter previousYear: also read last year's totals (for the year-on-year change).
    public func rollup(_ subject: RollupSubject, year: Int, fromLines: Bool = false, previousYear: Bool = true)
        async throws -> Rollup
    {
        let db = database.sql
        switch subject {
        case .unit(let id, let approach):
            let anchor = try await UnitLookup.anchor(id, in: db)
            let filter = Filter.unit(anchor, approach)
            guard let current = try await latestInventory(coveringUnit: anchor, year: year) else {
                throw StoreError.conflict("no inventory of \(year) covers unit \(anchor.code); compute one first")
            }
            let previous = previousYear ? try await latestInventory(coveringUnit: anchor, year: year - 1) : nil
            // The control approach is stored with each inventory; the equity approach is summed here.
            if approach == .control, !fromLines, let summary = try await summary(current, "u:\(id)") {
                let last = try await previous.asyncMap { try await self.summary($0, "u:\(id)") } ?? nil
                return Self.rollup(summary, previous: last, year: year, inventories: [current], uncovered: [])
            }
            return try await aggregate(
                filter: filter, year: year, inventories: [current], previousInventories: previous.map { [$0] } ?? [],
                childKey: { path, _ in Self.childID(of: anchor.path, in: path) }, uncovered: [])
        case .region(let region):
            let roots = try await roots(in: region)
            let current = try await rootInventories(roots: roots, year: year)
            let previous = previousYear ? try await rootInventories(roots: roots, year: year - 1) : []
            let covered = Set(current.map(\.unitId))
            let uncovered = roots.filter { !covered.contains($0) }.sorted()
            if !fromLines, let summary = try await mergedSummary(current, "r:\(region.prefix)") {
                let last = try await mergedSummary(previous, "r:\(region.prefix)")
                return Self.rollup(summary, previous: last, year: year, inventories: current, uncovered: uncovered)
            }
            let filter = Filter.region(region)
            let childLength = region.prefix.count == 2 ? 4 : 6
            return try await aggregate(
                filter: filter, year: year, inventories: current, previousInventories: previous,
                childKey: { _, regionCode in
                    let child = String(regionCode.prefix(childLength))
                    // Units registered at the level of the region itself (510000, 510100) have no child region.
                    return region.prefix.count >= 6 || child.hasSuffix("00") ? nil : RegionPrefix(child)?.code
                }, uncovered: uncovered)
        }
    }

    /// The stored summary of a subject in an inventory, if the inventory has one.
    func summary(_ inventory: StoredInventory, _ subject: String) async throws -> RollupSummary? {
        guard
            let row = try await database.sql.select().column("payload").from("inventory_summaries")
                .where("inventory_id", .equal, SQLBind(inventory.id)).where("subject", .equal, SQLBind(subject)).first()
        else { return nil }
        return try JSONDecoder().decode(
            RollupSummary.self, from: Data(try row.decode(column: "payload", as: String.self).utf8))
    }

    /// The summaries of a subject across inventories (one per tree), added up; nil when any
    /// inventory lacks summaries altogether (then the lines are summed instead).
    func mergedSummary(_ inventories: [StoredInventory], _ subject: String) async throws -> RollupSummary? {
        guard !inventories.isEmpty else { return nil }
        var merged = RollupSummary()
        for inventory in inventories {
            if let part = try await summary(inventory, subject) {
                merged.merge(part)
            } else if try await summary(inventory, "u:\(inventory.unitId)") == nil {
                return nil
            }
        }
        return merged
    }

    static func rollup(
        _ s: RollupSummary, previous: RollupSummary?, year: Int, inventories: [StoredInventory], uncovered: [Int64]
    ) -> Rollup {
        func figures(_ cells: [String: [Double]]) -> [(String, IndicatorFigures)] {
            cells.sorted { $0.key < $1.key }.map { ($0.key, RollupSummary.figures($0.value)) }
        }
        return Rollup(
            year: year, totals: s.totals, previousYear: previous?.totals,
            byMonth: s.months.sorted { (Int($0.key) ?? 0) < (Int($1.key) ?? 0) }.map {
                (Int($0.key), RollupSummary.figures($0.value))
            },
            byScope: figures(s.scopes).map { ($0.0, $0.1) }, byItem: figures(s.items).map { ($0.0, $0.1) },
            byCategory: figures(s.categories).map { ($0.0, $0.1) },
            byChild: s.children.sorted { $0.key < $1.key }.map {
                ($0.key, RollupSummary.figures($0.value, economic: s.childEconomic[$0.key] ?? [nil, nil]))
            },
            inventories: inventories, uncoveredRoots: uncovered)
    }

    struct Filter {
        let rootID: Int64?
        let pathPrefix: String?
        let regionPrefix: String?
        /// SQL weight of a unit's figures (`1`, or `u.root_equity` for the equity approach).
        let weight: String
        /// Applied after summing: 1 ÷ the anchor's own root equity for the equity approach.
        let scale: Double

        /// A unit's subtree, weighted by the approach.
        static func unit(_ anchor: UnitLookup.Entry, _ approach: ConsolidationApproach) -> Filter {
            Filter(
                rootID: anchor.rootID, pathPrefix: anchor.path, regionPrefix: nil,
                weight: approach == .equity ? "u.root_equity" : "1", scale: approach == .equity ? 1 / anchor.rootEquity : 1)
        }

        /// Every unit registered in a region.
        static func region(_ region: RegionPrefix) -> Filter {
            Filter(rootID: nil, pathPrefix: nil, regionPrefix: region.prefix, weight: "1", scale: 1)
        }
    }

    /// The top-level units with units in a region.
    func roots(in region: RegionPrefix) async throws -> [Int64] {
        try await database.sql.select().column(SQLDistinct(SQLColumn("root_id"))).from("units")
            .where("region_code", .like, SQLBind(region.prefix + "%")).all()
            .map { try $0.decode(column: "root_id", as: Int64.self) }
    }

    /// The latest inventory of the year computed for the unit or one of its ancestors.
    func latestInventory(coveringUnit anchor: UnitLookup.Entry, year: Int) async throws -> StoredInventory? {
        let ids = anchor.path.split(separator: "/").compactMap { Int64($0) }
        return try await database.sql.select().column(SQLRaw(InventoryStore.columns)).from("inventories")
            .where("unit_id", .in, SQLBind.group(ids)).where("year", .equal, SQLBind(year))
            .orderBy("id", .descending).limit(1)
            .first(decoding: StoredInventory.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// For each top-level unit, its latest inventory of the year computed at the top.
    func rootInventories(roots: [Int64], year: Int) async throws -> [StoredInventory] {
        guard !roots.isEmpty else { return [] }
        let all = try await database.sql.select().column(SQLRaw(InventoryStore.columns)).from("inventories")
            .where("unit_id", .in, SQLBind.group(roots)).where("year", .equal, SQLBind(year))
            .orderBy("id", .descending)
            .all(decoding: StoredInventory.self, keyDecodingStrategy: .convertFromSnakeCase)
        var latest: [Int64: StoredInventory] = [:]
        for inventory in all where latest[inventory.unitId] == nil { latest[inventory.unitId] = inventory }
        return latest.values.sorted { $0.unitId < $1.unitId }
    }

    static func childID(of anchorPath: String, in path: String) -> String? {
        guard path.count > anchorPath.count, path.hasPrefix(anchorPath) else { return nil }
        return path.dropFirst(anchorPath.count).split(separator: "/").first.map(String.init)
    }

    private func aggregate(
        filter: Filter, year: Int, inventories: [StoredInventory], previousInventories: [StoredInventory],
        childKey: (_ path: String, _ regionCode: String) -> String?, uncovered: [Int64]
    ) async throws -> Rollup {
        let cells = try await lineCells(filter: filter, inventories: inventories)
        let economic = try await economicCells(filter: filter, year: year)
        var byMonth: [Int?: IndicatorFigures] = [:]
        var byScope: [String: IndicatorFigures] = [:]
        var byItem: [String: IndicatorFigures] = [:]
        var byCategory: [String: IndicatorFigures] = [:]
        var byChild: [String: IndicatorFigures] = [:]
        var totals = IndicatorFigures()
        for cell in cells {
            let figures = cell.figures(scale: filter.scale)
            totals = totals + figures
            byMonth[cell.month, default: IndicatorFigures()] =
                byMonth[cell.month, default: IndicatorFigures()] + figures
            byScope[cell.scope, default: IndicatorFigures()] =
                byScope[cell.scope, default: IndicatorFigures()] + figures
            byItem[cell.item, default: IndicatorFigures()] = byItem[cell.item, default: IndicatorFigures()] + figures
            byCategory[cell.category, default: IndicatorFigures()] =
                byCategory[cell.category, default: IndicatorFigures()] + figures
            if let key = childKey(cell.path, cell.regionCode) {
                byChild[key, default: IndicatorFigures()] = byChild[key, default: IndicatorFigures()] + figures
            }
        }
        for cell in economic {
            let money = IndicatorFigures(
                outputValue: cell.outputValue.map { Money($0 * filter.scale, .tenThousandYuan) },
                valueAdded: cell.valueAdded.map { Money($0 * filter.scale, .tenThousandYuan) })
            totals = totals + money
            if let key = childKey(cell.path, cell.regionCode) {
                byChild[key, default: IndicatorFigures()] = byChild[key, default: IndicatorFigures()] + money
            }
        }
        var previous: IndicatorFigures?
        if !previousInventories.isEmpty {
            var last = try await lineCells(filter: filter, inventories: previousInventories)
                .reduce(IndicatorFigures()) { $0 + $1.figures(scale: filter.scale) }
            for cell in try await economicCells(filter: filter, year: year - 1) {
                last =
                    last
                    + IndicatorFigures(
                        outputValue: cell.outputValue.map { Money($0 * filter.scale, .tenThousandYuan) },
                        valueAdded: cell.valueAdded.map { Money($0 * filter.scale, .tenThousandYuan) })
            }
            previous = last
        }
        return Rollup(
            year: year, totals: totals, previousYear: previous,
            byMonth: byMonth.sorted { ($0.key ?? 0) < ($1.key ?? 0) }.map { ($0.key, $0.value) },
            byScope: byScope.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
            byItem: byItem.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
            byCategory: byCategory.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
            byChild: byChild.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
            inventories: inventories, uncoveredRoots: uncovered)
    }
}

import Accounting
import Foundation
import Governance
import Pathways
import SQLKit

/// Reads a subject's figures for the governance views from the stored inventories: each year's
/// months, totals, economic base and green power, via the roll-ups.
public struct GovernanceFigures: Sendable {
    let rollups: RollupStore
    /// Roll-ups already read by this reader: a page judges many targets on the same subjects and years.
    let memo = Memo()

    public init(_ database: PeakZeroDatabase) { rollups = RollupStore(database) }

    /// Locked, since a reader's requests may run on several threads.
    final class Memo: @unchecked Sendable {
        private let lock = NSLock()
        private var rollups: [String: Rollup?] = [:]
        private var computed: Set<Int>?

        func years() -> Set<Int>? { lock.withLock { computed } }
        func setYears(_ years: Set<Int>) { lock.withLock { computed = years } }

        func get(_ key: String) -> Rollup?? { lock.withLock { rollups[key] } }
        func set(_ key: String, _ value: Rollup?) { lock.withLock { rollups[key] = .some(value) } }
    }

    /// The years among `years` that an inventory covers; a whole-year record (no month) counts in
    /// December. With `coal`, each month's and the year's coal consumption too (a coal target's).
    public func years(of subject: RollupSubject, _ years: ClosedRange<Int>, coal: Bool = false) async throws
        -> [Int: YearFigures]
    {
        var found: [Int: YearFigures] = [:]
        let computed = try await computedYears()
        for year in years where computed.contains(year) {
            guard let rollup = try await rollup(subject, year) else { continue }
            var figures = Self.figures(rollup)
            if coal {
                let byMonth = try await rollups.energyByMonth(subject, year: year, items: Self.coalItems) ?? [:]
                Self.fill(&figures, coal: byMonth)
            }
            found[year] = figures
        }
        return found
    }

    /// The items counted as coal (煤炭消费): coal and its products, as the energy balance sheet groups them.
    static let coalItems = Set(ItemCatalog.bundled.items.map(\.code).filter { RegionalCarrier(item: $0) == .coal })

    /// Each month's coal (a whole-year record's in December, as its other figures), and the year's.
    static func fill(_ figures: inout YearFigures, coal byMonth: [Int?: Double]) {
        var total = 0.0
        for month in figures.months.keys {
            figures.months[month]!.coal = .zero
        }
        for (month, tce) in byMonth {
            let key = month ?? 12
            let before = figures.months[key]?.coal ?? .zero
            figures.months[key, default: MeasuredFigures(IndicatorFigures())].coal =
                before + StandardCoal(tce, .tonneCoalEquivalent)
            total += tce
        }
        figures.year.coal = StandardCoal(total, .tonneCoalEquivalent)
    }

    /// The years any inventory covers (read once per reader): other years have no figures to read.
    func computedYears() async throws -> Set<Int> {
        if let known = memo.years() { return known }
        let years = Set(
            try await rollups.database.sql.select().column(SQLDistinct(SQLColumn("year"))).from("inventories").all()
                .map { try $0.decode(column: "year", as: Int.self) })
        memo.setYears(years)
        return years
    }

    /// A year's roll-up, nil when no inventory covers it.
    public func rollup(_ subject: RollupSubject, _ year: Int) async throws -> Rollup? {
        let key = "\(subject)|\(year)"
        if let known = memo.get(key) { return known }
        let read = try await readRollup(subject, year)
        memo.set(key, read)
        return read
    }

    func readRollup(_ subject: RollupSubject, _ year: Int) async throws -> Rollup? {
        do {
            // Governance reads each year on its own: last year's totals are not needed here.
            let rollup = try await rollups.rollup(subject, year: year, previousYear: false)
            // An inventory that holds nothing of the subject is no figure of it (not a zero).
            return rollup.inventories.isEmpty || rollup.byMonth.isEmpty ? nil : rollup
        } catch StoreError.conflict {
            return nil
        }
    }

    static func figures(_ rollup: Rollup) -> YearFigures {
        var months: [Int: MeasuredFigures] = [:]
        for (month, figures) in rollup.byMonth {
            let key = month ?? 12
            months[key] = (months[key] ?? MeasuredFigures(IndicatorFigures())) + MeasuredFigures(figures)
        }
        let green = rollup.byCategory.first { $0.category == ActivityCategory.greenPower.rawValue }?.figures
        return YearFigures(
            months: months, year: MeasuredFigures(rollup.totals, greenPower: green ?? IndicatorFigures()))
    }

    /// The years a target's judgement reads: ten before its first (for a base year, a path start,
    /// last year's profile, a peak's earlier years) to its last, stopping at `latest`.
    public func figures(for stored: StoredTarget, through latest: Int) async throws -> [Int: YearFigures] {
        let target = stored.target
        let first = min(target.pathStartYear, target.firstYear - 1) - (target.kind.code == "peak" ? 9 : 0)
        let last = min(target.lastYear, latest)
        guard first <= last else { return [:] }
        return try await years(
            of: stored.subject.rollupSubject, max(first, last - 15)...last, coal: target.indicator == .coalTotal)
    }
}

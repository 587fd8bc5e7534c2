import Accounting
import FastStructures
import Foundation
import Persistence

/// The checks an import makes of its own rows beyond the template's rules, the same for a file
/// read whole or streamed: no period in the future, no row twice in the file, and — once every
/// row is read — a warning for a month more than ten times the unit's own median for the item.
/// A record's identity — its unit, period, item and category — is numbered by `RecordNumbering`.
struct FileChecks: Sendable {
    let clock: ImportClock
    private var firstRow = IntegerTable()
    /// Accepted monthly quantities of the file, per unit and item (`StoredHistory.key`): each row's
    /// quantity as written and in base units (rows may use different units of measure).
    private var monthly: [Int64: [(row: Int32, quantity: Double, base: Double)]] = [:]

    /// A monthly quantity more than this many times the unit's own median for the item is a warning.
    static let implausibleFactor = 10.0

    init(today: Date) { clock = ImportClock(today: today) }

    /// The row's problems: a future period, a record the file already had.
    mutating func check(key: Int64, period: Period, row: Int32, issue: (String, Problem) -> InputIssue)
        -> [InputIssue]
    {
        let future = clock.isFuture(period)
        let first = firstRow.insertIfAbsent(key, row)
        guard future || first != nil else { return [] }
        var errors: [InputIssue] = []
        if future { errors.append(issue("period", .futurePeriod(period.description))) }
        if let first { errors.append(issue("unit", .duplicateRow(firstRow: Int(first)))) }
        return errors
    }

    /// Keeps an accepted monthly quantity for the plausibility warnings.
    mutating func accept(monthlyKey: Int64, row: Int32, quantity: Double, base: Double) {
        monthly[monthlyKey, default: []].append((row, quantity, base))
    }

    /// The warnings, once every row is checked: the median is over the stored months and the file's
    /// (but for `excluded` rows, refused after they were accepted here), compared in base units and
    /// reported in the row's own unit.
    func warnings(
        storedMonthly: (Int64) -> [Double], excluded: Set<Int32> = [], issue: (Int?, Problem) -> InputIssue
    ) -> [InputIssue] {
        var warnings: [InputIssue] = []
        for (key, all) in monthly {
            let rows = excluded.isEmpty ? all : all.filter { !excluded.contains($0.row) }
            let values = storedMonthly(key) + rows.map(\.base)
            guard values.count >= 3 else { continue }
            let median = Self.median(values)
            guard median > 0 else { continue }
            for row in rows where row.base > Self.implausibleFactor * median {
                let scale = row.quantity == 0 ? 1 : row.base / row.quantity
                warnings.append(issue(Int(row.row), .implausible(value: row.quantity, median: median / scale)))
            }
        }
        return warnings
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// Records' identities as integers for the duplicate check: the unit and the rest (period, item
/// and category) each numbered in the order first seen.
struct RecordNumbering: Sendable {
    private var units: [Int64: Int64] = [:]
    private var parts: [Part: Int64] = [:]

    private struct Part: Hashable, Sendable {
        let year: Int
        let month: Int?
        let item: String
        let category: String
    }

    /// The number of a stored unit.
    mutating func unit(_ id: Int64) -> Int64 {
        if let known = units[id] { return known }
        units[id] = Int64(units.count)
        return Int64(units.count - 1)
    }

    /// The number of a period, item and category.
    mutating func part(year: Int, month: Int?, item: String, category: String) -> Int64 {
        let part = Part(year: year, month: month, item: item, category: category)
        if let known = parts[part] { return known }
        parts[part] = Int64(parts.count)
        return Int64(parts.count - 1)
    }

    /// A record's identity: both numbers in one integer (each stays far below 2³¹).
    static func key(unit: Int64, part: Int64) -> Int64 { unit << 32 | part }

    mutating func key(unitID: Int64, record: ActivityRecord) -> Int64 {
        Self.key(
            unit: unit(unitID),
            part: part(
                year: record.period.year, month: record.period.month, item: record.item.code,
                category: record.category.rawValue))
    }
}

/// The check of a row against the stored data: in append mode a stored record with the same
/// unit, period, item and category is an error; in replace mode it is superseded.
struct StoredCheck: Sendable {
    let mode: ImportReport.Mode
    private(set) var superseded: [Int64] = []

    init(mode: ImportReport.Mode) { self.mode = mode }

    mutating func check(storedID: Int64?, issue: (String, Problem) -> InputIssue) -> [InputIssue] {
        guard let storedID else { return [] }
        if mode == .append { return [issue("period", .alreadyStored(recordID: storedID))] }
        superseded.append(storedID)
        return []
    }
}

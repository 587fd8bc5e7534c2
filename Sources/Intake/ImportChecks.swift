import Accounting
import Foundation
import Persistence

/// The checks an import makes beyond the template's rules, the same for a file read whole or
/// streamed: no period in the future, no row twice in the file, no row already stored (append)
/// or the stored row to supersede (replace), and — once every row is read — a warning for a month
/// more than ten times the unit's own median for the item.
struct ImportChecks {
    let mode: ImportReport.Mode
    let clock: ImportClock
    private(set) var superseded: [Int64] = []
    private var firstRow = ActivityStore.RecordKeyMap<Int32>()
    /// Accepted monthly quantities of the file, per unit and item (`StoredHistory.key`): each row's
    /// quantity as written and in base units (rows may use different units of measure).
    private var monthly: [Int64: [(row: Int32, quantity: Double, base: Double)]] = [:]

    /// A monthly quantity more than this many times the unit's own median for the item is a warning.
    static let implausibleFactor = 10.0

    init(mode: ImportReport.Mode, today: Date) {
        self.mode = mode
        clock = ImportClock(today: today)
    }

    /// The record's problems; none when it may be written.
    mutating func check(
        _ record: ActivityRecord, unitID: Int64, storedID: (ActivityStore.RecordKey) throws -> Int64?,
        issue: (String, Problem) -> InputIssue
    ) rethrows -> [InputIssue] {
        var errors: [InputIssue] = []
        let key = ActivityStore.RecordKey(
            unitID: unitID, year: record.period.year, month: record.period.month, item: record.item.code,
            category: record.category.rawValue)
        if clock.isFuture(record.period) {
            errors.append(issue("period", .futurePeriod(record.period.description)))
        }
        if let first = firstRow[key] {
            errors.append(issue("unit", .duplicateRow(firstRow: Int(first))))
        } else {
            firstRow[key] = Int32(clamping: record.sourceRow ?? 0)
        }
        if let stored = try storedID(key) {
            if mode == .append {
                errors.append(issue("period", .alreadyStored(recordID: stored)))
            } else {
                superseded.append(stored)
            }
        }
        if errors.isEmpty, record.period.month != nil {
            monthly[ActivityStore.StoredHistory.key(unitID: unitID, item: record.item.code), default: []].append(
                (Int32(clamping: record.sourceRow ?? 0), record.quantity.value, record.quantity.baseValue))
        }
        return errors
    }

    /// The warnings, once every row is checked: the median is over the stored months and the file's,
    /// compared in base units and reported in the row's own unit.
    func warnings(storedMonthly: (Int64) -> [Double], issue: (Int?, Problem) -> InputIssue) -> [InputIssue] {
        var warnings: [InputIssue] = []
        for (key, rows) in monthly {
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

import Accounting
import Persistence

/// Which months of a year the units below have reported: a row per child (or the unit itself when
/// it has none), a column per month and one for annual data. A cell counts the reporting units
/// (the leaves of the tree) that have records for that month against those that owe them: monthly
/// reporters owe every month, quarterly ones the last month of each quarter, yearly ones the annual
/// column; a month is owed once it has ended.
struct CoverageGrid: Sendable {
    struct Cell: Sendable {
        let text: String
        /// `complete`, `partial`, `missing`, `none` (nothing owed) or `due` (not yet ended).
        let state: String
        let title: String
    }

    struct Row: Sendable {
        let name: String
        let url: String
        let cells: [Cell]
    }

    let columns: [String]
    let rows: [Row]
    let hasRows: Bool
    let summary: String

    /// The column index of annual data.
    static let annual = 12

    /// - Parameters:
    ///   - subtree: the unit and every unit below it.
    ///   - today: the year and month now, to tell owed months from months not yet ended.
    init(
        unit: ReportingUnit, subtree: [ReportingUnit], periods: [ReportedPeriod], year: Int,
        today: (year: Int, month: Int), months: [String], t: Words, address: (ReportingUnit) -> String
    ) {
        let hasChildren = Set(subtree.compactMap(\.parentID))
        let byID = Dictionary(subtree.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Each leaf's row: the child of `unit` it sits under.
        func rowID(of leaf: ReportingUnit) -> Int64 {
            var current = leaf
            while let parent = current.parentID, parent != unit.id, let next = byID[parent] { current = next }
            return current.id
        }
        var reported = Set<[Int64]>()
        for period in periods where period.records > 0 {
            reported.insert([period.unitId, Int64(period.month ?? 0)])
        }
        let leaves = subtree.filter { !hasChildren.contains($0.id) }
        let rowUnits = leaves.count == 1 && leaves[0].id == unit.id ? [unit] : subtree.filter { $0.parentID == unit.id }
        var owed = [Int64: [Int]](), done = [Int64: [Int]]()
        for leaf in leaves {
            let row = leaf.id == unit.id ? unit.id : rowID(of: leaf)
            for column in 0...Self.annual where Self.owes(leaf.reportingClass, column: column) {
                owed[row, default: Array(repeating: 0, count: Self.annual + 1)][column] += 1
                let month = column == Self.annual ? 0 : column + 1
                if reported.contains([leaf.id, Int64(month)]) {
                    done[row, default: Array(repeating: 0, count: Self.annual + 1)][column] += 1
                }
            }
        }
        func ended(_ column: Int) -> Bool {
            year < today.year || (year == today.year && column < Self.annual && column + 1 < today.month)
        }
        var totalOwed = 0, totalDone = 0
        rows = rowUnits.map { row in
            let cells = (0...Self.annual).map { column -> Cell in
                let due = owed[row.id]?[column] ?? 0
                let have = done[row.id]?[column] ?? 0
                let label = "\(row.name) · \(months[column])"
                guard due > 0 else {
                    return Cell(text: "", state: "none", title: "\(label): \(t[.coverageNone])")
                }
                guard ended(column) else {
                    return Cell(
                        text: have > 0 ? "\(have)/\(due)" : "", state: "due",
                        title: "\(label): \(t[.coverageDue])")
                }
                totalOwed += due
                totalDone += have
                let state = have == due ? "complete" : have == 0 ? "missing" : "partial"
                return Cell(
                    text: "\(have)/\(due)", state: state,
                    title: "\(label): \(have)/\(due) \(t[.coverageReported])")
            }
            return Row(name: row.name, url: address(row), cells: cells)
        }
        columns = months
        hasRows = !rows.isEmpty
        summary = (t[.coverageSummary])
            .replacingOccurrences(of: "{done}", with: String(totalDone))
            .replacingOccurrences(of: "{owed}", with: String(totalOwed))
    }

    static func owes(_ reportingClass: ReportingUnit.ReportingClass, column: Int) -> Bool {
        switch reportingClass {
        case .monthly: column < annual
        case .quarterly: column < annual && (column + 1) % 3 == 0
        case .yearly: column == annual
        }
    }
}

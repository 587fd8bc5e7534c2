import Accounting
import Foundation
import Persistence

/// Imports a sheet of units (the ownership tree): every row checked, parents found among the
/// stored units or the sheet's own rows (in any order), and then all created — or, in replace
/// mode, stored units updated — in one transaction, or nothing. A dry run checks and writes nothing.
public struct UnitImport: SheetImport {
    let database: PeakZeroDatabase
    var kind: Templates.Kind { .units }

    public init(_ database: PeakZeroDatabase) { self.database = database }

    /// Units are the installation's, changed by administrators only: the caller has checked that
    /// the importer may (`FileImport`), and the whole tree is read.
    public func run(
        _ file: IntakeFile, mode: ImportReport.Mode = .append, dryRun: Bool, language: Language,
        createdBy: String? = nil, today: Date
    ) async throws -> ImportReport {
        try await run(
            file,
            ImportOptions(
                mode: mode, dryRun: dryRun, language: language, createdBy: createdBy, today: today,
                scope: .everything))
    }

    typealias Row = (unit: NewUnit, row: TableRow)

    /// The rows whose cells make a valid unit, and the first row of each code.
    struct Rows: Sendable {
        var valid: [Row] = []
        var firstRow: [String: Int] = [:]
    }

    struct Accepted: Sendable {
        /// New units, parents first.
        let creating: [Row]
        /// Stored units changed (replace mode), with their ids.
        let updating: [(id: Int64, row: Row)]
    }

    /// Each row's own cells, and no code twice in the sheet.
    func read(_ file: IntakeFile, _ options: ImportOptions, into report: inout ImportReport) async throws -> Rows? {
        guard let table = table(of: file, into: &report) else { return nil }
        var rows = Rows()
        for row in table.rows {
            var issues: [InputIssue] = row.extraFieldIssue.map { [$0] } ?? []
            let unit = Self.unit(row, &issues)
            issues += UnitStore.validate(unit, row: row.number).map { row.issue($0.column ?? "code", $0.problem) }
            if let first = rows.firstRow[unit.code] {
                issues.append(row.issue("code", .repeatedUnitCode(unit.code, firstRow: first)))
            } else if !unit.code.isEmpty {
                rows.firstRow[unit.code] = row.number
            }
            if issues.isEmpty { rows.valid.append((unit, row)) } else { report.add(issues) }
        }
        return rows
    }

    /// Against the stored tree: an append may not repeat a stored code; a new unit's parent must be
    /// stored or a row of the sheet, with no loop; new units are created parents first.
    func check(_ read: Rows, _ file: IntakeFile, _ options: ImportOptions, into report: inout ImportReport)
        async throws -> Accepted
    {
        let stored = Dictionary(
            try await UnitStore(database).list(scope: options.scope).map { ($0.code, $0) },
            uniquingKeysWith: { first, _ in first })
        var rows: [Row] = []
        for row in read.valid {
            if options.mode == .append, stored[row.unit.code] != nil {
                report.add([row.row.issue("code", .duplicateUnitCode(row.unit.code))])
            } else {
                rows.append(row)
            }
        }
        let creating = rows.filter { stored[$0.unit.code] == nil }
        let updating = rows.filter { stored[$0.unit.code] != nil }
        let validCodes = Set(rows.map(\.unit.code))
        let creatingCodes = Set(creating.map(\.unit.code))
        let ordered = Self.parentsFirst(creating, stored: Set(stored.keys))
        var refused = Set<Int>()
        for row in ordered.unplaced {
            let parent = row.unit.parentCode ?? ""
            refused.insert(row.row.number)
            // A parent on a row with errors of its own: fixing that row is what is needed.
            guard validCodes.contains(parent) || read.firstRow[parent] == nil else { continue }
            let loop = Self.inLoop(row.unit.code, creating)
            report.add([row.row.issue("parent_code", loop ? .parentLoop(row.unit.code) : .unknownUnitCode(parent))])
        }
        for row in updating {
            if let parent = row.unit.parentCode, !parent.isEmpty, stored[parent] == nil,
                !creatingCodes.contains(parent)
            {
                refused.insert(row.row.number)
                if read.firstRow[parent] == nil { report.add([row.row.issue("parent_code", .unknownUnitCode(parent))]) }
            }
        }
        report.rowsValid = rows.count - refused.count
        return Accepted(
            creating: ordered.placed, updating: updating.map { (stored[$0.unit.code]!.id, $0) })
    }

    func superseded(_ accepted: Accepted) -> Int { accepted.updating.count }

    func write(_ accepted: Accepted, provenance: RecordBatch, into report: inout ImportReport) async throws {
        do {
            let done = try await UnitStore(database).importUnits(
                creating: accepted.creating.map { ($0.unit, $0.row.number) },
                updating: accepted.updating.map { ($0.id, $0.row.unit, $0.row.row.number) },
                provenance: provenance)
            report.rowsWritten = done.created + done.updated
            report.rowsSuperseded = done.updated
        } catch StoreError.invalid(let issues) {
            // What only the database can tell, e.g. a stored unit moved under its own descendant.
            let rows = accepted.creating + accepted.updating.map(\.row)
            report.add(
                issues.map { issue in
                    guard let row = rows.first(where: { $0.row.number == issue.row })?.row else {
                        return InputIssue(
                            file: report.file, sheet: report.sheet, row: issue.row, problem: issue.problem)
                    }
                    return row.issue(issue.column ?? "code", issue.problem)
                })
        }
    }

    /// A row's cells as a unit; a share that is not a number is a problem of its cell.
    static func unit(_ row: TableRow, _ issues: inout [InputIssue]) -> NewUnit {
        var unit = NewUnit(
            code: row.text("code"), name: row.text("name"), level: UnitVocabulary.level(row.text("level")),
            regionCode: row.text("region_code"))
        let parent = row.text("parent_code")
        unit.parentCode = parent.isEmpty ? nil : parent
        let industry = row.text("industry_code")
        unit.industryCode = industry.isEmpty ? nil : industry
        let reporting = row.text("reporting_class")
        unit.reportingClass = reporting.isEmpty ? nil : UnitVocabulary.reportingClass(reporting)
        let share = row.text("ownership_share")
        if share.hasSuffix("%") || share.hasSuffix("％") {
            if let percent = TableRow.number(String(share.dropLast())) {
                unit.ownershipShare = percent / 100
            } else {
                issues.append(row.issue("ownership_share", .notANumber(share)))
            }
        } else {
            unit.ownershipShare = row.optionalNumber("ownership_share", &issues)
        }
        return unit
    }

    /// The new units ordered so that each comes after its parent; those that cannot be placed (an
    /// unknown parent, or a loop among the sheet's rows) are returned apart.
    static func parentsFirst(_ rows: [Row], stored: Set<String>) -> (placed: [Row], unplaced: [Row]) {
        var placedCodes = stored
        var placed: [Row] = []
        var waiting = rows
        while true {
            let ready = waiting.filter { row in
                guard let parent = row.unit.parentCode, !parent.isEmpty else { return true }
                return placedCodes.contains(parent)
            }
            if ready.isEmpty { break }
            placed += ready
            placedCodes.formUnion(ready.map(\.unit.code))
            let readyRows = Set(ready.map(\.row.number))
            waiting.removeAll { readyRows.contains($0.row.number) }
        }
        return (placed, waiting)
    }

    /// Whether following parents from this new unit among the new units comes back to it.
    static func inLoop(_ code: String, _ rows: [Row]) -> Bool {
        let parentOf = Dictionary(
            rows.map { ($0.unit.code, $0.unit.parentCode ?? "") }, uniquingKeysWith: { first, _ in first })
        var seen: Set<String> = []
        var current = parentOf[code] ?? ""
        while !current.isEmpty, seen.insert(current).inserted {
            if current == code { return true }
            current = parentOf[current] ?? ""
        }
        return false
    }
}

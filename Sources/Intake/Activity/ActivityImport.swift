import Accounting
import Foundation
import Persistence

/// Imports a file of activity data into stored units: every row checked with the template's rules
/// and against the stored data, a report of every error and warning, and then all rows written in
/// one transaction, or none. A dry run checks and writes nothing. A file read whole takes the
/// stages of `SheetImport`; a file by its path streams where the engine allows
/// (`ActivityImport+Streaming`).
public struct ActivityImport: SheetImport {
    let database: PeakZeroDatabase
    let template = ActivityTemplate()
    var kind: Templates.Kind { .activity }

    public init(_ database: PeakZeroDatabase) { self.database = database }

    public func run(
        _ file: IntakeFile, mode: ImportReport.Mode = .append, dryRun: Bool, language: Language,
        createdBy: String? = nil, today: Date, scope: AccessScope
    ) async throws -> ImportReport {
        try await run(
            file,
            ImportOptions(
                mode: mode, dryRun: dryRun, language: language, createdBy: createdBy, today: today, scope: scope))
    }

    /// The rows the template accepts, and the stored units in scope by code.
    struct Rows: Sendable {
        let parsed: ActivityTemplate.Parsed
        let units: [String: ReportingUnit]
    }

    struct Accepted: Sendable {
        let records: [ActivityRecord]
        let superseded: [Int64]
    }

    func read(_ file: IntakeFile, _ options: ImportOptions, into report: inout ImportReport) async throws -> Rows? {
        let units = Dictionary(
            // Units outside the scope are not looked up at all: their rows read as unknown units.
            try await UnitStore(database).list(scope: options.scope).map { ($0.code, $0) },
            uniquingKeysWith: { first, _ in first })
        let parsed: ActivityTemplate.Parsed
        do {
            parsed = try template.parseForImport(
                rows: file.rows, file: file.name, sheet: file.sheet, language: options.language,
                unitRegion: { units[$0]?.regionCode })
        } catch {
            report.add(error.issues)
            return nil
        }
        report.rowsRead = parsed.records.count + Set(parsed.issues.compactMap(\.row)).count
        report.add(parsed.issues.map { located($0, parsed, file) })
        return Rows(parsed: parsed, units: units)
    }

    func check(_ rows: Rows, _ file: IntakeFile, _ options: ImportOptions, into report: inout ImportReport)
        async throws -> Accepted
    {
        let checked = try await checkAgainstStored(
            rows.parsed, units: rows.units, file: file, mode: options.mode, today: options.today)
        report.add(checked.problems)
        report.rowsValid = checked.accepted.count
        report.warnings += checked.warnings
        return Accepted(records: checked.accepted, superseded: checked.superseded)
    }

    func superseded(_ accepted: Accepted) -> Int { accepted.superseded.count }

    func write(_ accepted: Accepted, provenance: RecordBatch, into report: inout ImportReport) async throws {
        let store = ActivityStore(database)
        let batch = try await store.batch(of: accepted.records)
        report.rowsWritten = try await store.write(batch, provenance: provenance, superseding: accepted.superseded)
            .count
    }

    /// The rows the template accepts, checked against each other (duplicates, a month far from its
    /// others), the calendar, locked periods and the stored records (which an append refuses and a
    /// replacement supersedes).
    func checkAgainstStored(
        _ parsed: ActivityTemplate.Parsed, units: [String: ReportingUnit], file: IntakeFile, mode: ImportReport.Mode,
        today: Date
    ) async throws -> (
        accepted: [ActivityRecord], superseded: [Int64], problems: [InputIssue], warnings: [InputIssue]
    ) {
        let store = ActivityStore(database)
        let history = try await store.history(unitIDs: Set(parsed.records.compactMap { units[$0.unitCode]?.id }))
        var checks = FileChecks(today: today)
        var numbering = RecordNumbering()
        var stored = StoredCheck(mode: mode)
        let locked = try await LockedPeriods.of(
            units: Set(parsed.records.compactMap { units[$0.unitCode]?.id }), in: database)
        var accepted: [ActivityRecord] = []
        var found: [InputIssue] = []
        for record in parsed.records {
            guard let unit = units[record.unitCode] else { continue }
            let issue = { (field: String, problem: Problem) in
                located(InputIssue(row: record.sourceRow, column: field, problem: problem), parsed, file)
            }
            let key = ActivityStore.RecordKey(
                unitID: unit.id, year: record.period.year, month: record.period.month, item: record.item.code,
                category: record.category.rawValue)
            let row = Int32(clamping: record.sourceRow ?? 0)
            var problems = checks.check(
                key: numbering.key(unitID: unit.id, record: record), period: record.period, row: row, issue: issue)
            problems += stored.check(storedID: history.ids[key], issue: issue)
            // A submitted or approved period: named on its row, in the dry run too.
            if let problem = locked.problem(unitID: unit.id, year: record.period.year, month: record.period.month) {
                problems.append(issue("period", problem))
            }
            guard problems.isEmpty else {
                found += problems
                continue
            }
            accepted.append(record)
            if record.period.month != nil {
                checks.accept(
                    monthlyKey: ActivityStore.StoredHistory.key(unitID: unit.id, item: record.item.code), row: row,
                    quantity: record.quantity.value, base: record.quantity.baseValue)
            }
        }
        let warnings = checks.warnings(storedMonthly: { history.monthly[$0] ?? [] }) { row, problem in
            located(InputIssue(row: row, column: "quantity", problem: problem), parsed, file)
        }
        return (accepted, stored.superseded, found, warnings)
    }

    private func located(_ issue: InputIssue, _ parsed: ActivityTemplate.Parsed, _ file: IntakeFile) -> InputIssue {
        var located = parsed.located(issue, file: file.name)
        located.sheet = located.sheet ?? file.sheet
        return located
    }
}

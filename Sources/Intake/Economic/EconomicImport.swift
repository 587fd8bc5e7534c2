import Accounting
import Foundation
import Persistence

/// Imports a sheet of economic data (output value, value added, revenue in 万元, price index):
/// every row checked with the API's rules, against the file's other rows and the stored data, and
/// then all written in one transaction, or none. A dry run checks and writes nothing.
public struct EconomicImport: SheetImport {
    let database: PeakZeroDatabase
    var kind: Templates.Kind { .economic }

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

    /// The records whose cells read, each with its row.
    struct Rows: Sendable {
        var records: [NewEconomicRecord] = []
        var sources: [TableRow] = []
    }

    struct Accepted: Sendable {
        let records: [CheckedEconomicRecord]
        let superseded: [Int64]
    }

    /// Each row's own cells.
    func read(_ file: IntakeFile, _ options: ImportOptions, into report: inout ImportReport) async throws -> Rows? {
        readRows(file, into: &report, Self.record).map { Rows(records: $0.values, sources: $0.sources) }
    }

    /// The store's rules (unit known and in scope, period, amounts, index), then the file against
    /// itself, the calendar and what is stored.
    func check(_ rows: Rows, _ file: IntakeFile, _ options: ImportOptions, into report: inout ImportReport)
        async throws -> Accepted
    {
        var (records, sources) = (rows.records, rows.sources)
        // A unit outside the scope reads as one that does not exist.
        let outside = try await options.scope.outside(codes: records.map(\.unitCode), in: database)
        if !outside.isEmpty {
            let kept = zip(records, sources).filter { !outside.contains($0.0.unitCode) }
            for (record, row) in zip(records, sources) where outside.contains(record.unitCode) {
                report.add([row.issue("unit", .unknownUnitCode(record.unitCode))])
            }
            records = kept.map(\.0)
            sources = kept.map(\.1)
        }
        let store = EconomicStore(database)
        let checked = try await store.check(records)
        report.add(
            checked.issues.map { issue in
                let row = sources[(issue.row ?? 1) - 1]
                return row.issue(issue.column ?? "unit", issue.problem)
            })
        let (accepted, superseded, problems) = try await checkAgainstStored(
            checked.valid, sources: sources, mode: options.mode, today: options.today, store: store)
        report.add(problems)
        report.rowsValid = accepted.count
        return Accepted(records: accepted, superseded: superseded)
    }

    func superseded(_ accepted: Accepted) -> Int { accepted.superseded.count }

    func write(_ accepted: Accepted, provenance: RecordBatch, into report: inout ImportReport) async throws {
        report.rowsWritten = try await EconomicStore(database).write(
            accepted.records, provenance: provenance, superseding: accepted.superseded
        ).count
    }

    /// The rows the store's rules accept, checked against each other (one row per unit and
    /// period), the calendar (no period not yet begun), locked periods and the stored records (which
    /// an append refuses and a replacement supersedes).
    func checkAgainstStored(
        _ valid: [CheckedEconomicRecord], sources: [TableRow], mode: ImportReport.Mode, today: Date,
        store: EconomicStore
    ) async throws -> (accepted: [CheckedEconomicRecord], superseded: [Int64], problems: [InputIssue]) {
        let stored = try await store.storedIDs(unitIDs: Set(valid.map(\.unitID)))
        let clock = ImportClock(today: today)
        var firstRow: [EconomicKey: Int] = [:]
        var superseded: [Int64] = []
        var found: [InputIssue] = []
        let locked = try await LockedPeriods.of(units: Set(valid.map(\.unitID)), in: database)
        var accepted: [CheckedEconomicRecord] = []
        for record in valid {
            let row = sources[record.position - 1]
            var problems: [InputIssue] = []
            if let problem = locked.problem(unitID: record.unitID, year: record.period.year, month: record.period.month)
            {
                problems.append(row.issue("period", problem))
            }
            let key = EconomicKey(unitID: record.unitID, year: record.period.year, month: record.period.month)
            if clock.isFuture(record.period) {
                problems.append(row.issue("period", .futurePeriod(record.period.description)))
            }
            if let first = firstRow[key] {
                problems.append(row.issue("unit", .duplicateUnitPeriod(firstRow: first)))
            } else {
                firstRow[key] = row.number
            }
            if let id = stored[key] {
                if mode == .append {
                    problems.append(row.issue("period", .economicAlreadyStored(recordID: id)))
                } else {
                    superseded.append(id)
                }
            }
            if problems.isEmpty { accepted.append(record) } else { found += problems }
        }
        return (accepted, superseded, found)
    }

    /// A row's cells as a record; problems of a cell that is not a number or a year.
    static func record(_ row: TableRow, _ issues: inout [InputIssue]) -> NewEconomicRecord {
        var record = NewEconomicRecord(unitCode: row.text("unit"), period: row.text("period"))
        record.outputValue = row.optionalNumber("output_value", &issues)
        record.valueAdded = row.optionalNumber("value_added", &issues)
        record.revenue = row.optionalNumber("revenue", &issues)
        record.priceIndex = row.optionalNumber("price_index", &issues)
        let base = row.text("base_year")
        if !base.isEmpty {
            if let year = Int(base.hasSuffix(".0") ? String(base.dropLast(2)) : base) {
                record.baseYear = year
            } else {
                issues.append(row.issue("base_year", .badYear(base)))
            }
        }
        for field in ["unit", "period"] where row.text(field).isEmpty {
            issues.append(row.issue(field, .missingValue))
        }
        return record
    }
}

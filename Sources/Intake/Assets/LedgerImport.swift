import Accounting
import Assets
import Foundation
import Persistence

/// Imports a sheet of carbon-asset entries: each row's cells read, its unit (and a transfer's
/// receiving unit) found within the importer's scope, then every entry booked in the file's order
/// in one transaction — each checked against the balances as the rows before it left them, exactly
/// as the ledger checks one entry — and kept only when all pass. The ledger only adds: replace mode
/// is refused.
public struct LedgerImport: SheetImport {
    let database: PeakZeroDatabase
    var kind: Templates.Kind { .ledger }

    public init(_ database: PeakZeroDatabase) { self.database = database }

    /// The most data rows one file may hold: every row is booked twice in one write transaction (the
    /// check, then the write), about 0.6 ms a row on SQLite (docs/benchmarks.md), so a larger file
    /// would hold other writers back for longer than a person waits.
    static let maxRows = 20_000

    struct Line: Sendable {
        let unitCode: String
        let toUnitCode: String?
        let entry: NewAssetEvent
    }

    struct Rows: Sendable {
        var lines: [Line] = []
        var sources: [TableRow] = []
    }

    struct Accepted: Sendable {
        let entries: [(unitID: Int64, entry: NewAssetEvent)]
    }

    func read(_ file: IntakeFile, _ options: ImportOptions, into report: inout ImportReport) async throws -> Rows? {
        guard options.mode == .append else {
            report.add([InputIssue(file: file.name, sheet: file.sheet, problem: .appendOnly)])
            return nil
        }
        guard !refusesTooManyRows(file, limit: Self.maxRows, into: &report) else { return nil }
        return readRows(file, into: &report, Self.line).map { Rows(lines: $0.values, sources: $0.sources) }
    }

    func check(_ rows: Rows, _ file: IntakeFile, _ options: ImportOptions, into report: inout ImportReport)
        async throws -> Accepted
    {
        let codes = rows.lines.flatMap { [$0.unitCode] + ($0.toUnitCode.map { [$0] } ?? []) }
        let unitIDs = try await options.scope.unitIDs(codes: codes, in: database)
        var entries: [(unitID: Int64, entry: NewAssetEvent)] = []
        var sources: [TableRow] = []
        for (line, row) in zip(rows.lines, rows.sources) {
            var problems: [InputIssue] = []
            let unitID = unitIDs[line.unitCode]
            if unitID == nil { problems.append(row.issue("unit", .unknownUnitCode(line.unitCode))) }
            var entry = line.entry
            if let to = line.toUnitCode {
                if let id = unitIDs[to] { entry.toUnitId = id } else { problems.append(row.issue("to_unit", .unknownUnitCode(to))) }
            }
            if let unitID, problems.isEmpty {
                entries.append((unitID, entry))
                sources.append(row)
            } else {
                report.add(problems)
            }
        }
        // Entries depend on the rows before them: a file with any bad cell is not booked at all.
        guard report.succeeded else { return Accepted(entries: []) }
        let refused = try await AssetLedgerStore(database).appendAll(entries, keep: false, provenance: nil)
        for (position, problems) in refused.sorted(by: { $0.key < $1.key }) {
            report.add(problems.problems.map { Self.issue($0, at: sources[position], options.language) })
        }
        report.rowsValid = entries.count - refused.count
        return Accepted(entries: entries)
    }

    func superseded(_ accepted: Accepted) -> Int { 0 }

    func write(_ accepted: Accepted, provenance: RecordBatch, into report: inout ImportReport) async throws {
        let refused = try await AssetLedgerStore(database).appendAll(
            accepted.entries, keep: true, provenance: provenance)
        // What the check passed a moment ago can fail now only if the ledger changed between.
        if !refused.isEmpty {
            report.add([InputIssue(file: report.file, sheet: report.sheet, problem: .changedWhileImporting)])
            return
        }
        report.rowsWritten = accepted.entries.count
    }

    /// A row's cells as an entry; nil, with the problems, when a cell cannot be read.
    static func line(_ row: TableRow, _ issues: inout [InputIssue]) -> Line? {
        let before = issues.count
        for field in ["unit", "day", "action", "kind", "vintage", "quantity"] where row.text(field).isEmpty {
            issues.append(row.issue(field, .missingValue))
        }
        func whole(_ field: String) -> Int64? {
            guard let value = row.optionalNumber(field, &issues) else { return nil }
            guard value.rounded() == value, abs(value) < 1e15 else {
                issues.append(row.issue(field, .notWholeNumber(row.text(field))))
                return nil
            }
            return Int64(value)
        }
        let vintage = whole("vintage"), month = whole("month"), quantity = whole("quantity")
        let complianceYear = whole("compliance_year")
        let price = row.optionalNumber("price", &issues)
        let late = CodeOrName.yes(row.text("late"))
        if late == nil { issues.append(row.issue("late", .notOneOf(row.text("late"), allowed: ["是", "否", "yes", "no"]))) }
        guard issues.count == before else { return nil }
        let actionText = row.text("action")
        let action =
            ["transfer", "划转"].contains(actionText.lowercased())
            ? "transfer" : CodeOrName.code(actionText) { (action: LedgerAction, language) in action.name(in: language) }
        let optional = { (field: String) -> String? in row.text(field).isEmpty ? nil : row.text(field) }
        return Line(
            unitCode: row.text("unit"), toUnitCode: optional("to_unit"),
            entry: NewAssetEvent(
                // 2024/6/30 as some sheets write it; a date cell reads as 2024-06-30 already.
                day: row.text("day").replacingOccurrences(of: "/", with: "-"), action: action,
                kind: CodeOrName.code(row.text("kind")) { (kind: InstrumentKind, language) in kind.name(in: language) },
                vintage: vintage.map { Int($0) }, month: month.map { Int($0) }, reference: optional("reference"),
                methodology: optional("methodology"), quantity: quantity, price: price,
                counterparty: optional("counterparty"), complianceYear: complianceYear.map { Int($0) },
                retiredFor: optional("retired_for"), late: late))
    }

    /// A ledger problem at the cell it is about.
    static func issue(_ problem: LedgerProblem, at row: TableRow, _ language: Language) -> InputIssue {
        let field: String =
            switch problem.field {
            case "to", "to_unit_id": "to_unit"
            case "lot": "kind"
            case "account": "unit"
            default: problem.field
            }
        return row.issue(
            field, .stated(zh: problem.reason(.zh), en: problem.reason(.en)), kind: .ledger, language: language)
    }
}

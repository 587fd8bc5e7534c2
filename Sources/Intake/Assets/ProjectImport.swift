import Accounting
import Assets
import Foundation
import Persistence

/// Imports a sheet of reduction projects: one row per item a project saves, the rows of one unit's
/// project code gathered into one project (its own cells from the rows that fill them, which must
/// agree). Each project is then checked as the project form checks it — fields, savings computable
/// from the factor library, interactions, stage — and all are saved in one transaction, or none.
public struct ProjectImport: SheetImport {
    let database: PeakZeroDatabase
    var kind: Templates.Kind { .projects }

    public init(_ database: PeakZeroDatabase) { self.database = database }

    /// The most data rows one file may hold: every project is saved twice in one write transaction
    /// (the check, then the write), so a larger file would hold other writers back for longer than
    /// a person waits; the ledger's limit, for the same reason.
    static let maxRows = 20_000

    /// The cells that belong to the project rather than to one saved item.
    static let projectFields = [
        "name", "type", "stage", "first_year", "lifetime_years", "capex", "yearly_opex", "yearly_benefit",
        "interacts_with", "measure_id",
    ]

    /// One project as its rows give it.
    struct Gathered: Sendable {
        let unitCode: String
        let code: String
        var rows: [TableRow] = []
        /// Each project cell's text and the row it was first given on.
        var cells: [String: (text: String, row: TableRow)] = [:]
    }

    struct Rows: Sendable {
        var projects: [Gathered] = []
    }

    struct Accepted: Sendable {
        let projects: [(unitID: Int64, draft: ProjectDraft)]
        let superseded: Int
        let library: FactorLibrary
        /// The file's rows the projects were read from.
        let rows: Int
    }

    func read(_ file: IntakeFile, _ options: ImportOptions, into report: inout ImportReport) async throws -> Rows? {
        guard !refusesTooManyRows(file, limit: Self.maxRows, into: &report), let table = table(of: file, into: &report)
        else { return nil }
        var order: [String] = []
        var gathered: [String: Gathered] = [:]
        for row in table.rows {
            var issues: [InputIssue] = row.extraFieldIssue.map { [$0] } ?? []
            for field in ["unit", "code", "item", "quantity", "uom"] where row.text(field).isEmpty {
                issues.append(row.issue(field, .missingValue))
            }
            _ = row.optionalNumber("quantity", &issues)
            for field in ["capex", "yearly_opex", "yearly_benefit", "lifetime_years", "measure_id"] {
                _ = row.optionalNumber(field, &issues)
            }
            if !row.text("first_year").isEmpty { _ = row.year("first_year", &issues) }
            let key = row.text("unit") + "\u{1}" + row.text("code")
            if gathered[key] == nil {
                order.append(key)
                gathered[key] = Gathered(unitCode: row.text("unit"), code: row.text("code"))
            }
            for field in Self.projectFields where !row.text(field).isEmpty {
                let text = row.text(field)
                if let first = gathered[key]!.cells[field] {
                    if !Self.same(first.text, text) {
                        issues.append(row.issue(field, .differsFromRow(firstRow: first.row.number, given: first.text)))
                    }
                } else {
                    gathered[key]!.cells[field] = (text, row)
                }
            }
            gathered[key]!.rows.append(row)
            report.add(issues)
        }
        return Rows(projects: order.map { gathered[$0]! })
    }

    func check(_ rows: Rows, _ file: IntakeFile, _ options: ImportOptions, into report: inout ImportReport)
        async throws -> Accepted
    {
        let library = try await FactorSetStore(database).library()
        let unitIDs = try await options.scope.unitIDs(codes: rows.projects.map(\.unitCode), in: database)
        let stored = try await ProjectStore(database).storedIDs(unitIDs: Set(unitIDs.values))
        var candidates: [(unitID: Int64, draft: ProjectDraft, gathered: Gathered)] = []
        var superseded = 0
        // A file with problems in its cells is not checked further: its projects would be incomplete.
        let cellsClean = report.succeeded
        for project in rows.projects {
            guard let unitID = unitIDs[project.unitCode] else {
                report.add(project.rows.map { $0.issue("unit", .unknownUnitCode(project.unitCode)) })
                continue
            }
            if let id = stored[unitID]?[project.code] {
                if options.mode == .append {
                    report.add([project.rows[0].issue("code", .alreadyStored(recordID: id))])
                    continue
                }
                superseded += 1
            }
            candidates.append((unitID, Self.draft(project), project))
        }
        guard cellsClean else {
            return Accepted(projects: [], superseded: 0, library: library, rows: 0)
        }
        let refused = try await ProjectStore(database).saveAll(
            candidates.map { ($0.unitID, $0.draft) }, library: library, keep: false, provenance: nil)
        for (position, problems) in refused {
            report.add(problems.problems.map { Self.issue($0, in: candidates[position].gathered, options.language) })
        }
        report.rowsValid = candidates.indices.filter { refused[$0] == nil }.reduce(0) { $0 + candidates[$1].gathered.rows.count }
        return Accepted(
            projects: candidates.map { ($0.unitID, $0.draft) }, superseded: superseded, library: library,
            rows: candidates.reduce(0) { $0 + $1.gathered.rows.count })
    }

    func superseded(_ accepted: Accepted) -> Int { accepted.superseded }

    func write(_ accepted: Accepted, provenance: RecordBatch, into report: inout ImportReport) async throws {
        let refused = try await ProjectStore(database).saveAll(
            accepted.projects, library: accepted.library, keep: true, provenance: provenance)
        // What the check passed a moment ago can fail now only if the stored data changed between.
        if !refused.isEmpty {
            report.add([InputIssue(file: report.file, sheet: report.sheet, problem: .changedWhileImporting)])
            return
        }
        report.rowsWritten = accepted.rows
    }

    /// The project its rows give, as the project form would give it.
    static func draft(_ project: Gathered) -> ProjectDraft {
        func cell(_ field: String) -> String? { project.cells[field]?.text }
        func number(_ field: String) -> Double? { cell(field).flatMap(TableRow.number) }
        func whole(_ field: String) -> Int? {
            number(field).flatMap { $0.rounded() == $0 && abs($0) < 1e9 ? Int($0) : nil }
        }
        return ProjectDraft(
            code: project.code, name: cell("name"),
            type: cell("type").map { CodeOrName.code($0) { (type: ProjectType, language) in type.name(in: language) } },
            stage: cell("stage").map { CodeOrName.code($0) { (stage: ProjectStage, language) in stage.name(in: language) } },
            firstYear: whole("first_year"), lifetimeYears: whole("lifetime_years"), capex: number("capex"),
            yearlyOpex: number("yearly_opex"), yearlyBenefit: number("yearly_benefit"),
            savings: project.rows.map {
                .init(item: $0.text("item"), quantity: TableRow.number($0.text("quantity")), unit: $0.text("uom"))
            },
            interactsWith: cell("interacts_with").map {
                $0.split(whereSeparator: { ",，;；、".contains($0) }).map { String($0).trimmed }
            },
            measureId: whole("measure_id").map(Int64.init))
    }

    /// A project's problem at the cell it is about: a saved item's field at that item's row, a
    /// project field at the row that gave it (else the project's first row).
    static func issue(_ problem: ProjectProblem, in project: Gathered, _ language: Language) -> InputIssue {
        let stated = Problem.stated(zh: problem.reason(.zh), en: problem.reason(.en))
        var field = problem.field
        var row = project.rows[0]
        if field.hasPrefix("savings["), let close = field.firstIndex(of: "]"),
            let position = Int(field[field.index(field.startIndex, offsetBy: 8)..<close]),
            project.rows.indices.contains(position - 1)
        {
            row = project.rows[position - 1]
            let rest = field[field.index(after: close)...].drop { $0 == "." }
            field = rest.isEmpty ? "item" : (rest == "unit" ? "uom" : String(rest))
        } else {
            if let bracket = field.firstIndex(of: "[") { field = String(field[..<bracket]) }
            if field == "savings" { field = "item" }
            row = project.cells[field]?.row ?? row
        }
        return row.issue(field, stated, kind: .projects, language: language)
    }

    /// Whether a later row repeats a project cell: the same text, or the same number.
    static func same(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        if let x = TableRow.number(a), let y = TableRow.number(b) { return x == y }
        return false
    }
}

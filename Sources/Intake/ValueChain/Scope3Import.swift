import Accounting
import Footprint
import Foundation
import Persistence

/// Imports a sheet of Scope 3 rows: each row's cells read, its unit found within the importer's
/// scope, its factor resolved (a `value_chain` factor of the factor sets, or a product footprint
/// PeakZero computed) and its emissions calculated by its method; all kept in one transaction, or
/// none. In replace mode a file supersedes the stored rows of each unit and year it names.
public struct Scope3Import: SheetImport {
    let database: PeakZeroDatabase
    var kind: Templates.Kind { .scope3 }

    public init(_ database: PeakZeroDatabase) { self.database = database }

    /// The most data rows one file may hold: a value chain is listed by supplier, product or trip
    /// group, not by invoice, so even a large company's sheet is a few thousand rows.
    static let maxRows = 50_000

    struct Line: Sendable {
        let unitCode: String
        let year: Int
        let activity: Scope3Activity
    }

    struct Rows: Sendable {
        var lines: [Line] = []
        var sources: [TableRow] = []
    }

    struct Accepted: Sendable {
        let records: [NewScope3Record]
        let superseded: [Int64]
    }

    func read(_ file: IntakeFile, _ options: ImportOptions, into report: inout ImportReport) async throws -> Rows? {
        guard !refusesTooManyRows(file, limit: Self.maxRows, into: &report) else { return nil }
        return readRows(file, into: &report, Self.line).map { Rows(lines: $0.values, sources: $0.sources) }
    }

    func check(_ rows: Rows, _ file: IntakeFile, _ options: ImportOptions, into report: inout ImportReport)
        async throws -> Accepted
    {
        let unitIDs = try await options.scope.unitIDs(codes: rows.lines.map(\.unitCode), in: database)
        let factors = try await Scope3Factors(database, scope: options.scope)
        var records: [NewScope3Record] = []
        for (line, row) in zip(rows.lines, rows.sources) {
            var problems: [InputIssue] = []
            let unitID = unitIDs[line.unitCode]
            if unitID == nil { problems.append(row.issue("unit", .unknownUnitCode(line.unitCode))) }
            let factor: Scope3Factor?
            switch await factors.factor(for: line.activity) {
            case .success(let found): factor = found
            case .failure(let problem):
                factor = nil
                problems.append(Self.issue(problem, at: row, options.language))
            }
            if problems.isEmpty {
                switch Scope3Calculation.line(line.activity, factor: factor) {
                case .success(let calculated):
                    records.append(
                        NewScope3Record(unitID: unitID!, year: line.year, activity: line.activity, line: calculated))
                case .failure(let failure):
                    problems += failure.problems.map { Self.issue($0, at: row, options.language) }
                }
            }
            report.add(problems)
        }
        report.rowsValid = records.count
        let superseded =
            options.mode == .replace
            ? try await Scope3Store(database).storedIDs(
                unitYears: Set(records.map { UnitYear(unitID: $0.unitID, year: $0.year) })) : []
        return Accepted(records: records, superseded: superseded)
    }

    func superseded(_ accepted: Accepted) -> Int { accepted.superseded.count }

    func write(_ accepted: Accepted, provenance: RecordBatch, into report: inout ImportReport) async throws {
        try await Scope3Store(database).write(accepted.records, provenance: provenance, superseding: accepted.superseded)
        report.rowsWritten = accepted.records.count
    }

    /// A row's cells as a Scope 3 activity; nil, with the problems, when a cell cannot be read.
    static func line(_ row: TableRow, _ issues: inout [InputIssue]) -> Line? {
        let before = issues.count
        if row.text("unit").isEmpty { issues.append(row.issue("unit", .missingValue)) }
        let year = row.year("year", &issues)
        let categoryText = row.text("category")
        let category = Scope3Category(parsing: categoryText)
        if categoryText.isEmpty {
            issues.append(row.issue("category", .missingValue))
        } else if category == nil {
            issues.append(
                row.issue("category", .notOneOf(categoryText, allowed: Scope3Category.allCases.map { String($0.rawValue) })))
        }
        let methodText = row.text("method")
        let method = methodText.isEmpty ? nil : Scope3Method(parsing: methodText)
        if !methodText.isEmpty, method == nil {
            issues.append(row.issue("method", .notOneOf(methodText, allowed: Scope3Method.allCases.map(\.rawValue))))
        }
        let tierText = row.text("tier")
        let tier = TableRow.number(tierText).flatMap { $0.rounded() == $0 ? DataQualityTier(rawValue: Int($0)) : nil }
        if !tierText.isEmpty, tier == nil {
            issues.append(row.issue("tier", .notOneOf(tierText, allowed: ["1", "2", "3", "4"])))
        }
        let priceYearText = row.text("price_year")
        let priceYear = priceYearText.isEmpty ? nil : row.year("price_year", &issues)
        let modelText = row.text("footprint_model")
        let modelID = Int64(modelText)
        if !modelText.isEmpty, modelID == nil { issues.append(row.issue("footprint_model", .notWholeNumber(modelText))) }
        var numbers: [String: Double] = [:]
        for field in ["quantity", "mass", "distance", "spend", "exchange_rate", "price_index", "supplier_emissions"] {
            numbers[field] = row.optionalNumber(field, &issues)
        }
        guard issues.count == before, let year, let category else { return nil }
        func optional(_ field: String) -> String? { row.text(field).isEmpty ? nil : row.text(field) }
        var activity = Scope3Activity(category: category)
        activity.method = method
        activity.description = optional("description")
        activity.quantity = numbers["quantity"]
        activity.unit = optional("uom")
        activity.massTonnes = numbers["mass"]
        activity.distanceKm = numbers["distance"]
        activity.spend = numbers["spend"]
        activity.currency = optional("currency")
        activity.priceYear = priceYear
        activity.exchangeRate = numbers["exchange_rate"]
        activity.priceIndex = numbers["price_index"]
        activity.supplierTonnes = numbers["supplier_emissions"]
        activity.factorID = optional("factor_id")
        activity.footprintModelID = modelID
        activity.tier = tier
        activity.excludedReason = optional("excluded_reason")
        return Line(unitCode: row.text("unit"), year: year, activity: activity)
    }

    static func issue(_ problem: Scope3Problem, at row: TableRow, _ language: Language) -> InputIssue {
        row.issue(problem.field, .stated(zh: problem.zh, en: problem.en), kind: .scope3, language: language)
    }
}

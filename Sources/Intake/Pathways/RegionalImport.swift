import Accounting
import Foundation
import Pathways
import Persistence

/// Imports a sheet of regional statistics (区域统计数据): each row's cells read and its shape
/// checked, the rows checked against each other, the calendar, the importer's regions and the
/// stored rows (an append refuses a stored figure, a replacement supersedes it), then all written
/// in one transaction with one audit entry, or none.
public struct RegionalImport: SheetImport {
    let database: PeakZeroDatabase
    var kind: Templates.Kind { .regional }

    public init(_ database: PeakZeroDatabase) { self.database = database }

    struct Rows: Sendable {
        var statistics: [RegionalStatistic] = []
        var sources: [TableRow] = []
    }

    struct Accepted: Sendable {
        let statistics: [RegionalStatistic]
        let superseded: [Int64]
    }

    func read(_ file: IntakeFile, _ options: ImportOptions, into report: inout ImportReport) async throws -> Rows? {
        readRows(file, into: &report, Self.statistic).map { Rows(statistics: $0.values, sources: $0.sources) }
    }

    func check(_ rows: Rows, _ file: IntakeFile, _ options: ImportOptions, into report: inout ImportReport)
        async throws -> Accepted
    {
        let stored = try await RegionalStatisticsStore(database).storedIDs(
            regions: Set(rows.statistics.map(\.regionCode)))
        let clock = ImportClock(today: options.today)
        var firstRow: [RegionalKey: Int] = [:]
        var accepted: [RegionalStatistic] = [], superseded: [Int64] = []
        for (statistic, row) in zip(rows.statistics, rows.sources) {
            var problems: [InputIssue] = []
            if !options.scope.covers(RegionPrefix(statistic.regionCode)!) {
                problems.append(row.issue("region", .regionNotGranted(statistic.regionCode)))
            }
            if clock.isFuture(Period(year: statistic.year)!) {
                problems.append(row.issue("year", .futurePeriod("\(statistic.year)")))
            }
            let key = statistic.key
            if let first = firstRow[key] {
                problems.append(row.issue("region", .duplicateRegionalRow(firstRow: first)))
            } else {
                firstRow[key] = row.number
            }
            if let id = stored[key] {
                if options.mode == .append {
                    problems.append(row.issue("year", .statisticAlreadyStored(recordID: id)))
                } else {
                    superseded.append(id)
                }
            }
            if problems.isEmpty { accepted.append(statistic) } else { report.add(problems) }
        }
        report.rowsValid = accepted.count
        return Accepted(statistics: accepted, superseded: superseded)
    }

    func superseded(_ accepted: Accepted) -> Int { accepted.superseded.count }

    func write(_ accepted: Accepted, provenance: RecordBatch, into report: inout ImportReport) async throws {
        report.rowsWritten = try await RegionalStatisticsStore(database).write(
            accepted.statistics, provenance: provenance, superseding: accepted.superseded
        ).count
    }

    /// A row's cells as a statistic; nil, with the problems, when a cell or the row's shape is wrong.
    static func statistic(_ row: TableRow, _ issues: inout [InputIssue]) -> RegionalStatistic? {
        let before = issues.count
        let regionText = row.text("region")
        if regionText.isEmpty { issues.append(row.issue("region", .missingValue)) }
        let region = RegionPrefix(regionText)
        if !regionText.isEmpty, region == nil || regionText.count != 6 {
            issues.append(row.issue("region", .badRegion(regionText)))
        }
        let year = row.year("year", &issues)
        let area = named(row, "area", PlanningArea.init(naming:), PlanningArea.allCases.map(\.rawValue), &issues)
        let carrier = named(row, "carrier", RegionalCarrier.init(naming:), RegionalCarrier.allCases.map(\.rawValue), &issues)
        var figures: [String: Double] = [:]
        for field in ["energy_tce", "value_added", "gdp", "population"] {
            figures[field] = row.nonNegative(field, required: false, &issues)
        }
        guard issues.count == before, let year else { return nil }
        let statistic = RegionalStatistic(
            regionCode: regionText, year: year, area: area, carrier: carrier, energyTce: figures["energy_tce"],
            valueAdded: figures["value_added"], gdp: figures["gdp"], population: figures["population"])
        if statistic.shape == nil {
            issues.append(row.issue("area", .regionalRowShape))
            return nil
        }
        return statistic
    }

    /// An optional cell naming one of a vocabulary; a problem listing the codes when it names none.
    static func named<T>(
        _ row: TableRow, _ field: String, _ parse: (String) -> T?, _ codes: [String], _ issues: inout [InputIssue]
    ) -> T? {
        let text = row.text(field)
        guard !text.isEmpty else { return nil }
        guard let value = parse(text) else {
            issues.append(row.issue(field, .notOneOf(text, allowed: codes)))
            return nil
        }
        return value
    }
}

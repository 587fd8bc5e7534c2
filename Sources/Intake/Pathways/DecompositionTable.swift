import Accounting
import Foundation
import Pathways

/// A history to decompose, from a plain CSV or workbook an analyst keeps without a database: one row
/// per year and sector (and carrier, when the optional carrier column is there) with the sector's
/// activity, energy in tce and CO2 in tonnes. Headers in English or Chinese; every bad cell is
/// reported with its row as the spreadsheet shows it and its column.
public enum DecompositionTable {
    static let required = ["year", "sector", "activity", "energy_tce", "co2_t"]
    static let optional = ["carrier"]
    static let aliases: [String: [String]] = [
        "year": ["年份", "年度"], "sector": ["部门", "行业"], "carrier": ["能源品种", "品种"],
        "activity": ["增加值", "活动水平", "产值"], "energy_tce": ["能源消费量", "能耗"],
        "co2_t": ["二氧化碳排放量", "排放量"],
    ]

    /// The rows of a file's bytes (CSV in UTF-8, or .xlsx), or every problem found.
    public static func read(data: Data, name: String) throws(InputIssues) -> [DecompositionRow] {
        let file = try IntakeFile(data: data, name: name)
        let table = try TableReader(
            rows: file.rows, file: name, sheet: file.sheet, required: required, optional: optional,
            headerAliases: aliases)
        let hasCarrier = table.columns["carrier"] != nil
        var issues: [InputIssue] = []
        var rows: [DecompositionRow] = []
        for row in table.rows {
            var rowIssues: [InputIssue] = []
            let year = row.year("year", &rowIssues)
            let sector = text(row, "sector", &rowIssues)
            let carrier = hasCarrier ? text(row, "carrier", &rowIssues) : nil
            let activity = row.nonNegative("activity", required: true, &rowIssues)
            let energy = row.nonNegative("energy_tce", required: true, &rowIssues)
            let co2 = row.nonNegative("co2_t", required: true, &rowIssues)
            if let extra = row.extraFieldIssue { rowIssues.append(extra) }
            issues += rowIssues
            guard rowIssues.isEmpty, let year, let sector, let activity, let energy, let co2 else { continue }
            rows.append(
                DecompositionRow(
                    year: year, sector: sector, carrier: carrier, activity: activity,
                    energy: StandardCoal(energy, .tonneCoalEquivalent), co2: Emissions(co2, .tonneCO2e)))
        }
        guard issues.isEmpty else { throw InputIssues(issues.sorted(by: InputIssue.spreadsheetOrder)) }
        return rows
    }

    static func text(_ row: TableRow, _ field: String, _ issues: inout [InputIssue]) -> String? {
        let value = row.text(field)
        if value.isEmpty { issues.append(row.issue(field, .missingValue)) }
        return value.isEmpty ? nil : value
    }
}

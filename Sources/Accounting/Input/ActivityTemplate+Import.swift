/// Reading activity rows for an import into stored units: the region column may be left out, each
/// row then takes its unit's region; a unit code that is not stored is the row's error.
extension ActivityTemplate {
    /// A row whose empty region reads as its unit's.
    struct UnitRegionRow: ActivityFields {
        let row: TableRow
        let region: String

        func text(_ field: String) -> String {
            field == "region" && row.text(field).isEmpty ? region : row.text(field)
        }
        func issue(_ field: String, _ problem: Problem) -> InputIssue { row.issue(field, problem) }
        var rowNumber: Int? { row.number }
    }

    /// Reads rows (numbered as the spreadsheet shows them) for an import. `unitRegion` answers a
    /// stored unit's region code, or nil when no unit has the code.
    public func parseForImport(
        rows: [(number: Int, values: [String])], file: String?, sheet: String?, language: Language,
        unitRegion: (String) -> String?
    ) throws(InputIssues) -> Parsed {
        let reader = try TableReader(
            rows: rows, file: file, sheet: sheet, required: Self.required.filter { $0 != "region" },
            optional: Self.optional + ["region"], headerAliases: Self.headerAliases)
        var records: [ActivityRecord] = []
        var issues: [InputIssue] = []
        for row in reader.rows {
            let code = row.text("unit")
            guard code.isEmpty || unitRegion(code) != nil else {
                issues.append(row.issue("unit", .unknownUnitCode(code)))
                continue
            }
            if let extra = row.extraFieldIssue {
                issues.append(extra)
                continue
            }
            switch validate(UnitRegionRow(row: row, region: unitRegion(code) ?? ""), language: language) {
            case .success(let record): records.append(record)
            case .failure(let rowIssues): issues += rowIssues.issues
            }
        }
        return Parsed(
            records: records, issues: issues, ignoredHeaders: reader.ignoredHeaders,
            columns: reader.columns.mapValues { ($0.header, $0.letter) })
    }
}

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
        guard let headerIndex = rows.firstIndex(where: { !CSVTable.isBlank($0.values) }) else {
            throw InputIssues([InputIssue(file: file, sheet: sheet, problem: .emptyFile)])
        }
        let reader = try ImportReader(
            template: self, header: rows[headerIndex].values, row: rows[headerIndex].number, file: file, sheet: sheet)
        var records: [ActivityRecord] = []
        var issues: [InputIssue] = []
        for row in rows[(headerIndex + 1)...] where !CSVTable.isBlank(row.values) {
            switch reader.read(row.values, row: row.number, language: language, unitRegion: unitRegion) {
            case .success(let record): records.append(record)
            case .failure(let rowIssues): issues += rowIssues.issues
            }
        }
        if records.isEmpty, issues.isEmpty {
            throw InputIssues([InputIssue(file: file, sheet: sheet, problem: .noDataRows)])
        }
        return reader.parsed(records: records, issues: issues)
    }

    /// Reads an import's rows one at a time, once its header is known: a file of a million rows is
    /// read as it streams in.
    public struct ImportReader: Sendable {
        let template: ActivityTemplate
        let columns: [String: TableReader.Column]
        let ignored: [String]
        let width: Int
        let file: String?
        let sheet: String?

        public init(
            template: ActivityTemplate = ActivityTemplate(), header: [String], row: Int, file: String?, sheet: String?
        ) throws(InputIssues) {
            let resolved = try TableReader.columns(
                header: header, row: row, file: file, sheet: sheet,
                required: ActivityTemplate.required.filter { $0 != "region" },
                optional: ActivityTemplate.optional + ["region"], headerAliases: ActivityTemplate.headerAliases)
            self.template = template.remembering()
            columns = resolved.columns
            ignored = resolved.ignored
            width = header.count
            self.file = file
            self.sheet = sheet
        }

        /// One data row's record, or its problems.
        public func read(
            _ values: [String], row number: Int, language: Language, unitRegion: (String) -> String?
        ) -> Result<ActivityRecord, InputIssues> {
            let row = TableRow(number: number, values: values, columns: columns, file: file, sheet: sheet, width: width)
            let code = row.text("unit")
            guard code.isEmpty || unitRegion(code) != nil else {
                return .failure(InputIssues([row.issue("unit", .unknownUnitCode(code))]))
            }
            if let extra = row.extraFieldIssue { return .failure(InputIssues([extra])) }
            return template.validate(UnitRegionRow(row: row, region: unitRegion(code) ?? ""), language: language)
        }

        /// The column (from 0) of a field the header names.
        public func column(of field: String) -> Int? { columns[field]?.index }

        /// How many columns the header has: a row with more non-blank fields is refused.
        public var headerWidth: Int { width }

        /// An issue about a record's field, placed at its row and column.
        public func issue(row: Int?, field: String, _ problem: Problem) -> InputIssue {
            let column = columns[field]
            return InputIssue(
                file: file, sheet: sheet, row: row, column: column?.header ?? field, columnLetter: column?.letter,
                problem: problem)
        }

        func parsed(records: [ActivityRecord], issues: [InputIssue]) -> Parsed {
            Parsed(
                records: records, issues: issues, ignoredHeaders: ignored,
                columns: columns.mapValues { ($0.header, $0.letter) })
        }
    }
}

import Foundation

/// The activity data template, version 1: one CSV row per unit, period and item. English or
/// Chinese headers; see the README for the columns.
public struct ActivityTemplate: Sendable {
    public static let version = "1"

    static let required = ["unit", "region", "period", "item", "quantity", "uom"]
    static let optional = ["category", "ncv", "carbon_content", "oxidation_rate"]
    static let headerAliases: [String: [String]] = [
        "unit": ["单位", "单位代码"],
        "region": ["行政区划代码", "区划代码"],
        "period": ["期间", "统计期"],
        "item": ["品种", "能源品种"],
        "quantity": ["数量", "消费量"],
        "uom": ["计量单位", "unit_of_measure"],
        "category": ["类别"],
        "ncv": ["低位发热量", "实测低位发热量"],
        "carbon_content": ["单位热值含碳量", "实测单位热值含碳量"],
        "oxidation_rate": ["碳氧化率", "实测碳氧化率"],
    ]

    public let catalog: ItemCatalog
    public let provinces: ProvinceTable
    /// When set, what each distinct text parsed to is remembered (see `Memo`).
    let memo: Memo?

    public init(catalog: ItemCatalog = .bundled, provinces: ProvinceTable = .bundled) {
        self.init(catalog: catalog, provinces: provinces, memo: nil)
    }

    init(catalog: ItemCatalog, provinces: ProvinceTable, memo: Memo?) {
        self.catalog = catalog
        self.provinces = provinces
        self.memo = memo
    }

    /// The same template remembering its parses: for a reader of one large file on one thread.
    func remembering() -> ActivityTemplate { ActivityTemplate(catalog: catalog, provinces: provinces, memo: Memo()) }

    /// What each distinct text of a column parsed to. A million rows of a province repeat a few
    /// hundred regions, periods, items and units; each is parsed once. Used by one thread at a time.
    final class Memo: @unchecked Sendable {
        var regions: [String: RegionCode?] = [:]
        var periods: [String: Period?] = [:]
        var items: [String: Item?] = [:]
        var units: [String: UnitOfMeasure?] = [:]
        var categories: [String: ActivityCategory?] = [:]
    }

    /// `parse(text)`, looked up in (and added to) one of the memo's tables when there is a memo.
    private func remembered<T>(_ table: inout [String: T?], _ text: String, _ parse: (String) -> T?) -> T? {
        if let known = table[text] { return known }
        let parsed = parse(text)
        table[text] = .some(parsed)
        return parsed
    }

    private func region(_ text: String) -> RegionCode? {
        guard let memo else { return RegionCode(text, provinces: provinces) }
        return remembered(&memo.regions, text) { RegionCode($0, provinces: provinces) }
    }

    private func period(_ text: String) -> Period? {
        guard let memo else { return Period(parsing: text) }
        return remembered(&memo.periods, text) { Period(parsing: $0) }
    }

    private func item(_ text: String) -> Item? {
        guard let memo else { return catalog.item(named: text) }
        return remembered(&memo.items, text) { catalog.item(named: $0) }
    }

    private func unitOfMeasure(_ text: String) -> UnitOfMeasure? {
        guard let memo else { return UnitOfMeasure(parsing: text) }
        return remembered(&memo.units, text) { UnitOfMeasure(parsing: $0) }
    }

    private func category(_ text: String) -> ActivityCategory? {
        guard let memo else { return ActivityCategory(parsing: text) }
        return remembered(&memo.categories, text) { ActivityCategory(parsing: $0) }
    }

    /// What a file held: its good records, the problems of its bad rows, and headers not read.
    public struct Parsed: Sendable {
        public let records: [ActivityRecord]
        /// One issue per problem of every bad row; a bad row yields no record.
        public let issues: [InputIssue]
        public let ignoredHeaders: [String]
        /// Each field's column in the file: its header as written and its letter.
        let columns: [String: (header: String, letter: String)]

        /// The issue with its file set and its column named as the file names it (a calculation
        /// reports columns by field, e.g. `carbon_content`, which the file may call 单位热值含碳量).
        public func located(_ issue: InputIssue, file: String?) -> InputIssue {
            var located = issue
            located.file = located.file ?? file
            if let field = issue.column, let column = columns[field] {
                located.column = column.header
                located.columnLetter = column.letter
            }
            return located
        }
    }

    /// Reads every row. Throws only for problems of the whole file (empty, missing or repeated
    /// columns); a bad row's problems are in `Parsed.issues`.
    public func parse(_ text: String, file: String?, language: Language) throws(InputIssues) -> Parsed {
        try parse(
            TableReader(
                text: text, file: file, required: Self.required, optional: Self.optional,
                headerAliases: Self.headerAliases), language: language)
    }

    /// Reads rows of cells as text, numbered as the spreadsheet shows them (a workbook's sheet).
    public func parse(
        rows: [(number: Int, values: [String])], file: String?, sheet: String?, language: Language
    ) throws(InputIssues) -> Parsed {
        try parse(
            TableReader(
                rows: rows, file: file, sheet: sheet, required: Self.required, optional: Self.optional,
                headerAliases: Self.headerAliases), language: language)
    }

    private func parse(_ reader: TableReader, language: Language) -> Parsed {
        var records: [ActivityRecord] = []
        var issues: [InputIssue] = []
        for row in reader.rows {
            switch validate(row, language: language) {
            case .success(let record): records.append(record)
            case .failure(let rowIssues): issues += rowIssues.issues
            }
        }
        return Parsed(
            records: records, issues: issues, ignoredHeaders: reader.ignoredHeaders,
            columns: reader.columns.mapValues { ($0.header, $0.letter) })
    }

    /// Checks one record's fields with the template's rules (the API and the calc command share
    /// them) and builds the record, or returns every problem found.
    public func validate(_ row: some ActivityFields, language: Language) -> Result<ActivityRecord, InputIssues> {
        var issues: [InputIssue] = []
        if let extra = (row as? TableRow)?.extraFieldIssue { issues.append(extra) }
        for field in Self.required where !row.has(field) { issues.append(row.issue(field, .missingValue)) }

        let unitCode = row.text("unit")
        let region =
            row.has("region") ? region(row.text("region")) : nil
        if row.has("region"), region == nil { issues.append(row.issue("region", .badRegion(row.text("region")))) }
        let period = row.has("period") ? self.period(row.text("period")) : nil
        if row.has("period"), period == nil { issues.append(row.issue("period", .badPeriod(row.text("period")))) }

        var item: Item?
        if row.has("item") {
            item = self.item(row.text("item"))
            if item == nil {
                let suggestions = catalog.suggestions(for: row.text("item"))
                issues.append(row.issue("item", .unknownItem(row.text("item"), suggestions: suggestions)))
            }
        }

        var unit: UnitOfMeasure?
        if row.has("uom") {
            unit = unitOfMeasure(row.text("uom"))
            if unit == nil {
                issues.append(row.issue("uom", .unknownUnit(row.text("uom"))))
            } else if let item, let u = unit, !item.accepts(u) {
                issues.append(
                    row.issue(
                        "uom",
                        .unitNotForItem(
                            unit: row.text("uom"), item: row.text("item"), accepted: acceptedUnits(for: item))))
                unit = nil
            }
        }

        let quantity = row.has("quantity") ? number(row.text("quantity")) : nil
        if row.has("quantity") {
            if let quantity, quantity < 0 {
                issues.append(row.issue("quantity", .negativeQuantity(row.text("quantity"))))
            } else if quantity == nil {
                issues.append(row.issue("quantity", .notANumber(row.text("quantity"))))
            } else if let quantity, !Plausible.isAmount(unit.map { PhysicalQuantity(quantity, $0).baseValue } ?? quantity) {
                issues.append(row.issue("quantity", .beyondPlausible(row.text("quantity"))))
            }
        }

        var category: ActivityCategory?
        if row.has("category") {
            category = self.category(row.text("category"))
            if category == nil {
                issues.append(row.issue("category", .unknownCategory(row.text("category"))))
            } else if let item, let c = category, !item.allowedCategories.contains(c) {
                let allowed = item.allowedCategories.map { $0.name(in: language) }
                issues.append(
                    row.issue(
                        "category",
                        .categoryNotForItem(category: row.text("category"), item: row.text("item"), allowed: allowed)))
            }
        }

        let measured = measuredParameters(row, item: item, issues: &issues)

        guard issues.isEmpty, let region, let period, let item, let unit, let quantity else {
            return .failure(InputIssues(issues))
        }
        return .success(
            ActivityRecord(
                unitCode: unitCode, region: region, period: period, item: item, category: category,
                quantity: PhysicalQuantity(quantity, unit), measured: measured, sourceRow: row.rowNumber))
    }

    private func measuredParameters(_ row: some ActivityFields, item: Item?, issues: inout [InputIssue])
        -> MeasuredParameters
    {
        var measured = MeasuredParameters()
        let fields = ["ncv", "carbon_content", "oxidation_rate"].filter { row.has($0) }
        guard !fields.isEmpty else { return measured }
        if let item, item.kind != .fuel {
            for field in fields { issues.append(row.issue(field, .measuredNotApplicable(item: row.text("item")))) }
            return measured
        }
        if row.has("ncv") {
            if let value = positive("ncv", row, &issues, largest: Self.largestCalorificValue), let item {
                measured.netCalorificValue = NetCalorificValue(gigajoulesPerBaseUnit: value, of: item.dimension)
            }
        }
        if row.has("carbon_content"), let value = positive("carbon_content", row, &issues, largest: Self.largestCarbonContent) {
            measured.carbonContent = Rate(value, .tonneCarbon, per: .gigajoule)
        }
        if row.has("oxidation_rate") {
            let text = row.text("oxidation_rate")
            let isPercent = text.hasSuffix("%") || text.hasSuffix("％")
            let digits = isPercent ? String(text.dropLast()) : text
            if let value = number(digits) {
                if let fraction = Fraction(isPercent ? value / 100 : value), value > 0 {
                    measured.oxidationRate = fraction
                } else {
                    issues.append(row.issue("oxidation_rate", .oxidationRateOutOfRange(text)))
                }
            } else {
                issues.append(row.issue("oxidation_rate", .notANumber(text)))
            }
        }
        return measured
    }

    private func positive(
        _ field: String, _ row: some ActivityFields, _ issues: inout [InputIssue], largest: Double
    ) -> Double? {
        guard let value = number(row.text(field)) else {
            issues.append(row.issue(field, .notANumber(row.text(field))))
            return nil
        }
        guard value > 0 else {
            issues.append(row.issue(field, .parameterNotPositive(row.text(field))))
            return nil
        }
        guard value <= largest else {
            issues.append(row.issue(field, .measuredBeyondAnyFuel(row.text(field), largest: largest)))
            return nil
        }
        return value
    }

    /// Bounds on measured parameters, far beyond any fuel's (hydrogen, the most energetic per tonne,
    /// has about 120 GJ/t; fuels' carbon contents lie below 0.035 tC/GJ): a value above them is a
    /// slip, not a measurement.
    static let largestCalorificValue = 1_000.0
    static let largestCarbonContent = 1.0

    /// Reads a number as spreadsheets write it: `1234.5`, `1,234.5`, ` 12 `. Rejects NaN and infinities.
    func number(_ text: String) -> Double? { TableRow.number(text) }

    public func acceptedUnits(for item: Item) -> [String] {
        var seen = Set<String>()
        return UnitOfMeasure.acceptedSpellings.filter { item.accepts($0.unit) }.map(\.unit.symbol)
            .filter { seen.insert($0).inserted }
    }
}

import Accounting
import Governance
import Reports

/// The supervisor's report's page: its tables as rows of formatted numbers, lights by name.
struct SupervisorReportPage: Sendable {
    struct Row: Sendable {
        let name: String
        let cells: [String]
    }

    struct TargetRow: Sendable {
        let name: String
        let subject: String
        let indicator: String
        let cells: [String]
        let light: String
        let lightName: String
    }

    let layout: PageLayout
    let heading: String
    let years: [InventoryReportPage.Choice]
    let missing: String?
    let facts: [InventoryReportPage.Fact]
    let indicators: [Row]
    let targets: [TargetRow]
    let hasTargets: Bool
    let warningCount: String
    let measures: [Row]
    let hasMeasures: Bool
    let completeness: [InventoryReportPage.Fact]
    var workbookURL = ""
    var jsonURL = ""
    var pdfURL = ""
    /// The form that issues this report, for those who may change the unit's data.
    var issueAction: String?
    var year = ""
    /// On an issued report: when and by whom, and whether newer data exist.
    var issuedNote: String?
    var newerDataNote: String?
    var currentURL = ""

    static func missing(layout: PageLayout, heading: String, message: String, years: [InventoryReportPage.Choice]) -> Self {
        Self(
            layout: layout, heading: heading, years: years, missing: message, facts: [], indicators: [], targets: [],
            hasTargets: false, warningCount: "", measures: [], hasMeasures: false, completeness: [])
    }

    init(
        layout: PageLayout, heading: String, years: [InventoryReportPage.Choice], missing: String?,
        facts: [InventoryReportPage.Fact], indicators: [Row], targets: [TargetRow], hasTargets: Bool, warningCount: String,
        measures: [Row], hasMeasures: Bool, completeness: [InventoryReportPage.Fact]
    ) {
        self.layout = layout
        self.heading = heading
        self.years = years
        self.missing = missing
        self.facts = facts
        self.indicators = indicators
        self.targets = targets
        self.hasTargets = hasTargets
        self.warningCount = warningCount
        self.measures = measures
        self.hasMeasures = hasMeasures
        self.completeness = completeness
    }

    static func amount(_ value: Double?, decimals: Int = 3) -> String {
        value.map { WebNumbers.grouped($0, decimals: decimals) } ?? "—"
    }

    init(
        _ report: SupervisorReport, layout: PageLayout, heading: String, strings t: Words, language: Language,
        years: [InventoryReportPage.Choice]
    ) {
        func text(_ key: String) -> String { t.text(forKey: key) }
        let b = report.basis
        func row(_ name: String, _ i: SupervisorReport.Indicators) -> Row {
            Row(
                name: name,
                cells: [
                    Self.amount(i.energyTce), Self.amount(i.co2eT), Self.amount(i.energyIntensity, decimals: 4),
                    Self.amount(i.carbonIntensity, decimals: 4),
                ])
        }
        var indicators = [row("\(b.unitName) · \(b.year)", report.indicators)]
        if let previous = report.previousYear { indicators.append(row("\(b.unitName) · \(b.year - 1)", previous)) }
        // A region's cities by their names in the page's language (an issued report keeps the names
        // of the language it was issued in); units by the names they were given.
        indicators += report.children.map {
            let name = $0.code.count == 6 && $0.code.allSatisfy(\.isNumber)
                ? AdministrativeDivisions.bundled.name(of: $0.code, language) : $0.name
            return row("\($0.code) \(name)", $0.indicators)
        }
        let warnings = report.warnings.count
        self.init(
            layout: layout, heading: heading, years: years, missing: nil,
            facts: [
                .init(label: text("report_entity"), value: "\(b.unitCode) \(b.unitName)"),
                .init(label: text("report_year"), value: String(b.year)),
                .init(label: text("supervisor_as_of"), value: b.asOf),
                .init(label: text("report_scope2_method"), value: text("report_scope2_\(b.scope2Method.rawValue)")),
            ],
            indicators: indicators,
            targets: report.targets.map { Self.targetRow($0, strings: t, language: language) }, hasTargets: !report.targets.isEmpty,
            warningCount: text("supervisor_warning_count").replacingOccurrences(of: "{count}", with: String(warnings)),
            measures: report.overdueMeasures.map { Row(name: $0.unitCode, cells: [$0.title, $0.owner, $0.deadline]) },
            hasMeasures: !report.overdueMeasures.isEmpty,
            completeness: PeriodStatus.allCases.map {
                .init(label: text("period_status_\($0.rawValue)"), value: String(report.completeness.byStatus[$0.rawValue] ?? 0))
            } + [
                .init(label: text("supervisor_late"), value: String(report.completeness.late)),
                .init(label: text("supervisor_periods"), value: String(report.completeness.periods)),
            ])
    }

    /// A target's row: its year, limit, figure to date, forecast, ratio and light.
    static func targetRow(_ target: SupervisorReport.TargetLine, strings t: Words, language: Language) -> TargetRow {
        // The indicator and its unit in the page's language, whichever language the report was made in.
        let indicator = TargetIndicator(rawValue: target.indicator).map {
            "\($0.name(in: language)) (\(PageHandlers.indicatorUnit($0, t)))"
        }
        return TargetRow(
            name: target.name, subject: target.subject, indicator: indicator ?? "\(target.indicatorName) (\(target.unit))",
            cells: [
                String(target.year), amount(target.limit), amount(target.toDate), amount(target.forecast),
                target.ratio.map { WebNumbers.grouped($0 * 100, decimals: 1) + " %" } ?? "—",
            ], light: target.light, lightName: t.text(forKey: "light_\(target.light)"))
    }
}

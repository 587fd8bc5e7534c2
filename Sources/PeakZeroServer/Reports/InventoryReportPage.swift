import Accounting
import Reports

/// The GHG inventory report's page: its basis as facts, then each table of the model as rows of
/// formatted numbers (tonnes to three decimals, intensities to four).
struct InventoryReportPage: Sendable {
    struct Fact: Sendable {
        let label: String
        let value: String
    }

    struct Row: Sendable {
        let key: String
        let name: String
        let cells: [String]
    }

    struct Table: Sendable {
        /// The section's id, for the printed report's contents.
        let anchor: String
        let caption: String
        let rows: [Row]
        let total: Row
    }

    struct Choice: Sendable {
        let label: String
        let url: String
        let current: Bool
    }

    let layout: PageLayout
    let heading: String
    let years: [Choice]
    let missing: String?
    let facts: [Fact]
    /// Records not yet approved, or data changed since: said on the report's face.
    let warnings: [String]
    let hasWarnings: Bool
    let totals: [Fact]
    let partHeaders: [String]
    let tables: [Table]
    let carriers: [Row]
    let carrierTotal: Row?
    let intensities: [Row]
    let hasIntensities: Bool
    let factors: [Row]
    /// Emissions by source type as bars, with the chart's height.
    let sourceChart: BarChart
    let workbookURL: String
    let jsonURL: String
    let pdfURL: String
    let printedOn: String
    /// The form that issues this report, for those who may change the unit's data.
    var issueAction: String?
    var year = ""
    var scope2 = ""
    /// The reports issued for the unit, newest first.
    var issuedReports: [Choice] = [] { didSet { hasIssued = !issuedReports.isEmpty } }
    /// Stored, not computed: the templates see a page's stored fields only (`TemplateValues`).
    var hasIssued = false
    /// On an issued report: when and by whom, and whether newer data exist.
    var issuedNote: String?
    var newerDataNote: String?
    var currentURL = ""
    /// The value chain's emissions, when the report holds them.
    var scope3: Scope3Section? { didSet { hasScope3 = scope3 != nil } }
    var hasScope3 = false

    static func missing(layout: PageLayout, heading: String, message: String, years: [Choice]) -> Self {
        Self(
            layout: layout, heading: heading, years: years, missing: message, facts: [], warnings: [],
            hasWarnings: false, totals: [], partHeaders: [], tables: [], carriers: [], carrierTotal: nil,
            intensities: [], hasIntensities: false, factors: [], sourceBars: [], workbookURL: "", jsonURL: "",
            pdfURL: "", printedOn: "")
    }

    init(
        layout: PageLayout, heading: String, years: [Choice], missing: String?, facts: [Fact], warnings: [String],
        hasWarnings: Bool, totals: [Fact], partHeaders: [String], tables: [Table], carriers: [Row], carrierTotal: Row?,
        intensities: [Row], hasIntensities: Bool, factors: [Row], sourceBars: [Bar], workbookURL: String,
        jsonURL: String, pdfURL: String, printedOn: String
    ) {
        self.layout = layout
        self.heading = heading
        self.years = years
        self.missing = missing
        self.facts = facts
        self.warnings = warnings
        self.hasWarnings = hasWarnings
        self.totals = totals
        self.partHeaders = partHeaders
        self.tables = tables
        self.carriers = carriers
        self.carrierTotal = carrierTotal
        self.intensities = intensities
        self.hasIntensities = hasIntensities
        self.factors = factors
        sourceChart = BarChart(caption: layout.t["report_by_source"] ?? "", bars: sourceBars)
        self.workbookURL = workbookURL
        self.jsonURL = jsonURL
        self.pdfURL = pdfURL
        self.printedOn = printedOn
    }

    static func tonnes(_ value: Double) -> String { WebNumbers.grouped(value, decimals: 3) }

    init(
        _ report: GHGInventoryReport, layout: PageLayout, heading: String, strings t: Words, language: Language,
        years: [Choice], workbookURL: String, jsonURL: String, pdfURL: String, printedOn: String
    ) {
        let report = report.named(in: language)
        let b = report.basis
        func text(_ key: String) -> String { t.text(forKey: key) }
        let facts: [Fact] = [
            .init(label: text("report_entity"), value: "\(b.unitCode) \(b.unitName)"),
            .init(label: text("report_year"), value: String(b.year)),
            .init(label: text("report_standards"), value: b.standards.joined(separator: "; ")),
            .init(label: text("report_consolidation"), value: text("report_consolidation_\(b.consolidation.rawValue)")),
            .init(label: text("report_gwp"), value: b.gwpSet),
            .init(label: text("report_scope2_method"), value: text("report_scope2_\(b.scope2Method.rawValue)")),
            .init(label: text("report_inventory"), value: "#\(b.inventoryId) v\(b.inventoryVersion) · \(BeijingTime.show(b.computedAt))"),
            .init(label: text("report_factor_library"), value: b.factorLibrary),
            .init(label: text("report_records"), value: String(b.records)),
        ]
        var warnings: [String] = []
        if b.unapprovedRecords > 0 {
            warnings.append(text("report_unapproved").replacingOccurrences(of: "{count}", with: String(b.unapprovedRecords)))
        }
        if b.stale { warnings.append(text("report_stale")) }
        let total = report.total
        let totals: [Fact] = [
            .init(label: text("report_scope1"), value: Self.tonnes(total.scope1T)),
            .init(label: text("report_scope2_location_t"), value: Self.tonnes(total.scope2LocationT)),
            .init(label: text("report_scope2_market_t"), value: Self.tonnes(total.scope2MarketT)),
            .init(label: text("report_total_location"), value: Self.tonnes(total.totalLocationT)),
            .init(label: text("report_total_market"), value: Self.tonnes(total.totalMarketT)),
            .init(label: text("report_energy_calorific"), value: Self.tonnes(total.tceCalorific)),
            .init(label: text("report_energy_equivalent"), value: Self.tonnes(total.tceEquivalent)),
        ]
        func row(_ part: GHGInventoryReport.Part) -> Row {
            Row(
                key: part.key, name: part.name,
                cells: [
                    part.scope1T, part.scope2LocationT, part.scope2MarketT, part.totalLocationT, part.totalMarketT,
                ].map(Self.tonnes))
        }
        let totalRow = Row(key: "", name: text("report_total"), cells: row(total).cells)
        let tables = [
            Table(anchor: "gases", caption: text("report_by_gas"), rows: report.byGas.map(row), total: totalRow),
            Table(
                anchor: "facilities", caption: text("report_by_facility"), rows: report.byFacility.map(row),
                total: totalRow),
            Table(anchor: "sources", caption: text("report_by_source"), rows: report.bySource.map(row), total: totalRow),
        ] + (report.byRegion.map {
            [Table(anchor: "regions", caption: text("report_by_region"), rows: $0.map(row), total: totalRow)]
        } ?? [])
        func carrier(_ part: GHGInventoryReport.Part) -> Row {
            Row(key: part.key, name: part.name, cells: [Self.tonnes(part.tceCalorific), Self.tonnes(part.tceEquivalent)])
        }
        let intensities = report.intensities.map { intensity in
            Row(
                key: intensity.base.rawValue, name: text("report_base_\(intensity.base.rawValue)"),
                cells: [
                    WebNumbers.grouped(intensity.denominatorTenThousandYuan, decimals: 2),
                    WebNumbers.grouped(intensity.co2eLocationTPerTenThousandYuan, decimals: 4),
                    WebNumbers.grouped(intensity.co2eMarketTPerTenThousandYuan, decimals: 4),
                    WebNumbers.grouped(intensity.tceCalorificPerTenThousandYuan, decimals: 4),
                ])
        }
        self.init(
            layout: layout, heading: heading, years: years, missing: nil, facts: facts, warnings: warnings,
            hasWarnings: !warnings.isEmpty, totals: totals,
            partHeaders: ["report_scope1", "report_scope2_location_t", "report_scope2_market_t", "report_total_location", "report_total_market"].map(text),
            tables: tables, carriers: report.byCarrier.map(carrier),
            carrierTotal: Row(key: "", name: text("report_total"), cells: carrier(total).cells),
            intensities: intensities, hasIntensities: !intensities.isEmpty,
            factors: report.factors.map { factor in
                let kind = FactorKind(rawValue: factor.kind)?.name(in: language) ?? factor.kind
                let item = ItemCatalog.bundled.item(code: factor.item)?.name(in: language) ?? factor.item
                return Row(
                    key: factor.id, name: item.isEmpty ? kind : "\(kind) · \(item)",
                    cells: [
                        "\(factor.value) \(ReferenceTexts.bundled.shown(factor.unit, language))", factor.grade,
                        ReferenceTexts.bundled.shown(factor.source, language) + (factor.year.map { " (\($0))" } ?? ""),
                    ])
            }, sourceBars: Self.bars(report.bySource, method: b.scope2Method), workbookURL: workbookURL, jsonURL: jsonURL,
            pdfURL: pdfURL, printedOn: printedOn)
        scope3 = report.scope3.map { Scope3Section($0, language: language) }
        // Observers do not run in an initializer: the flag is set here too.
        hasScope3 = scope3 != nil
    }
}

extension InventoryReportPage {
    /// A bar chart of tonnes as SVG geometry, with its caption.
    struct BarChart: Sendable {
        let caption: String
        let bars: [Bar]
        let height: Int

        init(caption: String, bars: [Bar]) {
            self.caption = caption
            self.bars = bars
            height = bars.count * 24 + 8
        }
    }

    /// A bar of the chart of emissions by source type (the headline total), drawn as SVG geometry.
    struct Bar: Sendable {
        let label: String
        let value: String
        let labelY: Int
        let y: Int
        let width: Int
    }

    /// Bars of the parts' headline totals, scaled to the largest (320 units wide); negative parts
    /// (green power's market-based credit) are drawn by their size.
    static func bars(_ parts: [GHGInventoryReport.Part], method: Scope2Method) -> [Bar] {
        bars(parts.map { ($0.name, method == .market ? $0.totalMarketT : $0.totalLocationT) })
    }

    /// Bars of labelled tonnes, scaled to the largest (320 units wide), negative ones by their size.
    static func bars(_ items: [(label: String, tonnes: Double)]) -> [Bar] {
        let largest = items.map { abs($0.tonnes) }.max() ?? 0
        return items.enumerated().map { index, item in
            Bar(
                label: item.label, value: tonnes(item.tonnes), labelY: index * 24 + 16, y: index * 24 + 4,
                width: largest > 0 ? max(1, Int(abs(item.tonnes) / largest * 320)) : 0)
        }
    }
}

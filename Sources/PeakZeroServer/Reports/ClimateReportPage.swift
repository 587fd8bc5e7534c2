import Accounting
import Assets
import Reports

/// The climate section's page: the narrative by the four parts (each paragraph as the company wrote
/// it, escaped; a visible placeholder where nothing is written yet), then the metrics drawn from the
/// same model as the GHG inventory report, the reductions, carbon assets, targets and footprints,
/// and the index to GRI 305/302 and IFRS S2.
struct ClimateReportPage: Sendable {
    struct Part: Sendable {
        let anchor: String
        let field: String
        let title: String
        let paragraphs: [String]
        let text: String
        let empty: Bool
        var problem: String?
    }

    struct Row: Sendable {
        let key: String
        let name: String
        let cells: [String]
    }

    struct IndexRow: Sendable {
        let what: String
        let value: String
        let gri: String
        let ifrs: String
        let anchor: String
        /// The heading of the part the anchor leads to, as the link's words.
        let sectionTitle: String
        let unchecked: Bool
    }

    let layout: PageLayout
    let heading: String
    let years: [InventoryReportPage.Choice]
    let missing: String?
    var facts: [InventoryReportPage.Fact] = []
    var warnings: [String] = [] { didSet { hasWarnings = !warnings.isEmpty } }
    /// Stored, not computed: the templates see a page's stored fields only (`TemplateValues`).
    var hasWarnings = false
    /// Governance, strategy, risk management: before the metrics.
    var parts: [Part] = []
    /// Metrics and targets' words, and the assurance statement.
    var metricsPart: Part?
    var recalculationPart: Part?
    var assurancePart: Part?
    var baseYear: [InventoryReportPage.Fact] = [] { didSet { hasBaseYear = !baseYear.isEmpty } }
    var hasBaseYear = false
    var ghg: [InventoryReportPage.Fact] = []
    /// Scope 1, both Scope 2 figures and each Scope 3 category, as bars.
    var scopeChart: InventoryReportPage.BarChart?
    var gases: [InventoryReportPage.Row] = []
    var partHeaders: [String] = []
    var energy: [InventoryReportPage.Fact] = []
    var carriers: [InventoryReportPage.Row] = []
    var intensities: [InventoryReportPage.Row] = []
    var hasIntensities = false
    var scope3: Scope3Section?
    var reductions: [Row] = []
    var hasReductions = false
    var assets: [Row] = []
    var hasAssets = false
    var targets: [SupervisorReportPage.TargetRow] = []
    var hasTargets = false
    var footprints: [Row] = []
    var hasFootprints = false
    var index: [IndexRow] = []
    var workbookURL = ""
    var jsonURL = ""
    var pdfURL = ""
    var printedOn = ""
    /// The narrative form and the issue form, for those who may change the unit's data.
    var narrativeAction: String?
    var issueAction: String?
    var year = ""
    var scope2 = ""
    var saved = false
    var hasProblems = false
    var issuedReports: [InventoryReportPage.Choice] = [] { didSet { hasIssued = !issuedReports.isEmpty } }
    var hasIssued = false
    var issuedNote: String?
    var newerDataNote: String?
    var currentURL = ""

    init(layout: PageLayout, heading: String, years: [InventoryReportPage.Choice], missing: String?) {
        self.layout = layout
        self.heading = heading
        self.years = years
        self.missing = missing
    }

    /// The headings of the parts the disclosure index points to, by anchor (as the body template
    /// writes them).
    static let sectionTitleKeys = [
        "basis": "report_basis", "ghg": "climate_ghg", "base-year": "climate_base_year", "scope3": "scope3_title",
        "energy": "climate_energy", "intensity": "report_intensities", "reductions": "climate_reductions",
        "assets": "climate_assets", "targets": "supervisor_targets", "footprints": "climate_footprints",
    ]

    /// A project's stage as the report stored it (by name, in the language it was made in), in the
    /// page's language.
    static func stageName(_ stored: String, _ language: Language) -> String {
        let stage = ProjectStage.allCases.first { $0.name(in: .zh) == stored || $0.name(in: .en) == stored }
        return stage?.name(in: language) ?? stored
    }

    static func part(_ field: String, _ text: String, anchor: String, title: String, placeholder: String) -> Part {
        let paragraphs = text.split(whereSeparator: \.isNewline).map { String($0).trimmed }.filter { !$0.isEmpty }
        return Part(
            anchor: anchor, field: field, title: title, paragraphs: paragraphs.isEmpty ? [placeholder] : paragraphs,
            text: text, empty: paragraphs.isEmpty)
    }

    init(
        _ report: ClimateDisclosure, layout: PageLayout, heading: String, strings t: Words, language: Language,
        years: [InventoryReportPage.Choice], printedOn: String
    ) {
        self.init(layout: layout, heading: heading, years: years, missing: nil)
        func text(_ key: String) -> String { t.text(forKey: key) }
        let inventory = InventoryReportPage(
            report.inventory, layout: layout, heading: heading, strings: t, language: language, years: [],
            workbookURL: "", jsonURL: "", pdfURL: "", printedOn: printedOn)
        let b = report.basis
        facts = [
            .init(label: text("report_entity"), value: "\(b.unitCode) \(b.unitName)"),
            .init(label: text("report_year"), value: String(b.year)),
            .init(
                label: text("climate_frameworks"),
                value: b.frameworks.map { ReferenceTexts.bundled.shown($0, language) }.joined(separator: language.clauseSeparator)),
            .init(
                label: text("climate_indexed_to"),
                value: b.indexedTo.map { ReferenceTexts.bundled.shown($0, language) }.joined(separator: "; ")),
        ] + inventory.facts.filter { $0.label != text("report_entity") && $0.label != text("report_year") }
        warnings = inventory.warnings
        // Observers do not run in an initializer: the flags are set here too.
        hasWarnings = !warnings.isEmpty
        let placeholder = text("climate_placeholder")
        let n = report.narrative
        parts = [
            Self.part("governance", n.governance, anchor: "governance", title: text("climate_governance"), placeholder: placeholder),
            Self.part("strategy", n.strategy, anchor: "strategy", title: text("climate_strategy"), placeholder: placeholder),
            Self.part(
                "risk_management", n.riskManagement, anchor: "risk", title: text("climate_risk"), placeholder: placeholder),
        ]
        metricsPart = Self.part(
            "metrics_and_targets", n.metricsAndTargets, anchor: "metrics", title: text("climate_metrics"),
            placeholder: placeholder)
        recalculationPart = Self.part(
            "recalculation_policy", n.recalculationPolicy, anchor: "recalculation", title: text("climate_recalculation"),
            placeholder: placeholder)
        if let base = report.baseYear {
            baseYear = [
                .init(label: text("climate_base_year"), value: "\(base.year) (\(text("climate_base_by_\(base.chosenBy)")))"),
                .init(label: text("report_scope1"), value: InventoryReportPage.tonnes(base.scope1T)),
                .init(label: text("report_scope2_location_t"), value: InventoryReportPage.tonnes(base.scope2LocationT)),
                .init(label: text("report_scope2_market_t"), value: InventoryReportPage.tonnes(base.scope2MarketT)),
            ]
            hasBaseYear = true
        }
        assurancePart = Self.part(
            "assurance", n.assurance, anchor: "assurance", title: text("climate_assurance"), placeholder: placeholder)
        ghg = inventory.totals.prefix(5) + [
            .init(
                label: text("climate_scope3_total"),
                value: report.inventory.scope3.map { InventoryReportPage.tonnes($0.totalTonnes) } ?? "—")
        ]
        let total = report.inventory.total
        scopeChart = InventoryReportPage.BarChart(
            caption: text("climate_scope_chart"),
            bars: InventoryReportPage.bars(
                [
                    (text("climate_chart_scope1"), total.scope1T), (text("climate_chart_scope2_location"), total.scope2LocationT),
                    (text("climate_chart_scope2_market"), total.scope2MarketT),
                ]
                    // Short labels fit the chart's label column; the tables below name each in full.
                    + (report.inventory.scope3?.categories ?? []).map {
                        (text("climate_chart_scope3").replacingOccurrences(of: "{n}", with: String($0.category)), $0.tonnes)
                    }))
        gases = inventory.tables.first { $0.anchor == "gases" }?.rows ?? []
        partHeaders = inventory.partHeaders
        energy = [
            inventory.totals[5], inventory.totals[6],
            .init(
                label: text("climate_energy_gj"),
                value: WebNumbers.grouped(report.energyGJ, decimals: 1)
                    + " (\(report.standardCoalHeat.value) \(report.standardCoalHeat.unit), \(report.standardCoalHeat.id))"),
            .init(
                label: text("climate_green_power_share"),
                value: report.greenPowerShare.map { WebNumbers.grouped($0 * 100, decimals: 2) + " %" } ?? "—"),
        ]
        carriers = inventory.carriers
        intensities = inventory.intensities
        hasIntensities = inventory.hasIntensities
        scope3 = inventory.scope3
        reductions = report.reductions.map {
            Row(
                key: "\($0.unitCode) \($0.code)", name: $0.name,
                cells: [
                    $0.measure ?? "—", Self.stageName($0.stage, language), String($0.firstYear), InventoryReportPage.tonnes($0.plannedTce),
                    InventoryReportPage.tonnes($0.plannedT), $0.verifiedT.map(InventoryReportPage.tonnes) ?? "—",
                ])
        }
        hasReductions = !reductions.isEmpty
        assets = report.assetUse.map {
            Row(
                key: InstrumentKind(rawValue: $0.instrument)?.name(in: language) ?? $0.instrument,
                name: LedgerAction(rawValue: $0.action)?.name(in: language) ?? $0.action,
                cells: [WebNumbers.grouped(Double($0.quantity), decimals: 0)])
        }
        hasAssets = !assets.isEmpty
        targets = report.targets.map { SupervisorReportPage.targetRow($0, strings: t, language: language) }
        hasTargets = !targets.isEmpty
        footprints = report.footprints.map {
            Row(
                key: "#\($0.modelId)", name: "\($0.unitCode) · \($0.name)",
                cells: [$0.declaredUnit, WebNumbers.grouped($0.footprintKg, decimals: 3)])
        }
        hasFootprints = !footprints.isEmpty
        index = report.index.map { entry in
            IndexRow(
                what: entry.what(language), value: Self.indexValue(entry.key, report, inventory: inventory, text),
                gri: entry.gri.isEmpty ? "—" : "GRI \(entry.gri)",
                ifrs: entry.ifrsS2.isEmpty ? "—" : "IFRS S2 ¶\(entry.ifrsS2)", anchor: entry.section,
                sectionTitle: text(Self.sectionTitleKeys[entry.section] ?? "climate_index"), unchecked: entry.grade == "U")
        }
        self.printedOn = printedOn
    }

    /// The figure an index line points at, as the section prints it.
    static func indexValue(
        _ key: String, _ report: ClimateDisclosure, inventory: InventoryReportPage, _ text: (String) -> String
    ) -> String {
        let total = report.inventory.total
        let t = InventoryReportPage.tonnes
        switch key {
        case "scope1": return t(total.scope1T) + " tCO2e"
        case "gases": return report.inventory.byGas.map(\.key).joined(separator: ", ")
        case "scope2_location": return t(total.scope2LocationT) + " tCO2e"
        case "scope2_market": return t(total.scope2MarketT) + " tCO2e"
        case "scope3": return report.inventory.scope3.map { t($0.totalTonnes) + " tCO2e" } ?? "—"
        case "scope3_categories":
            return report.inventory.scope3.map { $0.categories.map { String($0.category) }.joined(separator: ", ") } ?? "—"
        case "approach":
            return report.inventory.basis.standards.joined(separator: "; ") + "; GWP \(report.inventory.basis.gwpSet)"
        case "base_year": return report.baseYear.map { "\($0.year): " + t($0.scope1T + $0.scope2LocationT) + " tCO2e" } ?? "—"
        case "consolidation": return text("report_consolidation_\(report.inventory.basis.consolidation.rawValue)")
        case "intensity", "energy_intensity":
            guard let first = report.inventory.intensities.first else { return "—" }
            return key == "intensity"
                ? WebNumbers.grouped(first.co2eLocationTPerTenThousandYuan, decimals: 4) + " tCO2e/10^4 CNY"
                : WebNumbers.grouped(first.tceCalorificPerTenThousandYuan, decimals: 4) + " tce/10^4 CNY"
        case "energy":
            return t(total.tceCalorific) + " tce; " + WebNumbers.grouped(report.energyGJ, decimals: 1) + " GJ"
        case "reductions": return t(report.reductionsT) + " tCO2e"
        case "targets": return String(report.targets.count)
        case "carbon_credits": return WebNumbers.grouped(Double(report.assetUse.reduce(0) { $0 + $1.quantity }), decimals: 0)
        default: return "—"
        }
    }
}

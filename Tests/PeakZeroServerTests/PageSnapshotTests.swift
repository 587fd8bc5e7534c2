import Accounting
import Foundation
import Testing

@testable import PeakZeroServer
@testable import Persistence

/// Each page rendered from a mock model and compared with the HTML kept in `Snapshots/`: a key a
/// template names but the model lacks renders as nothing in mustache, and only a snapshot shows it.
/// After a deliberate change, `PEAKZERO_RECORD_SNAPSHOTS=1 swift test --filter PageSnapshotTests`
/// writes them again; review the difference before committing.
@Suite("Page snapshots from mock models", SignedInPages())
struct PageSnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    static let renderer = try! PageRenderer.load()

    static func expectSnapshot(_ page: String, named name: String) throws {
        // When the page was made (the print header's date) differs from run to run.
        let html = page.replacingOccurrences(
            of: #"<span class="printed-at">[^<]*</span>"#, with: #"<span class="printed-at"><time></span>"#,
            options: .regularExpression)
        let file = folder.appendingPathComponent("\(name).html")
        let record = ProcessInfo.processInfo.environment["PEAKZERO_RECORD_SNAPSHOTS"] == "1"
        guard !record, let kept = try? String(contentsOf: file, encoding: .utf8) else {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try html.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("snapshot \(name) recorded; run the tests again")
            return
        }
        if kept != html {
            let keptLines = kept.split(separator: "\n", omittingEmptySubsequences: false)
            let newLines = html.split(separator: "\n", omittingEmptySubsequences: false)
            let first = Array(zip(keptLines, newLines)).firstIndex { $0 != $1 } ?? min(keptLines.count, newLines.count)
            Issue.record(
                "snapshot \(name) differs at line \(first + 1):\n  kept: \(first < keptLines.count ? keptLines[first] : "")\n  now:  \(first < newLines.count ? newLines[first] : "")"
            )
        }
    }

    /// A roll-up of made-up figures: two children, three items, twelve months.
    static func rollup(year: Int, scale: Double) -> Rollup {
        func figures(_ tce: Double, _ scope1: Double, _ scope2: Double) -> IndicatorFigures {
            IndicatorFigures(
                energyCalorific: StandardCoal(tce * scale, .tonneCoalEquivalent),
                energyEquivalent: StandardCoal(tce * scale * 1.1, .tonneCoalEquivalent),
                scope1: Emissions(scope1 * scale, .tonneCO2e),
                scope2LocationBased: Emissions(scope2 * scale, .tonneCO2e),
                scope2MarketBased: Emissions(scope2 * scale * 0.9, .tonneCO2e),
                outputValue: Money(400_000, .tenThousandYuan))
        }
        let inventory = try! JSONDecoder().decode(
            StoredInventory.self,
            from: Data(
                """
                {"id": \(year), "unitId": 1, "year": \(year), "version": 1, "gwp": "AR5", "scope2": "location",
                 "fuelParameters": "defaults", "factorLibrary": "bundled", "stale": 0, "recordCount": 36,
                 "scope1T": 1, "scope2LocationT": 1, "scope2MarketT": 1, "tceCalorific": 1, "tceEquivalent": 1,
                 "computedAt": "2025-02-01T00:00:00Z"}
                """.utf8))
        return Rollup(
            year: year, totals: figures(120_000, 200_000, 60_000), previousYear: nil,
            byMonth: (1...12).map { (Optional($0), figures(10_000, 16_000 + Double($0) * 100, 5_000)) },
            byScope: [],
            byItem: [
                ("bituminous_coal", figures(80_000, 190_000, 0)), ("electricity", figures(30_000, 0, 60_000)),
                ("natural_gas", figures(10_000, 10_000, 0)),
            ],
            byCategory: [], byChild: [("2", figures(70_000, 150_000, 20_000)), ("3", figures(50_000, 50_000, 40_000))],
            inventories: [inventory], uncoveredRoots: [])
    }

    static func unitPage(_ language: Language) -> DashboardPage {
        let strings = renderer.strings
        let t = strings.table(language)
        let children = [
            Dashboard.Child(key: "2", name: "一号企业", url: SiteURL.unit(id: 2, year: 2024).link(language)),
            Dashboard.Child(key: "3", name: "Second & Co.", url: SiteURL.unit(id: 3, year: 2024).link(language)),
        ]
        return DashboardPage(
            layout: PageLayout(
                strings: strings, language: language, title: "示范集团", current: .unit,
                sameIn: { _ in .unit(id: 1, year: nil) }),
            heading: "示范集团", isOverview: false,
            facts: [.init(label: t.table["code"]!, value: "G1"), .init(label: t.table["level"]!, value: t.table["level_group"]!)],
            crumbs: [.init(name: "监管机构", url: SiteURL.unit(id: 9, year: 2024).link(language))], formAction: "/units/1",
            lang: language.rawValue, year: 2024,
            years: [.init(value: 2024, selected: true), .init(value: 2023, selected: false)],
            dashboard: Dashboard(
                current: rollup(year: 2024, scale: 1), year: 2024, previous: rollup(year: 2023, scale: 0.95),
                children: children, method: .location, strings: strings, language: language),
            children: [
                .init(
                    code: "E1", name: "一号企业", url: children[0].url, level: t.table["level_enterprise"]!, emissions: "17.00 万",
                    emissionsSort: "170000", energy: "7.00 万", energySort: "70000", change: "+5.3%")
            ], hasChildren: true, childrenTitle: t.table["children"]!,
            basis: [
                .init(label: "清单 #7", url: SiteURL.inventory(id: 7, unit: 1, page: nil).link(language), stale: true)
            ],
            hasBasis: true, notes: ["1 个顶层单位尚无清单"], coverage: coverage(language),
            links: [.init(name: t.table["region_page"]!, url: SiteURL.region(code: "510104", year: nil).link(language))],
            lagging: [], hasLagging: false, warningsURL: SiteURL.warnings.link(language), compute: nil, tileMap: nil)
    }

    /// Two facilities reporting monthly and one yearly; one March missing; the year still running in May.
    static func coverage(_ language: Language) -> CoverageGrid {
        let t = renderer.strings.table(language)
        func unit(_ id: Int64, _ parent: Int64?, _ reporting: ReportingUnit.ReportingClass) -> ReportingUnit {
            ReportingUnit(
                id: id, code: "U\(id)", name: "单位\(id)", level: parent == nil ? .enterprise : .facility,
                parentID: parent,
                industryCode: nil, regionCode: "510104", ownershipShare: 1, reportingClass: reporting)
        }
        let subtree = [unit(1, nil, .monthly), unit(2, 1, .monthly), unit(3, 1, .monthly), unit(4, 1, .yearly)]
        let periods = (1...4).flatMap { month in
            [2, 3].compactMap { id -> ReportedPeriod? in
                id == 3 && month == 3 ? nil : ReportedPeriod(unitId: id, month: month, records: 2)
            }
        }
        return CoverageGrid(
            unit: subtree[0], subtree: subtree, periods: periods, year: 2026, today: (2026, 5),
            months: Dashboard.monthLabels(t, language) + [t.table["annual"]!], t: t,
            address: { SiteURL.unit(id: $0.id, year: 2026).link(language) })
    }

    @Test("a unit's page, in Chinese and in English", arguments: [Language.zh, .en])
    func unit(_ language: Language) throws {
        try Self.expectSnapshot(
            Self.renderer.html(Self.unitPage(language), template: "dashboard"), named: "unit-\(language.rawValue)")
    }

    @Test("the unit list and the empty page")
    func listAndEmpty() throws {
        let strings = Self.renderer.strings
        let list = UnitList(
            layout: PageLayout(
                strings: strings, language: .zh, title: "单位", current: .units, sameIn: { _ in .units(search: "示范") }),
            search: "示范", region: "510104", regionName: "锦江区", lang: "zh",
            rows: [
                .init(
                    code: "G1", name: "示范集团", url: SiteURL.unit(id: 1, year: nil).link(.zh), level: "集团",
                    region: "510000",
                    indent: 0)
            ], hasRows: true, searched: true)
        try Self.expectSnapshot(Self.renderer.html(list, template: "units"), named: "units-zh")
        let empty = EmptyPage(
            layout: PageLayout(
                strings: strings, language: .en, title: "Not found", current: .overview,
                sameIn: { _ in .overview(year: nil) }),
            message: strings.text(.notFound, .en))
        try Self.expectSnapshot(Self.renderer.html(empty, template: "empty"), named: "empty-en")
    }

    @Test("the regions page, an inventory's page and a line's lineage")
    func tracePages() throws {
        let strings = Self.renderer.strings
        func layout(_ language: Language, _ title: String, _ page: SitePage, _ url: SiteURL) -> PageLayout {
            PageLayout(strings: strings, language: language, title: title, current: page, sameIn: { _ in url })
        }
        let regions = RegionList(
            layout: layout(.zh, "地区", .regions, .regions),
            rows: [
                .init(
                    name: "四川", code: "510000", level: "省", units: 12,
                    url: SiteURL.region(code: "510000", year: nil).link(.zh),
                    indent: 0),
                .init(
                    name: "成都市", code: "510100", level: "市", units: 5,
                    url: SiteURL.region(code: "510100", year: nil).link(.zh), indent: 1),
            ], hasRows: true)
        try Self.expectSnapshot(Self.renderer.html(regions, template: "regions"), named: "regions-zh")
        let factor = FactorRow(
            id: "GRID-113", set: "PeakZero CN 2026.11", kind: "average grid emission factor", item: "—", region: "51",
            variant: "", year: "2023", value: "0.1564", unit: "tCO2/MWh", grade: "V",
            gradeTitle: strings.table(.en).text(forKey: "grade_V"), source: "MEE & NBS notice", document: "公告2025年第47号",
            published: "2025-12-31", url: "https://www.mee.gov.cn/", notes: nil, anchor: "factor-GRID-113")
        let inventory = InventoryPage(
            layout: layout(.en, "Inventory #7 of 2024 (version 2)", .inventory, .inventory(id: 7, unit: 3, page: 2)),
            heading: "Inventory #7 of 2024 (version 2)",
            crumbs: [.init(name: "Demo Group", url: SiteURL.unit(id: 1, year: 2024).link(.en))],
            facts: [.init(label: "Year", value: "2024"), .init(label: "Version", value: "2")],
            totals: [.init(label: "Scope 1 (direct)", value: "1,234.500 tCO2e")], stale: true,
            scopeNote: "Only the lines of Plant 3 and the units below it",
            allLinesURL: SiteURL.inventory(id: 7, unit: nil, page: nil).link(.en),
            lines: [
                .init(
                    record: "41", unit: "Plant 3", period: "2024-03", item: "Electricity", scope: "Scope 2",
                    emissions: "374.808", energy: "294.526",
                    url: SiteURL.inventoryLine(inventory: 7, record: 41).link(.en))
            ], hasLines: true,
            pager: .init(
                text: "101–101 of 101", previous: SiteURL.inventory(id: 7, unit: 3, page: 1).link(.en), next: nil),
            factors: [factor], exportURL: "/api/v1/exports/inventories/7?format=xlsx&lang=en")
        try Self.expectSnapshot(Self.renderer.html(inventory, template: "inventory"), named: "inventory-en")
        let lineage = LineagePage(
            layout: layout(.zh, "记录 41 的计算过程", .inventoryLine, .inventoryLine(inventory: 7, record: 41)),
            heading: "记录 41 的计算过程",
            crumbs: [.init(name: "清单 #7", url: SiteURL.inventory(id: 7, unit: nil, page: nil).link(.zh))],
            record: [.init(label: "单位", value: "三号厂 (F3)"), .init(label: "数量", value: "239.647 10^4kWh")],
            recordMissing: true, batch: [.init(label: "批次", value: "#1 · 文件导入")],
            results: [.init(label: "基于位置", value: "374.808 吨二氧化碳当量")],
            factors: [
                .init(
                    kind: "电网平均排放因子", value: "0.1564", unit: "tCO2/MWh", notes: ["2024 年因子尚未发布，采用最近的 2023 年"],
                    citation: factor),
                .init(kind: "低位发热量", value: "42.1", unit: "GJ/t", notes: [], citation: nil),
            ])
        try Self.expectSnapshot(Self.renderer.html(lineage, template: "lineage"), named: "lineage-zh")
    }

    @Test("a record form with a problem beside its field, and the import page with a dry run's report")
    func formsAndImport() throws {
        let strings = Self.renderer.strings
        let t = strings.table(.en)
        let form = RecordForm(
            layout: PageLayout(
                strings: strings, language: .en, title: "New activity record", current: .recordNew,
                sameIn: { _ in .newRecord(.activity, unit: nil) }),
            heading: "New activity record", action: SiteURL.createRecord(.activity).link(.en), lang: "en",
            fields: [
                .init(
                    name: "quantity", label: t.table["field_quantity"]!, value: "-3", error: "the quantity is negative",
                    hint: nil, required: true, options: [], isSelect: false, inputMode: "decimal", id: "field-quantity"),
                .init(
                    name: "item", label: t.table["field_item"]!, value: "diesel", error: nil, hint: "choose one",
                    required: true, options: [.init(value: "diesel", label: "Diesel", selected: true)], isSelect: true,
                    inputMode: "text", id: "field-item"),
            ], errors: ["a problem of the whole record"], hasErrors: true, submit: t.table["save"]!,
            cancelURL: SiteURL.units(search: "F1").link(.en))
        try Self.expectSnapshot(Self.renderer.html(form, template: "record-form"), named: "record-form-en")
        let page = ImportPage(
            layout: PageLayout(
                strings: strings, language: .zh, title: "导入数据", current: .importForm, sameIn: { _ in .importForm }),
            action: SiteURL.importUpload.link(.zh), confirmAction: SiteURL.importConfirm.link(.zh),
            kinds: [("", "（按文件判断）"), ("activity", "活动数据")],
            templates: [.init(name: "活动数据", url: "/api/v1/templates/activity?format=xlsx&lang=zh")], problem: nil,
            report: .init(
                title: "检查结果（试运行，未写入）", summary: "导入 bad.csv", outcome: "试运行：未写入任何数据；请先修正上述错误。", succeeded: false,
                errors: [.init(sheet: "", row: "2", column: "D 数量", message: "数量为负数")], hasErrors: true, more: nil,
                warnings: [], hasWarnings: false),
            pending: PendingImport(name: "good.csv", hash: String(repeating: "a", count: 64), kind: nil, mode: .append))
        try Self.expectSnapshot(Self.renderer.html(page, template: "import"), named: "import-zh")
        let records = RecordsPage(
            layout: PageLayout(
                strings: strings, language: .en, title: "Records of Plant 3, 2024", current: .records,
                sameIn: { _ in .records(unit: 3, year: 2024) }),
            heading: "Records of Plant 3, 2024",
            crumbs: [.init(name: "Plant 3", url: SiteURL.unit(id: 3, year: 2024).link(.en))],
            formAction: SiteURL.records(unit: 3, year: nil).path, lang: "en",
            years: [.init(value: 2024, selected: true), .init(value: 2023, selected: false)],
            saved: "Record #41 saved.",
            tables: [
                .init(
                    title: "Activity data", headers: ["Item", "Quantity", "Unit of measure"],
                    rows: [
                        .init(
                            id: "41", unit: "F3", period: "2024-03", cells: ["Diesel", "12.5", "t"],
                            editURL: SiteURL.editRecord(.activity, id: 41).link(.en),
                            deleteAction: SiteURL.deleteRecord(.activity, id: 41).link(.en))
                    ], hasRows: true, addURL: SiteURL.newRecord(.activity, unit: 3).link(.en),
                    more: nil, exportURL: PageHandlers.exportURL("activity", unit: 3, year: 2024, .en),
                    pager: .init(
                        text: "Page 1 of 2 (501 records)", previous: nil,
                        next: SiteURL.records(unit: 3, year: 2024, page: 2).link(.en))),
                .init(
                    title: "Economic data", headers: ["Output value"], rows: [], hasRows: false,
                    addURL: SiteURL.newRecord(.economic, unit: 3).link(.en), more: nil,
                    exportURL: PageHandlers.exportURL("economic", unit: 3, year: 2024, .en), pager: nil),
            ])
        try Self.expectSnapshot(Self.renderer.html(records, template: "records"), named: "records-en")
    }

    @Test("the factor library with a refused upload, from a mock model")
    func factorLibrary() throws {
        let strings = Self.renderer.strings
        let t = strings.table(.en)
        let factor = FactorRow(
            id: "MY-1", set: "sichuan", kind: "average grid emission factor", item: "Electricity", region: "51",
            variant: "", year: "2024", value: "0.1", unit: "tCO2/MWh", grade: "U", gradeTitle: t.table["grade_U"]!,
            source: "Sichuan notice", document: nil, published: nil, url: nil, notes: "provisional",
            anchor: "factor-MY-1")
        func option(_ value: String, _ label: String, _ selected: Bool = false) -> RecordForm.Option {
            .init(value: value, label: label, selected: selected)
        }
        let page = FactorLibraryPage(
            layout: PageLayout(
                strings: strings, language: .en, title: t.table["factor_library"]!, current: .factors,
                sameIn: { _ in .factors(FactorFilter(grade: "U"), added: nil) }),
            version: "PeakZero CN 2026.11 (3f2a) + sichuan (9c1d)", lang: "en", action: "/factors",
            kinds: [option("", "All"), option("grid_average", "average grid emission factor")],
            items: [option("", "All", true)], grades: [option("", "All"), option("U", t.table["grade_U"]!, true)],
            sets: [option("", "All", true), option("sichuan", "sichuan")], count: "Showing 1 of 289 factors",
            factors: [factor], pager: nil, gradeCounts: [.init(label: "U", value: "\(t.table["grade_U"]!) · 15")],
            userSets: [
                .init(
                    name: "sichuan", entries: "2", fingerprint: "9c1d", added: "2026-11-21T10:00:00Z",
                    url: SiteURL.factors(FactorFilter(set: "sichuan"), added: nil).link(.en),
                    deleteAction: SiteURL.deleteFactorSet(id: 1).link(.en))
            ], added: nil, uploadAction: SiteURL.uploadFactorSet.link(.en),
            upload: .init(
                problem: t.table["factor_set_refused"]!,
                issues: [.init(sheet: "bad.csv", row: "2", column: "value", message: "“abc” is not a number")],
                name: "mine"),
            columns: "id, kind, item, value, unit, grade, source")
        try Self.expectSnapshot(Self.renderer.html(page, template: "factors"), named: "factors-en")
    }
}

/// Renders a suite's pages as for a signed-in account (the frame shows its name, the menu, and the
/// form token in every form), as a request through the sign-in check would.
struct SignedInPages: SuiteTrait, TestTrait, TestScoping {
    var isRecursive: Bool { true }

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let account = Account(id: 1, name: "ann", createdAt: "2026-01-01T00:00:00Z", grants: [.admin])
        try await Identity.$current.withValue(Identity(account: account, credential: .session(csrfToken: "pzc_test"))) {
            try await function()
        }
    }
}

import Accounting
import Foundation
import Testing

@testable import PeakZeroServer
@testable import Persistence

/// Each page rendered from a mock model and compared with the HTML kept in `Snapshots/`: a key a
/// template names but the model lacks renders as nothing in mustache, and only a snapshot shows it.
/// After a deliberate change, `PEAKZERO_RECORD_SNAPSHOTS=1 swift test --filter PageSnapshotTests`
/// writes them again; review the difference before committing.
@Suite("Page snapshots from mock models")
struct PageSnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    static let renderer = try! PageRenderer.load()

    static func expectSnapshot(_ html: String, named name: String) throws {
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

    static func unitPage(_ language: Language) -> UnitPage {
        let strings = renderer.strings
        let t = strings.table(language)
        let children = [
            Dashboard.Child(key: "2", name: "一号企业", url: SiteURL.unit(id: 2, year: 2024).link(language)),
            Dashboard.Child(key: "3", name: "Second & Co.", url: SiteURL.unit(id: 3, year: 2024).link(language)),
        ]
        return UnitPage(
            layout: PageLayout(
                strings: strings, language: language, title: "示范集团", current: .unit,
                sameIn: { _ in .unit(id: 1, year: nil) }),
            heading: "示范集团", isOverview: false,
            facts: [.init(label: t["code"]!, value: "G1"), .init(label: t["level"]!, value: t["level_group"]!)],
            crumbs: [.init(name: "监管机构", url: SiteURL.unit(id: 9, year: 2024).link(language))], formAction: "/units/1",
            lang: language.rawValue, year: 2024,
            years: [.init(value: 2024, selected: true), .init(value: 2023, selected: false)],
            dashboard: Dashboard(
                current: rollup(year: 2024, scale: 1), year: 2024, previous: rollup(year: 2023, scale: 0.95),
                children: children, method: .location, strings: strings, language: language),
            children: [
                .init(
                    code: "E1", name: "一号企业", url: children[0].url, level: t["level_enterprise"]!, emissions: "17.00 万",
                    emissionsSort: "170000", energy: "7.00 万", energySort: "70000", change: "+5.3%")
            ], hasChildren: true)
    }

    @Test("a unit's page, in Chinese and in English", arguments: [Language.zh, .en])
    func unit(_ language: Language) throws {
        try Self.expectSnapshot(
            Self.renderer.html(Self.unitPage(language), template: "unit"), named: "unit-\(language.rawValue)")
    }

    @Test("the unit list and the empty page")
    func listAndEmpty() throws {
        let strings = Self.renderer.strings
        let list = UnitList(
            layout: PageLayout(
                strings: strings, language: .zh, title: "单位", current: .units, sameIn: { _ in .units(search: "示范") }),
            search: "示范", lang: "zh",
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
            message: strings.text("not_found", .en))
        try Self.expectSnapshot(Self.renderer.html(empty, template: "empty"), named: "empty-en")
    }
}

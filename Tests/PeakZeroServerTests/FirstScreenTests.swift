import Accounting
import Foundation
import Governance
import HummingbirdTesting
import Persistence
import PersistenceTestSupport
import Testing

@testable import PeakZeroServer

/// The first screen answers "how do we stand against the targets, and who is behind?" — issue's
/// demo check: each target's light on its card and the lagging list below the cards.
@Suite("The first screen: targets on the cards, the lagging below")
struct FirstScreenTests {
    /// The unapproved-records banner as the page words it.
    func renderer(_ language: Language) -> String {
        PageSnapshotTests.renderer.strings.table(language)[.unapprovedNote]
    }

    @Test("the demo overview and the province's page show their targets' lights and the lagging", arguments: [Language.zh, .en])
    func demoFirstScreen(_ language: Language) async throws {
        try await TestDatabases.withDemoDatabase { database async throws in
            try await withSignedInApp(database, clock: DemoPageSnapshotTests.clock) { client, _ in
                func page(_ url: SiteURL) async throws -> String {
                    try await client.execute(uri: url.link(language), method: .get) { String(buffer: $0.body) }
                }
                let board = GovernanceBoard(database, currentYear: DemoPageSnapshotTests.clock.year)
                let targets = try await TargetStore(database).list(scope: .everything)
                let supervisor = try await UnitStore(database).unit(code: DemoProvince.supervisorCode)

                // The supervisor's own emissions cap (yellow in the demo) sits on the emissions card.
                let overview = try await page(.overview(year: 2024))
                let cap = try #require(targets.first { $0.subject == .unit(supervisor.id) && $0.target.indicator == .carbonTotal })
                let capLight = try await board.progress(of: cap).light
                let cards = try #require(overview.components(separatedBy: "<section class=\"cards\"").last?
                    .components(separatedBy: "</section>").first)
                let emissionsCard = try #require(cards.components(separatedBy: "<article").dropFirst().dropFirst().first)
                #expect(emissionsCard.contains("card-\(capLight.rawValue)"))
                #expect(emissionsCard.contains(SiteURL.target(id: cap.id).link(language)))
                #expect(emissionsCard.contains(language == .zh ? "完成进度" : "of the limit used"))
                // Below: every red child target of the supervisor's tree, each linked.
                let lagging = try #require(overview.components(separatedBy: "<section class=\"lagging\">").last)
                var red = 0
                for stored in targets where stored.id != cap.id {
                    guard case .unit = stored.subject, try await board.progress(of: stored).light == .red else { continue }
                    red += 1
                    #expect(lagging.contains(SiteURL.target(id: stored.id).link(language)), "\(stored.name)")
                }
                #expect(red > 0, "the demo has red targets below the supervisor")
                // The overview's link to the warnings counts every warning of the scope, judged once.
                let warnings = try await board.warnings(scope: .everything, today: DemoPageSnapshotTests.clock.today)
                let title = PageSnapshotTests.renderer.strings.table(language)[.warningsTitle]
                #expect(overview.contains(">\(title) \(warnings.count)</a>"), "\(warnings.count) warnings")

                // The province: its intensity target on the carbon-intensity card with the base named,
                // the yellow cities below it by name.
                let province = try await page(.region(code: "510000", year: 2024))
                let intensity = try #require(targets.first { $0.subject == .region(RegionPrefix("51")!) })
                let provinceCards = try #require(province.components(separatedBy: "<section class=\"cards\"").last?
                    .components(separatedBy: "</section>").first)
                let carbonCard = try #require(provinceCards.components(separatedBy: "<article").last)
                #expect(carbonCard.contains(SiteURL.target(id: intensity.id).link(language)))
                #expect(carbonCard.contains(language == .zh ? "（按增加值计）" : "(per value added)"))
                // The card is per output value; the other base is given beside it, as the roll-up has it.
                let rollup = try await RollupStore(database).rollup(
                    .region(RegionPrefix("51")!), year: 2024, previousYear: false)
                let perValueAdded = try #require(rollup.totals.carbonIntensity(per: .valueAdded, method: .location)?.value)
                #expect(carbonCard.contains(WebNumbers.intensity(perValueAdded)))
                let cities = try #require(province.components(separatedBy: "<section class=\"lagging\">").last)
                #expect(cities.contains(language == .zh ? "绵阳市" : "Mianyang City"))
                // The cities as tiles in their places, each coloured by its own target's light.
                let tiles = try #require(province.components(separatedBy: "<svg class=\"tiles\"").last?
                    .components(separatedBy: "</svg>").first)
                let mianyang = try #require(targets.first { $0.subject == .region(RegionPrefix("5107")!) })
                let light = try await board.progress(of: mianyang).light.rawValue
                let tile = try #require(tiles.components(separatedBy: "<a href=").first {
                    $0.contains(SiteURL.region(code: "510700", year: 2024).link(language).replacingOccurrences(of: "&", with: "&amp;")) })
                #expect(tile.contains("map-tile light-\(light)"), "\(tile)")
                #expect(tile.contains(language == .zh ? ">绵阳市<" : ">Mianyang City<"))

                // A facility's page warns of its own unapproved records, not its whole tree's.
                let root = try #require(try await InventoryStore(database).list(unitID: supervisor.id, year: 2024).first)
                let facility = try await UnitStore(database).unit(code: "DEMO-G2-E1-F1")
                let own = try await ReviewStore(database).unapprovedRecords(under: facility.id, year: 2024)
                // Where the stored inventory is current, the live count is the calculation's own.
                let live = try await ReviewStore(database).unapprovedRecords(under: supervisor.id, year: 2024)
                #expect(root.stale || live == root.unapprovedRecords, "\(live) \(String(describing: root.unapprovedRecords))")
                #expect(own > 0 && own < (root.unapprovedRecords ?? 0))
                let facilityPage = try await page(.unit(id: facility.id, year: 2024))
                let banner = renderer(language).replacingOccurrences(of: "{count}", with: String(own))
                #expect(facilityPage.contains(banner), "\(banner)")
            }
        }
    }
}

extension FirstScreenTests {
    @Test("a ranking with no figure on its measure says why, not a column of dashes")
    func emptyRankingSaysWhy() async throws {
        try await TestDatabases.withDemoDatabase { database async throws in
            try await withSignedInApp(database, clock: DemoPageSnapshotTests.clock) { client, _ in
                let supervisor = try await UnitStore(database).unit(code: DemoProvince.supervisorCode)
                // The demo's units carry emissions caps only: none has an energy-intensity target.
                let query = RankingQuery(unit: supervisor.id, indicator: "energy_intensity", year: 2024, by: "progress")
                for language in Language.allCases {
                    let html = try await client.execute(uri: SiteURL.rankings(query).link(language), method: .get) {
                        String(buffer: $0.body)
                    }
                    let reason = PageSnapshotTests.renderer.strings.table(language).text(forKey: "rankings_empty_progress")
                    #expect(!reason.isEmpty && html.contains(reason))
                    #expect(!html.contains("<td class=\"number\">—</td>"))
                }
                // Ranked by value the same units do have figures.
                let byValue = RankingQuery(unit: supervisor.id, indicator: "energy_intensity", year: 2024, by: "value")
                let html = try await client.execute(uri: SiteURL.rankings(byValue).link(.zh), method: .get) {
                    String(buffer: $0.body)
                }
                #expect(html.contains("<table class=\"figures\">"))
            }
        }
    }
}

extension FirstScreenTests {
    @Test("a target is split by hand on its page: a field per child, each child's cap kept; a bad figure named")
    func manualSplitForm() async throws {
        try await TestDatabases.withDemoDatabase { database async throws in
            try await withSignedInApp(database, clock: DemoPageSnapshotTests.clock) { client, _ in
                let supervisor = try await UnitStore(database).unit(code: DemoProvince.supervisorCode)
                let cap = try #require(
                    try await TargetStore(database).list(scope: .everything).first {
                        $0.subject == .unit(supervisor.id) && $0.target.indicator == .carbonTotal
                    })
                let groups = try await UnitStore(database).children(of: supervisor.id)
                let page = try await client.execute(uri: SiteURL.target(id: cap.id).link(.zh), method: .get) {
                    String(buffer: $0.body)
                }
                #expect(!page.contains("/api/v1/targets"), "no API instruction on the page")
                for group in groups { #expect(page.contains("name=\"child_u\(group.id)\"")) }
                #expect(page.contains("上限（吨二氧化碳当量）"))

                var fields = ["method": "manual"]
                for (index, group) in groups.enumerated() { fields["child_u\(group.id)"] = String(100_000 * (index + 1)) }
                fields["child_u\(groups[0].id)"] = "abc"
                let refused = try await WebDataPagesTests.post(client, SiteURL.splitTarget(id: cap.id).link(.zh), fields)
                #expect(refused.status == .unprocessableContent)
                #expect(refused.html.contains("「\(groups[0].name)」的目标值“abc”不是可用的数字"))

                // A figure the rules for every target refuse (a cap of zero) is refused as the API refuses it.
                fields["child_u\(groups[0].id)"] = "0"
                let zero = try await WebDataPagesTests.post(client, SiteURL.splitTarget(id: cap.id).link(.zh), fields)
                #expect(zero.status == .unprocessableContent)
                #expect(zero.html.contains("「\(groups[0].name)」的目标值“0”"))
                #expect(try await TargetStore(database).children(of: cap.id).allSatisfy { $0.target.kind != .cap(IndicatorAmount(0, of: .carbonTotal)) })

                fields["child_u\(groups[0].id)"] = "100,000"
                let split = try await WebDataPagesTests.post(client, SiteURL.splitTarget(id: cap.id).link(.zh), fields)
                #expect(split.status == .seeOther)
                let children = try await TargetStore(database).children(of: cap.id)
                #expect(children.count == groups.count)
                for (index, group) in groups.enumerated() {
                    let child = try #require(children.first { $0.subject == .unit(group.id) })
                    #expect(child.target.kind == .cap(IndicatorAmount(Double(100_000 * (index + 1)), of: .carbonTotal)))
                }
            }
        }
    }
}

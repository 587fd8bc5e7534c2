import Accounting
import Foundation
import HummingbirdTesting
import Persistence
import PersistenceTestSupport
import Testing

@testable import PeakZeroServer

/// The pages whose models have no mock (targets, warnings, rankings, grades, measures, the review
/// board, accounts, the audit trail, sign-in, projects, assets, compliance) rendered from the demo province on a fixed date and compared with their
/// kept HTML, in both languages: a key a model lacks renders as nothing, and only a snapshot shows it.
/// Times, hashes and tokens, which differ from run to run, are masked before comparing.
@Suite("Page snapshots from the demo province")
struct DemoPageSnapshotTests {
    /// 15 March 2025, noon in Beijing: after the demo's years, with one measure overdue.
    static let clock = ChinaClock { Date(timeIntervalSince1970: 1_742_011_200) }

    @Test("every page without a mock model, in Chinese and English", arguments: [Language.zh, .en])
    func demoPages(_ language: Language) async throws {
        try await TestDatabases.withDemoDatabase { database async throws in
            let units = UnitStore(database)
            let supervisor = try await units.unit(code: DemoProvince.supervisorCode)
            let all = try await units.list(scope: .everything)
            let enterprise = try #require(all.first { $0.level == .enterprise })
            let facility = try #require(all.first { $0.level == .facility })
            let target = try #require(try await TargetStore(database).list(scope: .everything).first)
            let biogas = try #require(try await ProjectStore(database).list(under: supervisor.id).first { $0.code == "BG-01" })
            let pages: [(String, SiteURL)] = [
                ("targets", .targets(unit: nil, region: nil)), ("target", .target(id: target.id)),
                ("warnings", .warnings), ("rankings", .rankings(RankingQuery(unit: supervisor.id))),
                ("grades", .grades(unit: supervisor.id, region: nil, year: 2024)),
                ("grade-history", .unitGrades(id: enterprise.id)), ("measures", .measures(unit: enterprise.id)),
                ("periods", .periods(unit: supervisor.id, year: 2024)),
                ("period", .period(unit: facility.id, period: try #require(ReportingPeriod(parsing: "2024-03")))),
                ("accounts", .accounts), ("audit", .audit(AuditQuery())),
                ("projects", .projects(unit: supervisor.id)), ("project", .project(id: biogas.id)),
                ("assets", .assets(unit: supervisor.id, date: "2025-12-31")),
                ("compliance", .compliance(unit: supervisor.id, year: 2024)),
            ]
            try await withSignedInApp(database, clock: Self.clock) { client, _ in
                for (name, url) in pages {
                    let html = try await client.execute(uri: url.link(language), method: .get) {
                        #expect($0.status == .ok, "\(name)")
                        return String(buffer: $0.body)
                    }
                    try PageSnapshotTests.expectSnapshot(Self.masked(html), named: "demo-\(name)-\(language.rawValue)")
                }
                let signIn = try await client.execute(
                    uri: SiteURL.signIn(next: nil).link(language), method: .get, headers: [.authorization: ""]
                ) { String(buffer: $0.body) }
                try PageSnapshotTests.expectSnapshot(Self.masked(signIn), named: "demo-signin-\(language.rawValue)")
            }
        }
    }

    /// The page with what changes between runs replaced by placeholders.
    static func masked(_ html: String) -> String {
        var text = html
        for (pattern, placeholder) in [
            (#"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?"#, "<time>"), (#"[0-9a-f]{64}"#, "<hash>"),
            (#"(?<=>)[0-9a-f]{12}(?=</code>)"#, "<hash>"),
            (#"name="csrf" value="[^"]*""#, #"name="csrf" value="<token>""#),
        ] {
            text = text.replacingOccurrences(of: pattern, with: placeholder, options: .regularExpression)
        }
        // The day the test's accounts were made (by the clock of the machine, in UTC and in China).
        for zone in ["UTC", "Asia/Shanghai"] {
            let day = Date().formatted(
                Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: zone)!).year().month().day())
            text = text.replacingOccurrences(of: "<td>\(day)</td>", with: "<td><today></td>")
        }
        return text
    }
}

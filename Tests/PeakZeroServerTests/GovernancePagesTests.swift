import Accounting
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Persistence
import PersistenceTestSupport
import Testing

@testable import PeakZeroServer

/// The target, warning, ranking, grade and measure pages on the demo province.
@Suite("Web pages: targets, warnings, rankings, grades, measures")
struct GovernancePagesTests {
    @Test("a province's target split to its cities: lights, the tile map, the trajectory, the check")
    func provinceTarget() async throws {
        try await withDemoAPI { client, database in
            let list = try await WebPagesTests.page(client, "/targets?lang=en")
            #expect(list.status == .ok && list.html.contains("四川省碳排放强度下降"))
            #expect(list.html.contains("class=\"light light-"))
            let province = try #require(
                try await TargetStore(database).list(scope: .everything, subject: .region(RegionPrefix("51")!)).first)
            let page = try await WebPagesTests.page(client, "/targets/\(province.id)?lang=en")
            #expect(page.status == .ok)
            #expect(page.html.contains("<rect class=\"tile light-"))
            #expect(page.html.contains("Target and actual"))
            #expect(page.html.contains("at least as strict"))
            // Who is off track comes first: the children ranked by forecast ÷ limit.
            let ratios = WebPagesTests.matches(of: #"<td class="number">([0-9.]+)%</td>"#, in: page.html).compactMap(
                Double.init)
            #expect(ratios.count >= 2 && ratios == ratios.sorted(by: >))
            let zh = try await WebPagesTests.page(client, "/targets/\(province.id)?lang=zh")
            #expect(zh.html.contains("分解校核") && zh.html.contains("目标与实际轨迹"))
        }
    }

    @Test("the supervisor's emissions cap shows its amounts as amounts: no 1e+06 on the axis or in the check")
    func capAmounts() async throws {
        try await withDemoAPI { client, database in
            let supervisor = try await UnitStore(database).unit(code: DemoProvince.supervisorCode)
            let cap = try #require(try await TargetStore(database).list(scope: .everything, subject: .unit(supervisor.id)).first)
            for language in ["en", "zh"] {
                let page = try await WebPagesTests.page(client, "/targets/\(cap.id)?lang=\(language)")
                #expect(page.status == .ok)
                let exponents = WebPagesTests.matches(of: #"([0-9.]+e[+-][0-9]+)"#, in: page.html)
                #expect(exponents.isEmpty, "\(language): \(exponents)")
            }
        }
    }

    @Test("warnings, rankings and grades answer in both languages with the demo's units")
    func supervision() async throws {
        try await withDemoAPI { client, database in
            let supervisor = try await UnitStore(database).unit(code: DemoProvince.supervisorCode)
            // The overview counts the warnings in scope: the demo's overdue measure and its yellow targets.
            let overview = try await WebPagesTests.page(client, "/?lang=en")
            let count = try #require(WebPagesTests.matches(of: #">Warnings (\d+)<"#, in: overview.html).first)
            #expect((Int(count) ?? 0) >= 1)
            let warnings = try await WebPagesTests.page(client, "/warnings?lang=en")
            #expect(warnings.html.contains("overdue measure") && warnings.html.contains("余热回收改造"))
            let ranked = try await WebPagesTests.page(
                client, "/rankings?unit=\(supervisor.id)&year=2024&indicator=carbon_total&lang=en")
            #expect(ranked.status == .ok)
            #expect(WebPagesTests.matches(of: #"<tr><td class="number">(\d+)<"#, in: ranked.html) == ["1", "2", "3"])
            // Without a year, the pages show the latest year an inventory covers (the demo's 2024).
            let latest = try await WebPagesTests.page(client, "/rankings?unit=\(supervisor.id)&lang=en")
            #expect(latest.html.contains("<option value=\"2024\" selected>"))
            #expect(WebPagesTests.matches(of: #"<tr><td class="number">(\d+)<"#, in: latest.html).count == 3)
            let grades = try await WebPagesTests.page(
                client, "/carbon-efficiency?unit=\(supervisor.id)&year=2024&lang=zh")
            #expect(grades.status == .ok && grades.html.contains("碳效等级分布") && grades.html.contains("规上工业企业碳效等级评价方法"))
            let cement = try await UnitStore(database).unit(code: "DEMO-G2-E3")
            let history = try await WebPagesTests.page(client, "/units/\(cement.id)/carbon-efficiency?lang=en")
            #expect(history.status == .ok && history.html.contains("2024"))
        }
    }

    @Test("an enterprise sees its own target, its grade and its list of measures, and keeps the list")
    func enterprise() async throws {
        try await withDemoAPI { client, database in
            let measured = try await MeasureStore(database).list(
                under: try await UnitStore(database).unit(code: DemoProvince.supervisorCode).id)
            let targets = try await TargetStore(database).list(scope: .everything)
            let enterprise = try #require(
                measured.map(\.unitId).first { id in targets.contains { $0.subject == .unit(id) } })
            let accounts = AccountStore(database, cost: 4)
            let account = try await accounts.create(
                name: "ent", password: "a long password", grants: [RoleGrant(role: .reporter, unitID: enterprise)])
            let headers: HTTPFields = [
                .authorization: "Bearer \(try await accounts.makeToken(for: account, name: "t").secret)"
            ]
            let own = try await WebPagesTests.page(client, "/targets?lang=en", headers: headers)
            #expect(own.html.contains("国资委监管企业碳排放总量"))
            #expect(!own.html.contains("四川省碳排放强度下降"))
            let grade = try await WebPagesTests.page(
                client, "/units/\(enterprise)/carbon-efficiency?lang=en", headers: headers)
            #expect(grade.status == .ok)
            let list = try await WebPagesTests.page(client, "/units/\(enterprise)/measures?lang=en", headers: headers)
            #expect(list.html.contains("class=\"gantt\"") && list.html.contains("余热回收改造"))
            func post(_ uri: String, _ fields: [String: String]) async throws -> HTTPResponse.Status {
                let body = fields.map { "\($0.key)=\(SiteURL.encode($0.value))" }.joined(separator: "&")
                var form = headers
                form[.contentType] = "application/x-www-form-urlencoded"
                return try await client.execute(uri: uri, method: .post, headers: form, body: ByteBuffer(string: body))
                {
                    $0.status
                }
            }
            #expect(
                try await post(
                    "/units/\(enterprise)/measures?lang=en",
                    ["title": "光伏", "owner_person": "赵", "start_date": "2025-01-01", "deadline": "2024-13-01"])
                    == .unprocessableContent)
            #expect(
                try await post(
                    "/units/\(enterprise)/measures?lang=en",
                    ["title": "屋顶光伏（虚构）", "owner_person": "赵", "start_date": "2025-01-01", "deadline": "2025-12-31"])
                    == .seeOther)
            let added = try #require(
                try await MeasureStore(database).list(under: enterprise).first { $0.title == "屋顶光伏（虚构）" })
            #expect(try await post("/measures/\(added.id)?lang=en", ["status": "done", "note": "并网"]) == .seeOther)
            #expect(try await MeasureStore(database).measure(id: added.id).setStatus == .done)
            // A reporter sets no targets.
            #expect(try await post("/targets?lang=en", ["name": "x"]) == .forbidden)
        }
    }

    @Test("the target form names the field it refuses")
    func targetForm() async throws {
        try await withDemoAPI { client, database in
            let refused = try await WebDataPagesTests.post(
                client, "/targets?lang=en",
                ["name": "cap", "unit": "DEMO-G2", "indicator": "carbon_total", "kind": "cap", "value": "100"])
            #expect(refused.status == .unprocessableContent && refused.html.contains("first_year: required"))
            let set = try await WebDataPagesTests.post(
                client, "/targets?lang=en",
                [
                    "name": "cap", "unit": "DEMO-G2", "indicator": "carbon_total", "kind": "cap", "value": "100",
                    "first_year": "2024",
                ])
            #expect(set.status == .seeOther && set.location?.hasPrefix("/targets/") == true)
        }
    }
}

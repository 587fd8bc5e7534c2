import Accounting
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Persistence
import Spreadsheet
import Testing

@testable import PeakZeroServer

/// The demo province's roadmap, its plan's editor and its project reviews, on the web.
@Suite("Web pages: the roadmap, the plan's editor, project reviews")
struct RoadmapPagesTests {
    @Test("the demo province's roadmap: scenario cards, peaks marked, targets, waterfalls, in both languages")
    func roadmap() async throws {
        try await withDemoAPI { client, _ in
            let zh = try await WebPagesTests.page(client, "/regions/510000/pathway?lang=zh")
            #expect(zh.status == .ok)
            for text in ["基准情景（虚构）", "政策情景（虚构）", "强化情景（虚构）", "2025 年达峰", "至规划期末仍在上升",
                         "目标差距", "2020–2023 年排放变化的原因", "class=\"mark s", "class=\"deadline\"", "class=\"step up\""] {
                #expect(zh.html.contains(text), "\(text)")
            }
            // The baseline is shown by default: no comparison with itself; choosing another scenario shows one.
            #expect(!zh.html.contains("与基准情景的差异分解"))
            let enhanced = try await WebPagesTests.page(client, "/regions/510000/pathway?scenario=enhanced&lang=en")
            #expect(enhanced.html.contains("against the baseline, decomposed (2060, t)"))
            #expect(enhanced.html.contains("peaks in 2025 at") && enhanced.html.contains("Why CO2 moved 2020–2023"))
            #expect(enhanced.html.contains("energy total cap 2030"))
            // The region's dashboard leads to its roadmap.
            let dashboard = try await WebPagesTests.page(client, "/regions/510000?lang=en")
            #expect(dashboard.html.contains("href=\"/regions/510000/pathway?lang=en\""))
            // A region without a plan says so.
            let none = try await WebPagesTests.page(client, "/regions/510100/pathway?lang=en")
            #expect(none.status == .ok && none.html.contains("No peak plan is saved here yet"))
            #expect(try await WebPagesTests.page(client, "/regions/51/pathway?lang=en").status == .notFound)
        }
    }

    @Test("the roadmap as a workbook: scenarios, years, targets and effects against the baseline")
    func export() async throws {
        try await withDemoAPI { client, _ in
            let (status, type, data) = try await client.execute(uri: "/regions/510000/pathway/export?lang=en", method: .get) {
                ($0.status, $0.headers[.contentType], Data(buffer: $0.body))
            }
            #expect(status == .ok && type?.contains("spreadsheetml") == true)
            let workbook = try XLSXWorkbook(data: data)
            #expect(workbook.sheetNames == ["Scenarios", "Years", "Targets", "Against baseline"])
            // Three scenarios from 2023 to 2060: 38 years each, and a header.
            #expect(try workbook.rows(sheet: "Years").count == 3 * 38 + 1)
        }
    }

    @Test("the editor: a plan that cannot run is shown back with its fields, a good one saved, a stale one refused")
    func editor() async throws {
        try await withDemoAPI { client, database in
            let page = try await WebPagesTests.page(client, "/regions/510000/pathway/plan?lang=en")
            #expect(page.status == .ok && page.html.contains("name=\"revision\" value=\"1\""))
            #expect(page.html.contains("GM(1,1) forecast") && page.html.contains("GDP"))
            let stored = try #require(try await PathwayPlanStore(database).plan(.region("510000")))
            let cycle = stored.document.replacingOccurrences(of: "\"id\" : \"baseline\",", with: "\"id\" : \"baseline\", \"parent\" : \"enhanced\",")
            #expect(cycle != stored.document)
            let refused = try await WebDataPagesTests.post(
                client, "/regions/510000/pathway/plan?lang=en", ["document": cycle, "revision": "1"])
            #expect(refused.status == .unprocessableContent && refused.html.contains("inherit in a cycle"))
            #expect(try await PathwayPlanStore(database).plan(.region("510000"))?.revision == 1)
            let unreadable = try await WebDataPagesTests.post(
                client, "/regions/510000/pathway/plan?lang=zh", ["document": "{\"scenarios\": 3}", "revision": "1"])
            #expect(unreadable.status == .unprocessableContent && unreadable.html.contains("字段 scenarios 无法读取"))
            let saved = try await WebDataPagesTests.post(
                client, "/regions/510000/pathway/plan?lang=en", ["document": stored.document, "revision": "1"])
            #expect(saved.status == .seeOther && saved.location?.hasPrefix("/regions/510000/pathway") == true)
            let stale = try await WebDataPagesTests.post(
                client, "/regions/510000/pathway/plan?lang=en", ["document": stored.document, "revision": "1"])
            #expect(stale.status == .unprocessableContent && stale.html.contains("now revision 2"))
        }
    }

    @Test("a project reviewed through the form: bad figures named, a good one kept and shown with its verdicts")
    func review() async throws {
        try await withDemoAPI { client, database in
            let form = try await WebPagesTests.page(client, "/regions/510000/pathway/reviews?lang=zh")
            #expect(form.status == .ok && form.html.contains("name=\"energy_coal\"") && form.html.contains("某数据中心（虚构）"))
            var fields = [
                "name": "某水泥项目（虚构）", "scenario": "enhanced", "area": "industry", "start_year": "2026",
                "energy_coal": "abc", "value_added": "",
            ]
            let bad = try await WebDataPagesTests.post(client, "/regions/510000/pathway/reviews?lang=zh", fields)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.html.contains("“abc”不是数字") && bad.html.contains("必须填写"))
            fields["energy_coal"] = "200000"
            fields["value_added"] = "300000"
            fields["start_year"] = "2070"
            let outside = try await WebDataPagesTests.post(client, "/regions/510000/pathway/reviews?lang=en", fields)
            #expect(outside.status == .unprocessableContent && outside.html.contains("outside the horizon"))
            #expect(try await ProjectReviewStore(database).reviews(.region("510000")).count == 2)
            fields["start_year"] = "2026"
            let kept = try await WebDataPagesTests.post(client, "/regions/510000/pathway/reviews?lang=en", fields)
            #expect(kept.status == .seeOther)
            let page = try await WebPagesTests.page(client, try #require(kept.location))
            #expect(page.status == .ok && page.html.contains("某水泥项目（虚构）") && page.html.contains("verdict-"))
            #expect(page.html.contains("Effect on totals and intensities"))
        }
    }

    @Test("a group's own roadmap: its history from its inventories, its peak, its editor and reviews, in both languages")
    func unitRoadmap() async throws {
        try await withDemoAPI { client, database in
            let group = try await UnitStore(database).unit(code: "DEMO-G1")
            let base = "/units/\(group.id)/pathway"
            let zh = try await WebPagesTests.page(client, base + "?scenario=lead&lang=zh")
            #expect(zh.status == .ok)
            for text in ["基准情景（虚构）", "率先达峰情景（虚构）", "2027 年达峰", "至规划期末仍在上升", "class=\"mark s"] {
                #expect(zh.html.contains(text), "\(text)")
            }
            let en = try await WebPagesTests.page(client, base + "?scenario=lead&lang=en")
            // The history is the group's inventories (2022–2024), decomposed by area and carrier.
            #expect(en.html.contains("Why CO2 moved 2022–2024") && en.html.contains("against the baseline, decomposed"))
            #expect(en.html.contains("href=\"/units/\(group.id)?lang=en\""))
            // The group's page leads to it; the editor starts from its plan; its reviews are listed.
            #expect(try await WebPagesTests.page(client, "/units/\(group.id)?lang=en").html.contains("href=\"\(base)?lang=en\""))
            let editor = try await WebPagesTests.page(client, base + "/plan?lang=en")
            #expect(editor.status == .ok && editor.html.contains("name=\"revision\" value=\"1\""))
            let reviews = try await WebPagesTests.page(client, base + "/reviews?lang=zh")
            #expect(reviews.status == .ok && reviews.html.contains("某技改扩能项目（虚构）"))
            // A unit's plan that names a region is shown back with the field named.
            let stored = try #require(try await PathwayPlanStore(database).plan(.unit(group.id)))
            let named = stored.document.replacingOccurrences(of: "\"base_year\"", with: "\"region\" : \"510000\", \"base_year\"")
            let refused = try await WebDataPagesTests.post(client, base + "/plan?lang=en", ["document": named, "revision": "1"])
            #expect(refused.status == .unprocessableContent && refused.html.contains("a unit&#39;s plan names no region"))
            let saved = try await WebDataPagesTests.post(client, base + "/plan?lang=en", ["document": stored.document, "revision": "1"])
            #expect(saved.status == .seeOther && saved.location?.hasPrefix(base) == true)
            // A unit without a plan says so; one that does not exist is missing.
            let enterprise = try await UnitStore(database).unit(code: "DEMO-G2-E1")
            let none = try await WebPagesTests.page(client, "/units/\(enterprise.id)/pathway?lang=en")
            #expect(none.status == .ok && none.html.contains("No peak plan is saved here yet"))
            #expect(try await WebPagesTests.page(client, "/units/999999/pathway?lang=en").status == .notFound)
            let workbook = try await client.execute(uri: base + "/export?lang=en", method: .get) { $0.status }
            #expect(workbook == .ok)
        }
    }

    @Test("one driver set through the form: saved as a new revision and listed; bad fields named; nothing half-saved")
    func driverForm() async throws {
        try await withDemoAPI { client, database in
            let path = "/regions/510000/pathway/plan/driver?lang=en"
            let page = try await WebPagesTests.page(client, "/regions/510000/pathway/plan?lang=zh")
            #expect(page.html.contains("按项设置情景参数") && page.html.contains("能耗强度年变化率"))
            // The form offers the plan's scenarios, the economy and the six areas, and the four drivers.
            #expect(page.html.contains("<option value=\"policy\">政策情景（虚构）</option>"))
            #expect(page.html.contains("<option value=\"economy\">经济（GDP）</option>"))
            #expect(page.html.contains("<option value=\"intensity_change\" selected>能耗强度年变化率</option>"))
            var fields = [
                "scenario": "policy", "area": "industry", "driver": "intensity_change", "year": "2031", "value": "-0.05",
                "revision": "1",
            ]
            let saved = try await WebDataPagesTests.post(client, path, fields)
            #expect(saved.status == .seeOther && saved.location?.hasPrefix("/regions/510000/pathway/plan") == true)
            let stored = try #require(try await PathwayPlanStore(database).plan(.region("510000")))
            let policy = try #require(try stored.file().scenarios.first { $0.id == "policy" })
            #expect(stored.revision == 2 && policy.areas[.industry]?.intensityChange.points[2031] == -0.05)
            let listed = try await WebPagesTests.page(client, "/regions/510000/pathway/plan?lang=en")
            #expect(listed.html.contains("2026: -0.035; 2031: -0.05"))
            // Each bad field named; a rate of −150 % named by the plan's check; nothing saved.
            fields["revision"] = "2"
            fields["year"] = "soon"
            fields["value"] = "lots"
            let bad = try await WebDataPagesTests.post(client, path, fields)
            #expect(bad.status == .unprocessableContent && bad.html.contains("From year") && bad.html.contains("“lots”"))
            fields["year"] = "2031"
            fields["value"] = "-1.5"
            let tooLow = try await WebDataPagesTests.post(client, path, fields)
            #expect(tooLow.status == .unprocessableContent && tooLow.html.contains("intensity_change"), "\(tooLow.html.prefix(0))")
            fields["value"] = "0.02"
            fields["area"] = "economy"
            let mismatch = try await WebDataPagesTests.post(client, path, fields)
            #expect(mismatch.status == .unprocessableContent && mismatch.html.contains("GDP growth belongs to the economy"))
            #expect(try await PathwayPlanStore(database).plan(.region("510000"))?.revision == 2)
        }
    }
}

import Accounting
import Foundation
import Intake
import HTTPTypes
import HummingbirdTesting
import Persistence
import SQLKit
import Testing

@testable import PeakZeroServer

/// The audit trail through the API and its page: every route that changes something leaves an
/// entry; an auditor sees the entries of its units only; filters take hostile text as plain text
/// and refuse malformed numbers with 400; the selection exports as CSV and Excel.
@Suite("Audit trail: API and page")
struct AuditAPITests {
    static func count(_ database: PeakZeroDatabase) async throws -> Int {
        try await database.sql.raw("SELECT COUNT(*) AS n FROM audit_log").first()!.decode(column: "n", as: Int.self)
    }

    /// The id of what a create answered with (one object, or a list of one).
    static func createdID(_ json: Any?) -> Int {
        (json.object["id"] as? Int) ?? (json.items.first?["id"] as? Int)
            ?? ((json as? [[String: Any]])?.first?["id"] as? Int)
            ?? 0
    }

    @Test("every route that changes something appends an entry, named after the account that asked")
    func everyChangeIsAudited() async throws {
        try await withAPI("sqlite") { client, database in
            let w = try await AuthorizationMatrixTests.world(client, database)
            for route in APIRoute.allCases where ![.get, .head].contains(route.method) {
                var (uri, body) = AuthorizationMatrixTests.request(route, "in", w)
                var headers: HTTPFields = [:]
                switch route {
                case .createImport:
                    let (file, multipart) = IntakeAPITests.multipart(IntakeAPITests.good, name: "audit.csv")
                    let before = try await Self.count(database)
                    let status = try await client.execute(
                        uri: route.path + "?mode=replace", method: .post, headers: multipart, body: file
                    ) {
                        $0.status
                    }
                    #expect(status == .ok, "\(route)")
                    #expect(try await Self.count(database) == before + 1, "\(route)")
                    continue
                case .createToken:
                    body = #"{"name": "admin", "password": "\#(TestAccounts.adminPassword)"}"#
                    headers[.authorization] = ""
                case .submitPeriod, .approvePeriod, .returnPeriod, .correctPeriod, .recordFinding:
                    // April is submitted by someone else first, to be approved and then corrected; May to be returned.
                    let f1 = Int64(w.units["F1"]!)
                    if route == .approvePeriod || route == .returnPeriod {
                        let month = route == .approvePeriod ? "2023-04" : "2023-05"
                        try await AuditActor.$current.withValue(AuditActor(accountID: 999, name: "rita")) {
                            try await ReviewStore(database).take(
                                .submit, unitID: f1, period: try #require(ReportingPeriod(parsing: month)))
                        }
                    }
                    let month =
                        ["submitPeriod": "2023-03", "approvePeriod": "2023-04", "returnPeriod": "2023-05"][
                            route.rawValue] ?? "2023-04"
                    uri = route.path.replacingOccurrences(of: "{id}", with: String(f1))
                        .replacingOccurrences(of: "{period}", with: month)
                    body = #"{"reason": "checked", "text": "checked"}"#
                case .createTarget:
                    body =
                        #"{"unit_id": \#(w.units["E1"]!), "name": "cap", "indicator": "carbon_total", "kind": "cap", "value": 100, "first_year": 2023}"#
                case .splitTarget:
                    // G's target, split by hand to its children E1 and E2 (F1 has been moved out of E1 by now).
                    let made = try await client.call(
                        .post, "/api/v1/targets",
                        json:
                            #"{"unit_id": \#(w.units["G"]!), "name": "cap", "indicator": "carbon_total", "kind": "cap", "value": 100, "first_year": 2023}"#
                    )
                    uri = route.path.replacingOccurrences(of: "{id}", with: String(Self.createdID(made.json)))
                    body =
                        #"{"method": "manual", "children": [{"unit_id": \#(w.units["E1"]!), "kind": "cap", "value": 60}, {"unit_id": \#(w.units["E2"]!), "kind": "cap", "value": 40}]}"#
                case .putRegionPlan, .putUnitPlan: body = PathwayPlansAPITests.countyPlan
                case .createProjectReview, .createUnitProjectReview:
                    // Planned by the route before it (`put…Plan` comes first).
                    body = #"{"project": {"name": "p", "area": "industry", "start_year": 2025, "energy": {"coal": 1}, "value_added": 1}}"#
                case .setEfficiencyScale: body = #"{"scale": null}"#
                case .setBenchmarks: body = #"{"source": "published", "averages": {"C38": 0.7}}"#
                case .createAccount:
                    body = #"{"name": "newcomer", "grants": [{"role": "viewer", "unit_code": "E1"}]}"#
                case .disableAccount:
                    uri = route.path.replacingOccurrences(of: "{name}", with: "vera")
                case .revokeToken:
                    // A token of its own, not the one this test signs in with.
                    let accounts = AccountStore(database, cost: 4)
                    let spare = try await accounts.makeToken(
                        for: try #require(try await accounts.account(named: "admin")), name: "spare")
                    uri = route.path.replacingOccurrences(of: "{id}", with: String(spare.token.id))
                case .deleteUnit:
                    // A unit without children or data: a new one.
                    let made = try await client.call(
                        .post, "/api/v1/units",
                        json: #"{"code": "TMP", "name": "Temporary", "level": "facility", "region_code": "510104"}"#)
                    uri = route.path.replacingOccurrences(of: "{id}", with: String(Self.createdID(made.json)))
                case .issueInventoryReport:
                    // F1 has moved by now: its own inventory of 2023 is computed for the report.
                    _ = try await InventoryStore(database).compute(
                        unitID: Int64(w.units["F1"]!), year: 2023, options: .init())
                case .deleteFactorSet:
                    let made = try await client.call(
                        .post, "/api/v1/factor-sets",
                        json:
                            #"{"name": "gone", "csv": "id,kind,item,value,unit,grade,source\nA,ncv,diesel,43,GJ/t,S,x\n"}"#
                    )
                    uri = route.path.replacingOccurrences(of: "{id}", with: String(Self.createdID(made.json)))
                default: break
                }
                let before = try await Self.count(database)
                let answer = try await client.call(route.method, uri, json: body, headers: headers)
                #expect((200..<300).contains(answer.status.code), "\(route): \(answer.status) \(answer.json ?? "")")
                #expect(try await Self.count(database) > before, "\(route) left no entry")
            }
            let mine = try await client.call(.get, "/api/v1/audit?actor=admin&limit=1000")
            #expect(mine.json.items.count > 10, "\(mine.json.items.count)")
            #expect(mine.json.items.allSatisfy { $0["actor"] as? String == "admin" })
            #expect(try await AuditLog.verify(database).isIntact)
        }
    }

    @Test("the trail pages back by cursor: every entry once, newest first, with the total; a bad cursor is 400")
    func pagesByCursor() async throws {
        try await withAPI("sqlite") { client, database in
            _ = try await AuthorizationMatrixTests.world(client, database)
            let whole = try await client.call(.get, "/api/v1/audit?limit=1000")
            let all = whole.json.items.compactMap { $0["id"] as? Int }
            #expect(all.count > 7 && whole.json.object["total"] as? Int == all.count)
            #expect(whole.json.object["next_cursor"] is NSNull)
            var seen: [Int] = []
            var cursor: String?
            repeat {
                let page = try await client.call(.get, "/api/v1/audit?limit=3" + (cursor.map { "&cursor=\($0)" } ?? ""))
                // The total is the whole trail's now: one more once the late entry is appended.
                #expect(page.status == .ok && page.json.object["total"] as? Int == all.count + (seen.isEmpty ? 0 : 1))
                seen += page.json.items.compactMap { $0["id"] as? Int }
                cursor = page.json.object["next_cursor"] as? String
                // An entry appended while paging (a new account) does not shift the pages after.
                if seen.count == 3 {
                    _ = try await AccountStore(database, cost: 4).create(
                        name: "late", password: "a long password", grants: [])
                }
            } while cursor != nil && seen.count <= all.count
            #expect(seen == all)
            for bad in ["x", "-1", "0"] {
                #expect(try await client.call(.get, "/api/v1/audit?cursor=\(bad)").status == .badRequest, "\(bad)")
            }
        }
    }

    @Test("an auditor of one enterprise sees its entries only; viewers and reporters none")
    func scoped() async throws {
        try await withAPI("sqlite") { client, database in
            let w = try await AuthorizationMatrixTests.world(client, database)
            let accounts = AccountStore(database, cost: 4)
            let auditor = try await accounts.create(
                name: "vic", password: "a long password",
                grants: [RoleGrant(role: .verifier, unitID: Int64(w.units["E1"]!))])
            let headers: HTTPFields = [
                .authorization: "Bearer \(try await accounts.makeToken(for: auditor, name: "t").secret)"
            ]
            let seen = try await client.call(.get, "/api/v1/audit?limit=1000", headers: headers)
            #expect(seen.status == .ok && !seen.json.items.isEmpty)
            let allowed = Set([w.units["E1"]!, w.units["F1"]!])
            #expect(seen.json.items.allSatisfy { allowed.contains($0["unit_id"] as? Int ?? -1) })
            #expect(
                try await client.call(.get, "/api/v1/audit?unit_id=\(w.units["E2"]!)", headers: headers).status
                    == .notFound)
            #expect(
                try await client.call(.get, "/api/v1/audit?unit_id=\(w.units["F1"]!)", headers: headers).status == .ok)
            for viewer in [w.viewer, w.reporter] {
                #expect(try await client.call(.get, "/api/v1/audit", headers: viewer).status == .forbidden)
            }
        }
    }

    @Test("hostile text in a filter is only text; malformed numbers are 400; never a 500")
    func hostileFilters() async throws {
        try await withAPI("sqlite") { client, database in
            _ = try await AuthorizationMatrixTests.world(client, database)
            let entries = try await Self.count(database)
            for text in ["' OR 1=1 --", "admin' --", "\"; DROP TABLE audit_log; --", "%", "_", "\\", "1; SELECT 1"] {
                let encoded = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                let answer = try await client.call(.get, "/api/v1/audit?actor=\(encoded)")
                #expect(answer.status == .ok && answer.json.items.isEmpty, "\(text)")
                let page = try await client.execute(uri: "/audit?lang=en&unit=\(encoded)", method: .get) { $0.status }
                #expect(page == .badRequest, "\(text)")
            }
            for query in ["year=2023abc", "month=13", "unit_id=1%20OR%201", "before=x", "action=drop"] {
                #expect(try await client.call(.get, "/api/v1/audit?\(query)").status == .badRequest, "\(query)")
            }
            #expect(try await Self.count(database) == entries)
        }
    }

    @Test("every action has a name in both languages")
    func actionNames() throws {
        let strings = try PageRenderer.load().strings
        for language in [Language.zh, .en] {
            let t = strings.table(language)
            for action in AuditAction.allCases {
                #expect(t.optionalText(forKey: PageHandlers.auditLabelKey(action.rawValue)) != nil, "\(action) in \(language)")
            }
        }
    }

    @Test("the page lists, filters and pages the log; its selection exports as CSV and Excel")
    func pageAndExport() async throws {
        try await withAPI("sqlite") { client, database in
            let w = try await AuthorizationMatrixTests.world(client, database)
            func get(_ uri: String) async throws -> (HTTPResponse.Status, String, HTTPFields) {
                try await client.execute(uri: uri, method: .get) { ($0.status, String(buffer: $0.body), $0.headers) }
            }
            let page = try await get("/audit?lang=en")

            #expect(page.0 == .ok && page.1.contains("Audit trail") && page.1.contains("Unit created"))
            let filtered = try await get("/audit?lang=zh&unit=F1&action=activity.add")
            #expect(filtered.0 == .ok && filtered.1.contains("审计日志"))
            // Only the records added: no unit's creation among the rows (the action list still names it).
            #expect(filtered.1.contains("<td>新增活动数据</td>") && !filtered.1.contains("<td>新建单位</td>"))
            let csv = try await get("/audit?lang=en&unit=E1&format=csv")
            #expect(csv.2[.contentType]?.hasPrefix("text/csv") == true)
            let lines = csv.1.split(separator: "\n")
            #expect(csv.1.hasPrefix("\u{FEFF}id,at,actor,actor id,address,action") && lines.count > 2)
            #expect(!csv.1.contains(",E2,"))
            let xlsx = try await client.execute(uri: "/audit?lang=en&format=xlsx", method: .get) {
                Array(Data(buffer: $0.body).prefix(2))
            }
            #expect(xlsx == [0x50, 0x4B])
            let api = try await client.call(.get, "/api/v1/audit?format=csv&unit_id=\(w.units["E1"]!)")
            #expect(api.status == .ok)
        }
    }

    @Test("a name typed as a formula at sign-in stays text in the CSV export; numbers stay numbers")
    func formulasNeutralised() async throws {
        try await withAPI("sqlite") { client, _ in
            let name = #"=HYPERLINK(\"http://evil.example\",\"open\")"#
            for tried in [name, "+1+cmd|' /C calc'!A0", "@SUM(1)", "-2+3"] {
                let body = #"{"name": "\#(tried)", "password": "guess"}"#
                _ = try await client.call(.post, "/api/v1/auth/token", json: body, headers: [.authorization: ""])
            }
            let csv = try await client.execute(uri: "/audit?lang=en&format=csv", method: .get) { String(buffer: $0.body) }
            #expect(csv.contains(#""'=HYPERLINK(""http://evil.example"",""open"")""#), "\(csv.prefix(2000))")
            #expect(csv.contains("'+1+cmd|' /C calc'!A0") && csv.contains("'@SUM(1)") && csv.contains("'-2+3"))
            for line in csv.split(separator: "\n") {
                for field in line.split(separator: ",") {
                    #expect(!"=+@".contains(field.first ?? " "), "\(line)")
                }
            }
        }
        #expect(CSVField.escape("-12.5") == "-12.5" && CSVField.escape("+3") == "+3")
        #expect(CSVField.escape("=1+1") == "'=1+1" && CSVField.escape("a,b") == "\"a,b\"")
    }
}

import Accounting
import Foundation
import HTTPTypes
import HummingbirdTesting
import Persistence
import Testing

@testable import PeakZeroServer

/// Two enterprises and their supervisor at once, through the API: each reporter sees and submits
/// its own months only; the supervisor's reviewer sees both on the board, approves one, returns
/// the other; the approved month is locked; the log proves it all untouched.
@Suite("Review through the API")
struct ReviewAPITests {
    @Test("two enterprises and their supervisor: submit, review, lock, return, correct")
    func twoEnterprisesAndSupervisor() async throws {
        try await withAPI("sqlite") { client, database in
            let w = try await AuthorizationMatrixTests.world(client, database)
            let accounts = AccountStore(database, cost: 4)
            func bearer(_ name: String, _ grant: RoleGrant) async throws -> HTTPFields {
                let account = try await accounts.create(name: name, password: "a long password", grants: [grant])
                return [.authorization: "Bearer \(try await accounts.makeToken(for: account, name: "t").secret)"]
            }
            let (e1, e2, g) = (w.units["E1"]!, w.units["E2"]!, w.units["G"]!)
            let reporter2 = try await bearer("ruth", RoleGrant(role: .reporter, unitID: Int64(e2)))
            let reviewer = try await bearer("ray", RoleGrant(role: .reviewer, unitID: Int64(g)))
            func period(_ unit: Int, _ month: String, _ step: String = "") -> String {
                "/api/v1/units/\(unit)/periods/\(month)" + (step.isEmpty ? "" : "/\(step)")
            }
            // Each reporter submits its own March; the other's is missing to it.
            let submitted = try await client.call(.post, period(e1, "2023-03", "submit"), headers: w.reporter)
            #expect(submitted.status == .ok && submitted.json.object["status"] as? String == "submitted")
            #expect(
                try await client.call(.post, period(e2, "2023-03", "submit"), headers: w.reporter).status == .notFound)
            #expect(try await client.call(.get, period(e1, "2023-03"), headers: reporter2).status == .notFound)
            #expect(try await client.call(.post, period(e2, "2023-03", "submit"), headers: reporter2).status == .ok)
            // A reporter does not review, not even its own unit.
            #expect(
                try await client.call(.post, period(e1, "2023-03", "approve"), headers: w.reporter).status == .forbidden
            )
            // The supervisor's reviewer sees both on the board, with S outside its grant.
            let board = try await client.call(.get, "/api/v1/units/\(g)/periods?year=2023", headers: reviewer)
            let rows = board.json.object["rows"] as? [[String: Any]] ?? []
            #expect(Set(rows.compactMap { $0["code"] as? String }) == ["G", "E1", "F1", "E2"])
            let march = rows.first { $0["code"] as? String == "E1" }.flatMap { ($0["periods"] as? [[String: Any]])?[2] }
            #expect(march?["status"] as? String == "submitted")
            #expect(
                try await client.call(.get, "/api/v1/units/\(w.units["S"]!)/periods?year=2023", headers: reviewer)
                    .status
                    == .notFound)
            // It approves E1's March and returns E2's with a reason (none given: refused).
            #expect(try await client.call(.post, period(e1, "2023-03", "approve"), headers: reviewer).status == .ok)
            #expect(
                try await client.call(.post, period(e2, "2023-03", "return"), json: "{}", headers: reviewer).status
                    == .unprocessableContent)
            let returned = try await client.call(
                .post, period(e2, "2023-03", "return"), json: #"{"reason": "electricity missing"}"#, headers: reviewer)
            #expect(returned.json.object["status"] as? String == "returned")
            // E1's March is locked: a record there is refused, in the reporter's language.
            let locked = try await client.call(
                .post, "/api/v1/activity-records?lang=zh",
                json: #"{"unit_code": "E1", "period": "2023-03", "item": "柴油", "quantity": 1, "uom": "t"}"#,
                headers: w.reporter)
            #expect(locked.status == .unprocessableContent)
            let message = (locked.json.object["error"] as? [String: Any])?["issues"] as? [[String: Any]]
            #expect((message?.first?["message"] as? String)?.contains("已审核通过并锁定") == true)
            // The figures say they do not rest on approved data only: E1's other months are not approved.
            _ = try await client.call(.post, "/api/v1/inventories", json: #"{"unit_id": \#(e1), "year": 2023}"#)
            let figures = try await client.call(.get, "/api/v1/units/\(e1)/indicators?year=2023")
            #expect(figures.json.object["approved_only"] as? Bool == false)
            // Approving twice is a conflict; a correction reopens it as version 2.
            #expect(
                try await client.call(.post, period(e1, "2023-03", "approve"), headers: reviewer).status == .conflict)
            let reopened = try await client.call(
                .post, period(e1, "2023-03", "correct"), json: #"{"reason": "late invoice"}"#, headers: w.reporter)
            #expect(reopened.json.object["status"] as? String == "correcting")
            let history = try await client.call(.get, period(e1, "2023-03"), headers: reviewer)
            let steps = (history.json.object["history"] as? [[String: Any]] ?? []).compactMap { $0["step"] as? String }
            #expect(steps == ["submit", "approve", "correct"])
            // A period that is not the unit's, or not a period at all.
            #expect(
                try await client.call(.get, period(e1, "2023-Q1"), headers: reviewer).status == .unprocessableContent)
            #expect(try await client.call(.get, period(e1, "March"), headers: reviewer).status == .badRequest)
            #expect(try await AuditLog.verify(database).isIntact)
        }
    }

    @Test("on the web: the board, a period's page with the steps the account may take, and its forms")
    func pages() async throws {
        try await withAPI("sqlite") { client, database in
            let w = try await AuthorizationMatrixTests.world(client, database)
            let accounts = AccountStore(database, cost: 4)
            let reviewer = try await accounts.create(
                name: "ray", password: "a long password",
                grants: [RoleGrant(role: .reviewer, unitID: Int64(w.units["G"]!))])
            let ray: HTTPFields = [
                .authorization: "Bearer \(try await accounts.makeToken(for: reviewer, name: "t").secret)"
            ]
            let f1 = w.units["F1"]!
            func get(_ uri: String, _ headers: HTTPFields) async throws -> (Int, String) {
                try await client.execute(uri: uri, method: .get, headers: headers) {
                    (Int($0.status.code), String(buffer: $0.body))
                }
            }
            func post(_ uri: String, _ form: String, _ headers: HTTPFields) async throws -> (Int, String) {
                var headers = headers
                headers[.contentType] = "application/x-www-form-urlencoded"
                return try await client.execute(uri: uri, method: .post, headers: headers, body: .init(string: form)) {
                    (Int($0.status.code), String(buffer: $0.body))
                }
            }
            let page = "/units/\(f1)/periods/2023-03?lang=en"
            let before = try await get(page, w.reporter)
            #expect(before.0 == 200 && before.1.contains(">Submit</button>") && !before.1.contains(">Approve</button>"))
            #expect(try await post("/units/\(f1)/periods/2023-03/submit?lang=en", "", w.reporter).0 == 303)
            #expect(try await post("/units/\(f1)/periods/2023-03/approve?lang=en", "", w.reporter).0 == 403)
            let review = try await get(page, ray)
            #expect(review.1.contains(">Approve</button>") && review.1.contains(">Return</button>"))
            #expect(review.1.contains("Submitted") && review.1.contains("rita"))
            let noReason = try await post("/units/\(f1)/periods/2023-03/return?lang=en", "reason=", ray)
            #expect(noReason.0 == 422 && noReason.1.contains("give a reason"))
            #expect(try await post("/units/\(f1)/periods/2023-03/approve?lang=en", "", ray).0 == 303)
            let board = try await get("/units/\(w.units["G"]!)/periods?year=2023&lang=zh", ray)
            #expect(board.0 == 200 && board.1.contains("status-approved") && board.1.contains("已通过"))
            // Outside its grant, the reviewer finds nothing; the other enterprise's reporter neither.
            #expect(try await get("/units/\(w.units["S"]!)/periods?year=2023&lang=en", ray).0 == 404)
            #expect(try await get(page, w.viewer).0 == 404)
            // The menu's review link shows the board of the account's own top unit.
            let home = try await get("/review?lang=en&year=2023", ray)
            #expect(home.0 == 200 && home.1.contains("<h1>Submissions · Group</h1>"))
        }
    }

    @Test("a verifier records findings on its units' periods; others cannot")
    func findings() async throws {
        try await withAPI("sqlite") { client, database in
            let w = try await AuthorizationMatrixTests.world(client, database)
            let accounts = AccountStore(database, cost: 4)
            let account = try await accounts.create(
                name: "vic", password: "a long password",
                grants: [RoleGrant(role: .verifier, unitID: Int64(w.units["E1"]!))])
            let vic: HTTPFields = [
                .authorization: "Bearer \(try await accounts.makeToken(for: account, name: "t").secret)"
            ]
            let (e1, e2) = (w.units["E1"]!, w.units["E2"]!)
            let note = #"{"text": "Diesel invoices for March do not match the meter log."}"#
            let made = try await client.call(
                .post, "/api/v1/units/\(e1)/periods/2023-03/findings", json: note, headers: vic)
            #expect(made.status == .created && made.json.object["author"] as? String == "vic")
            #expect(
                try await client.call(.post, "/api/v1/units/\(e2)/periods/2023-03/findings", json: note, headers: vic)
                    .status
                    == .notFound)
            #expect(
                try await client.call(
                    .post, "/api/v1/units/\(e1)/periods/2023-03/findings", json: note, headers: w.reporter
                )
                .status == .forbidden)
            #expect(
                try await client.call(
                    .post, "/api/v1/units/\(e1)/periods/2023-03/findings", json: #"{"text": "  "}"#, headers: vic
                ).status == .unprocessableContent)
            let period = try await client.call(.get, "/api/v1/units/\(e1)/periods/2023-03", headers: w.reporter)
            let texts = (period.json.object["findings"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
            #expect(texts == ["Diesel invoices for March do not match the meter log."])
            // On the web: the form is there for the verifier only, and the finding for everyone who sees the unit.
            let page = "/units/\(e1)/periods/2023-03?lang=en"
            let seenByVic = try await client.execute(uri: page, method: .get, headers: vic) { String(buffer: $0.body) }
            let seenByRita = try await client.execute(uri: page, method: .get, headers: w.reporter) {
                String(buffer: $0.body)
            }
            #expect(seenByVic.contains("Record a finding") && !seenByRita.contains("Record a finding"))
            #expect(seenByRita.contains("do not match the meter log"))
        }
    }
}

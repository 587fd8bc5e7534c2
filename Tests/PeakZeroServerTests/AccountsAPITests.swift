import Accounting
import Foundation
import HTTPTypes
import HummingbirdTesting
import Persistence
import Testing

@testable import PeakZeroServer

/// A manager administers the accounts of its subtree and no others: it sees, creates and disables
/// accounts whose roles lie below it, never grants outside it or the administrator's role, and a
/// generated password is shown once.
@Suite("Accounts administered by managers")
struct AccountsAPITests {
    /// Mona, manager of the group G, signed in with a bearer token.
    static func manager(of w: AuthorizationMatrixTests.World, _ store: AccountStore) async throws -> HTTPFields {
        let manager = try await store.create(
            name: "mona", password: "a long password", grants: [RoleGrant(role: .manager, unitID: Int64(w.units["G"]!))]
        )
        return [.authorization: "Bearer \(try await store.makeToken(for: manager, name: "t").secret)"]
    }

    @Test("a group's manager manages the accounts of its subtree only")
    func managerOfSubtree() async throws {
        try await withAPI("sqlite") { client, database in
            let w = try await AuthorizationMatrixTests.world(client, database)
            let store = AccountStore(database, cost: 4)
            let mona = try await Self.manager(of: w, store)
            // Seen: the reporter of E1 and the viewer of E2, below G; not the administrator, not the
            // regional viewer (a region is not G's subtree), not the manager itself above nothing.
            let listed = try await client.call(.get, "/api/v1/accounts", headers: mona)
            let names = Set(listed.json.items.compactMap { $0["name"] as? String })
            #expect(names.isSuperset(of: ["rita", "vera"]) && names.isDisjoint(with: ["admin", "reggie"]))
            #expect(!String(describing: listed.json).contains("password"))
            // Creates a reviewer on E1 with a generated password, shown this once and working.
            let made = try await client.call(
                .post, "/api/v1/accounts",
                json: #"{"name": "rob", "grants": [{"role": "reviewer", "unit_code": "E1"}]}"#, headers: mona)
            #expect(made.status == .created)
            let password = try #require(made.json.object["password"] as? String)
            let signIn = try await client.call(
                .post, "/api/v1/auth/token", json: #"{"name": "rob", "password": "\#(password)"}"#,
                headers: [.authorization: ""])
            #expect(signIn.status == .created)
            // Outside its subtree, or the administrator's role: refused, nothing made.
            for body in [
                #"{"name": "x1", "password": "a long password", "grants": [{"role": "viewer", "unit_code": "S"}]}"#,
                #"{"name": "x2", "password": "a long password", "grants": [{"role": "admin"}]}"#,
                #"{"name": "x3", "password": "a long password", "grants": [{"role": "viewer", "region_code": "510000"}]}"#,
                #"{"name": "x4", "password": "a long password", "grants": [{"role": "boss", "unit_code": "E1"}]}"#,
            ] {
                #expect(
                    try await client.call(.post, "/api/v1/accounts", json: body, headers: mona).status
                        == .unprocessableContent)
            }
            #expect(try await store.account(named: "x1") == nil)
            // Disables the viewer below it; the administrator and itself are not its to disable.
            #expect(try await client.call(.post, "/api/v1/accounts/vera/disable", headers: mona).status == .noContent)
            #expect(try await store.account(named: "vera") == nil)
            for name in ["admin", "mona", "reggie"] {
                #expect(
                    try await client.call(.post, "/api/v1/accounts/\(name)/disable", headers: mona).status == .notFound)
            }
            // A reporter administers nothing.
            #expect(try await client.call(.get, "/api/v1/accounts", headers: w.reporter).status == .forbidden)
        }
    }

    @Test("the accounts page: a manager's list, a new account with its password shown once, a refusal, a disable")
    func page() async throws {
        try await withAPI("sqlite") { client, database in
            let w = try await AuthorizationMatrixTests.world(client, database)
            let store = AccountStore(database, cost: 4)
            var mona = try await Self.manager(of: w, store)
            mona[.contentType] = "application/x-www-form-urlencoded"
            func call(_ method: HTTPRequest.Method, _ uri: String, _ form: String = "") async throws -> (Int, String) {
                try await client.execute(uri: uri, method: method, headers: mona, body: .init(string: form)) {
                    (Int($0.status.code), String(buffer: $0.body))
                }
            }
            let list = try await call(.get, "/accounts?lang=en")
            #expect(list.0 == 200 && list.1.contains(">rita<") && !list.1.contains(">admin<"))
            #expect(list.1.contains("Reporter · E1 Enterprise 1") && !list.1.contains("value=\"admin\""))
            let made = try await call(.post, "/accounts?lang=en", "name=nina&role=viewer&unit=E2&region=&password=")
            #expect(made.0 == 200 && made.1.contains("Account nina created."))
            let password = try #require(
                WebPagesTests.matches(of: #"shown this once[^<]*<code>([^<]+)</code>"#, in: made.1).first)
            #expect(try await store.verify(name: "nina", password: password, address: "t").name == "nina")
            // The list afterwards does not show the password again.
            #expect(!(try await call(.get, "/accounts?lang=en").1.contains(password)))
            let refused = try await call(.post, "/accounts?lang=zh", "name=oscar&role=viewer&unit=S&region=&password=")
            #expect(refused.0 == 422 && refused.1.contains("没有单位 S") && refused.1.contains("value=\"oscar\""))
            #expect(try await call(.post, "/accounts/nina/disable?lang=en").0 == 303)
            #expect(try await store.account(named: "nina") == nil)
            #expect(try await call(.post, "/accounts/admin/disable?lang=en").0 == 404)
            // A reviewer has no accounts page.
            #expect(
                try await client.execute(uri: "/accounts?lang=en", method: .get, headers: w.viewer) { $0.status }
                    == .forbidden)
        }
    }
}

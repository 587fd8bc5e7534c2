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
            // Creates a reviewer on E1 with a generated password, shown this once and working; the
            // account is named within E1, where its role lies.
            let made = try await client.call(
                .post, "/api/v1/accounts",
                json: #"{"name": "rob", "grants": [{"role": "reviewer", "unit_code": "E1"}]}"#, headers: mona)
            #expect(made.status == .created)
            #expect((made.json.object["account"] as? [String: Any])?["name"] as? String == "rob@E1")
            let password = try #require(made.json.object["password"] as? String)
            let signIn = try await client.call(
                .post, "/api/v1/auth/token", json: #"{"name": "rob@E1", "password": "\#(password)"}"#,
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

    /// Sign-in names are unique across the platform; a manager must not learn from a refusal that
    /// an account exists outside its scope (production issue, item 4).
    @Test("a manager cannot probe for account names outside its subtree")
    func noProbing() async throws {
        try await withAPI("sqlite") { client, database in
            let w = try await AuthorizationMatrixTests.world(client, database)
            let store = AccountStore(database, cost: 4)
            let mona = try await Self.manager(of: w, store)
            let s = try await UnitStore(database).unit(code: "S")
            _ = try await store.create(
                name: "sam@S", password: "a long password", grants: [RoleGrant(role: .viewer, unitID: s.id)])
            func create(_ name: String, grants: String) async throws -> (Int, String) {
                let answer = try await client.call(
                    .post, "/api/v1/accounts",
                    json: #"{"name": "\#(name)", "password": "a long password", "grants": \#(grants)}"#, headers: mona)
                let body = try JSONSerialization.data(withJSONObject: answer.json ?? [:], options: .sortedKeys)
                return (Int(answer.status.code), String(decoding: body, as: UTF8.self).replacingOccurrences(of: name, with: "NAME"))
            }
            let onE1 = #"[{"role": "viewer", "unit_code": "E1"}]"#
            // Names held outside G (the administrator, the regional viewer, S's viewer) against names
            // nobody holds: the same answer each time.
            let pairs: [((String, String), (String, String))] = [
                (("admin", onE1), ("nobody1", onE1)),  // placed within E1: both made
                (("reggie", "[]"), ("nobody2", "[]")),  // no role, so no home: both refused alike
                (("sam@S", onE1), ("nobody3@S", onE1)),  // a home outside G: both refused alike
            ]
            for (held, free) in pairs {
                let (a, b) = (try await create(held.0, grants: held.1), try await create(free.0, grants: free.1))
                #expect(a.0 == b.0, "\(held.0) against \(free.0)")
                if a.0 != 201 { #expect(a.1 == b.1) }
            }
            #expect(try await store.account(named: "admin@E1") != nil)
            #expect(try await store.account(named: "nobody1@E1") != nil)
            #expect(try await store.account(named: "nobody3@S") == nil)
            // Within G a taken name is one of its own accounts, which it sees listed anyway.
            #expect(try await create("admin@E1", grants: onE1).0 == 409)
            let listed = try await client.call(.get, "/api/v1/accounts", headers: mona)
            #expect(listed.json.items.contains { $0["name"] as? String == "admin@E1" })
            // Every account named with @ keeps its roles at home, whoever makes it.
            await #expect(throws: StoreError.self) {
                try await store.create(
                    name: "away@E1", password: "a long password", grants: [RoleGrant(role: .viewer, unitID: s.id)])
            }
            await #expect(throws: StoreError.self) {
                try await store.create(name: "root@E1", password: "a long password", grants: [RoleGrant(role: .admin)])
            }
            await #expect(throws: StoreError.self) {
                try await store.create(name: "x@NOWHERE", password: "a long password", grants: [])
            }
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
            #expect(made.0 == 200 && made.1.contains("Account nina@E2 created."))
            let password = try #require(
                WebPagesTests.matches(of: #"shown this once[^<]*<code>([^<]+)</code>"#, in: made.1).first)
            #expect(try await store.verify(name: "nina@E2", password: password, address: "t").name == "nina@E2")
            // The list afterwards does not show the password again.
            #expect(!(try await call(.get, "/accounts?lang=en").1.contains(password)))
            let refused = try await call(.post, "/accounts?lang=zh", "name=oscar&role=viewer&unit=S&region=&password=")
            #expect(refused.0 == 422 && refused.1.contains("没有单位 S") && refused.1.contains("value=\"oscar\""))
            #expect(try await call(.post, "/accounts/nina@E2/disable?lang=en").0 == 303)
            #expect(try await store.account(named: "nina@E2") == nil)
            #expect(try await call(.post, "/accounts/admin/disable?lang=en").0 == 404)
            // A reviewer has no accounts page.
            #expect(
                try await client.execute(uri: "/accounts?lang=en", method: .get, headers: w.viewer) { $0.status }
                    == .forbidden)
        }
    }
}

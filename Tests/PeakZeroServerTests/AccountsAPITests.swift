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
    @Test("a group's manager manages the accounts of its subtree only")
    func managerOfSubtree() async throws {
        try await withAPI("sqlite") { client, database in
            let w = try await AuthorizationMatrixTests.world(client, database)
            let store = AccountStore(database, cost: 4)
            let manager = try await store.create(
                name: "mona", password: "a long password",
                grants: [RoleGrant(role: .manager, unitID: Int64(w.units["G"]!))])
            let mona: HTTPFields = [
                .authorization: "Bearer \(try await store.makeToken(for: manager, name: "t").secret)"
            ]
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
}

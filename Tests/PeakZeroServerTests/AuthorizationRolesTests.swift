import Foundation
import HTTPTypes
import HummingbirdTesting
import Persistence
import Testing

@testable import PeakZeroServer

/// The matrix for every other role: viewer, reviewer, manager and verifier, each granted on E1,
/// asked every API route about an object inside and outside E1's subtree. What a role may read it
/// reads like the reporter (whose expectations are the matrix's); what it may not change is 403;
/// what it may change answers like the reporter's change, or as its own route says.
@Suite("Authorization: every role × every route")
struct AuthorizationRolesTests {
    static func expects(_ role: Role, _ route: APIRoute) -> (in: Set<Int>, out: Set<Int>)? {
        guard let reporter = AuthorizationMatrixTests.reporterExpects(route) else { return nil }
        let refused: (in: Set<Int>, out: Set<Int>) = ([403], [403])
        switch route.change {
        case .nothing:
            guard route == .listAudit else { return reporter }
            return [.verifier, .reviewer, .manager].contains(role) ? ([200], [200]) : refused
        case .ownAccount: return reporter
        case .data: return role == .manager ? reporter : refused
        case .shared: return refused
        // E1's March is a draft here: approving it is a conflict; returning it needs a reason first.
        case .review: return role == .reviewer ? ([409, 422], [404]) : refused
        // The body is empty (400); the path's `{name}` names no account (404).
        case .accounts:
            guard role == .manager else { return refused }
            return route == .listAccounts ? ([200], [200]) : route == .createAccount ? ([400], [400]) : ([404], [404])
        case .findings: return role == .verifier ? ([400], [404]) : refused
        }
    }

    @Test(
        "each role on E1: reads like any account of E1, changes only what its role changes",
        arguments: [
            Role.viewer, .reviewer, .manager, .verifier,
        ])
    func role(_ role: Role) async throws {
        try await withAPI("sqlite") { client, database in
            let w = try await AuthorizationMatrixTests.world(client, database)
            let accounts = AccountStore(database, cost: 4)
            let account = try await accounts.create(
                name: "someone", password: "a long password",
                grants: [RoleGrant(role: role, unitID: Int64(w.units["E1"]!))])
            let bearer = "Bearer \(try await accounts.makeToken(for: account, name: "t").secret)"
            for route in APIRoute.allCases {
                let expected = try #require(Self.expects(role, route), "no rule for \(route)")
                for side in ["in", "out"] {
                    let (uri, body) = AuthorizationMatrixTests.request(route, side, w)
                    let headers: HTTPFields = [.authorization: route == .createToken ? "" : bearer]
                    let status = try await client.call(route.method, uri, json: body, headers: headers).status.code
                    let allowed = side == "in" ? expected.in : expected.out
                    #expect(allowed.contains(Int(status)), "\(role) \(route) \(side): \(status) for \(uri)")
                }
            }
        }
    }

    @Test(
        "each role's pages: its subtree's pages answer, others are missing, role pages only for their roles",
        arguments: [
            Role.viewer, .reporter, .reviewer, .manager, .verifier,
        ])
    func pages(_ role: Role) async throws {
        try await withAPI("sqlite") { client, database in
            let w = try await AuthorizationMatrixTests.world(client, database)
            let accounts = AccountStore(database, cost: 4)
            let account = try await accounts.create(
                name: "someone", password: "a long password",
                grants: [RoleGrant(role: role, unitID: Int64(w.units["E1"]!))])
            let headers: HTTPFields = [
                .authorization: "Bearer \(try await accounts.makeToken(for: account, name: "t").secret)"
            ]
            let (f1, e2) = (w.units["F1"]!, w.units["E2"]!)
            let auditors: Set<Role> = [.reviewer, .manager, .verifier]
            let pages: [(String, Int)] = [
                ("/units/\(f1)?year=2023", 200), ("/units/\(e2)?year=2023", 404),
                ("/units/\(f1)/records?year=2023", 200), ("/units/\(e2)/records?year=2023", 404),
                ("/units/\(f1)/periods?year=2023", 200), ("/units/\(e2)/periods?year=2023", 404),
                ("/units/\(f1)/periods/2023-03?x=1", 200), ("/units/\(e2)/periods/2023-03?x=1", 404),
                ("/inventories/\(w.inventory["in"]!)?x=1", 200), ("/inventories/\(w.inventory["out"]!)?x=1", 404),
                ("/review?x=1", 200), ("/factors?x=1", 200), ("/data/import?x=1", 200),
                ("/audit?x=1", auditors.contains(role) ? 200 : 403), ("/accounts?x=1", role == .manager ? 200 : 403),
            ]
            for (uri, expected) in pages {
                let status = try await client.execute(uri: uri + "&lang=en", method: .get, headers: headers) {
                    Int($0.status.code)
                }
                #expect(status == expected, "\(role) \(uri): \(status)")
            }
        }
    }
}

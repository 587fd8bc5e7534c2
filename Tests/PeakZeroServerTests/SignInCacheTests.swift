import Foundation
import Accounting
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Persistence
import PersistenceTestSupport
import Testing

@testable import PeakZeroServer

/// Sign-ins are remembered between requests while the database is unchanged; every change that
/// should end or narrow one must show on the very next request.
@Suite("Remembered sign-ins")
struct SignInCacheTests {
    @Test("revoking a token, disabling an account, ending a session and moving a unit show at once")
    func followsChanges() async throws {
        try await withAPI("sqlite") { client, database in
            #expect(SignInCache(database: database) != nil, "a database file has a change signal")
            #expect(try await client.call(.post, "/api/v1/units", json: treeJSON).status == .created)
            let accounts = AccountStore(database, cost: 4)
            let units = UnitStore(database)
            let enterprise = try await units.unit(code: "E1")
            let rita = try await accounts.create(
                name: "rita", password: "a long password", grants: [RoleGrant(role: .viewer, unitID: enterprise.id)])
            let token = try await accounts.makeToken(for: rita, name: "t")
            let bearer: HTTPFields = [.authorization: "Bearer \(token.secret)"]
            let facility = try await units.unit(code: "F1")
            let facilityPath = "/api/v1/units/\(facility.id)"
            // Asked twice: the second answer comes from what was remembered, and is the same.
            #expect(try await client.call(.get, facilityPath, headers: bearer).status == .ok)
            #expect(try await client.call(.get, facilityPath, headers: bearer).status == .ok)

            // The facility moves out of rita's enterprise: her scope no longer holds it.
            var moved = NewUnit(code: "F1", name: "Facility 1", level: "facility", regionCode: "510104")
            moved.parentCode = "E2"
            _ = try await units.update(id: facility.id, with: moved)
            #expect(try await client.call(.get, facilityPath, headers: bearer).status == .notFound)

            // Revoked: refused on the next request.
            try await accounts.revokeToken(id: token.token.id, of: rita)
            #expect(try await client.call(.get, "/api/v1/units", headers: bearer).status == .unauthorized)

            // Disabled: a second token opened everything until the account was disabled.
            let second: HTTPFields = [
                .authorization: "Bearer \(try await accounts.makeToken(for: rita, name: "u").secret)"
            ]
            #expect(try await client.call(.get, "/api/v1/units", headers: second).status == .ok)
            try await accounts.disable(name: "rita")
            #expect(try await client.call(.get, "/api/v1/units", headers: second).status == .unauthorized)

            // A browser session, remembered, then ended.
            let admin = try #require(try await accounts.account(named: "admin"))
            let session = try await accounts.openSession(for: admin)
            let cookie: HTTPFields = [
                .authorization: "", .cookie: "\(SignInMiddleware.cookieName)=\(session.cookieValue)",
            ]
            #expect(try await client.call(.get, "/api/v1/units", headers: cookie).status == .ok)
            try await accounts.endSession(cookieValue: session.cookieValue)
            #expect(try await client.call(.get, "/api/v1/units", headers: cookie).status == .unauthorized)
        }
    }

    /// The remembered sign-in keeps its end as a moment: once the clock passes it, the very next
    /// request is refused though nothing in the database changed.
    @Test("a remembered token ends when its time is up, with no change to the database")
    func expires() async throws {
        try await TestDatabases.withDatabase("sqlite") { database in
            let now = NowBox(Date())
            let accounts = AccountStore(database, cost: 4, clock: { now.value })
            let app = Application(router: try APIRouter.make(database: database, accounts: accounts))
            let admin = try await accounts.create(name: "admin", password: "a long password", grants: [.admin])
            let token = try await accounts.makeToken(for: admin, name: "t", days: 1)
            let bearer: HTTPFields = [.authorization: "Bearer \(token.secret)"]
            try await app.test(.router) { (client: any TestClientProtocol) async throws in
                func status() async throws -> HTTPResponse.Status {
                    try await client.execute(uri: "/api/v1/units", method: .get, headers: bearer) { $0.status }
                }
                // Asked twice: the second is answered from what was remembered.
                #expect(try await status() == .ok)
                #expect(try await status() == .ok)
                now.value = now.value.addingTimeInterval(86_400 - 60)
                #expect(try await status() == .ok)
                now.value = now.value.addingTimeInterval(120)
                #expect(try await status() == .unauthorized)
            }
        }
    }

    @Test("a bearer token is read in any case of \"Bearer\", with blanks around it; anything else is refused")
    func bearerHeader() async throws {
        try await withAPI("sqlite") { client, database in
            let accounts = AccountStore(database, cost: 4)
            let admin = try #require(try await accounts.account(named: "admin"))
            let secret = try await accounts.makeToken(for: admin, name: "spaced").secret
            for header in ["Bearer \(secret)", "bearer \t \(secret)  ", "BEARER \(secret)\t"] {
                #expect(try await client.call(.get, "/api/v1/units", headers: [.authorization: header]).status == .ok)
            }
            for header in ["Bearer", "Bearer ", "Token \(secret)", "Bearer x\(secret)"] {
                #expect(
                    try await client.call(.get, "/api/v1/units", headers: [.authorization: header]).status
                        == .unauthorized, "\(header)")
            }
        }
    }
}

/// A moment the test moves on by hand.
final class NowBox: @unchecked Sendable {  // only touched under `lock`
    private let lock = NSLock()
    private var date: Date

    init(_ date: Date) { self.date = date }

    var value: Date {
        get { lock.withLock { date } }
        set { lock.withLock { date = newValue } }
    }
}

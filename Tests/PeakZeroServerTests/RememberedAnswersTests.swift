import Accounting
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Persistence
import PersistenceTestSupport
import Testing

@testable import PeakZeroServer

/// Signed-in reads answered again on the connection, before the router (`RememberedAnswersHandler`),
/// on a live server: the same answer as the router's, and every change that should end or narrow
/// it — a revoked token, a disabled account, an ended session, a unit moved out of scope, the
/// credential's end — shows on the very next request.
@Suite("Remembered answers on the connection")
struct RememberedAnswersTests {
    /// What a test of the live server works with.
    struct Live: Sendable {
        /// Signed in as `admin`.
        let client: SignedInClient
        let database: PeakZeroDatabase
        /// On the clock `now`.
        let accounts: AccountStore
        let answers: RememberedAnswers
        let metrics: ServerMetrics
        /// The small tree's units by code.
        let id: [String: Int]
        let now: NowBox
    }

    /// A live server on a SQLite file with the small tree's data and inventories.
    static func withLiveServer(
        _ kind: String = "sqlite", idleTimeout: Duration = .seconds(30),
        _ body: @escaping @Sendable (Live) async throws -> Void
    ) async throws {
        try await TestDatabases.withDatabase(kind) { database async throws in
            let now = NowBox(Date())
            let accounts = AccountStore(database, cost: 4, clock: { now.value })
            let metrics = ServerMetrics()
            let answers = try #require(RememberedAnswers(database: database, accounts: accounts, metrics: metrics))
            #expect(try await TestDatabases.untilSteady(answers.signal), "the change signal settles")
            let token = try await TestAccounts.adminToken(accounts)
            // The data goes in through the router alone: a live connection idle for a short timeout
            // on a busy machine could be closed between two of these requests.
            let loader = Application(router: try APIRouter.make(database: database, accounts: accounts))
            let id = try await loader.test(.router) { client in
                try await RollupAPITests.load(SignedInClient(client: client, token: token))
            }
            let app = try PeakZeroApplication.make(
                database: database,
                configuration: ServerConfiguration(host: "127.0.0.1", port: 0, idleTimeout: idleTimeout),
                logger: Logger(label: "test"), accounts: accounts, answers: answers, metrics: metrics)
            try await app.test(.live) { client async throws in
                let client = SignedInClient(client: client, token: token)
                try await body(
                    Live(
                        client: client, database: database, accounts: accounts, answers: answers, metrics: metrics,
                        id: id, now: now))
            }
        }
    }

    static func indicators(_ id: [String: Int], _ code: String) -> String {
        "/api/v1/units/\(id[code]!)/indicators?year=2023"
    }

    @Test(
        "asked again, the same answer comes from memory: same body and fields, a fresh Date, no marker",
        arguments: TestDatabases.locations)
    func sameAnswer(_ kind: String) async throws {
        try await Self.withLiveServer(kind) { live in
            let (client, answers, id) = (live.client, live.answers, live.id)
            let uri = Self.indicators(id, "G")
            let computed = try await client.execute(uri: uri, method: .get) { $0 }
            let before = answers.answeredFromMemory
            let remembered = try await client.execute(uri: uri, method: .get) { $0 }
            #expect(answers.answeredFromMemory == before + 1)
            #expect(live.metrics.exposition().contains("peakzero_remembered_answers_total \(before + 1)"))
            #expect(computed.status == .ok && remembered.status == .ok)
            #expect(computed.body == remembered.body && computed.body.readableBytes > 1000)
            func fields(_ response: TestResponse) -> [String] {
                response.headers.filter { $0.name != .date }.map { "\($0.name): \($0.value)" }.sorted()
            }
            #expect(fields(computed) == fields(remembered))
            #expect(remembered.headers[.date] != nil && remembered.headers[.contentType] == "application/json; charset=utf-8")
            #expect(remembered.headers[RememberedAnswers.markerField] == nil)
            #expect(computed.headers[RememberedAnswers.markerField] == nil)
            // Another language is another answer: computed, not taken from the Chinese one.
            let english = try await client.execute(uri: uri, method: .get, headers: [.acceptLanguage: "en"]) { $0.status }
            #expect(english == .ok && answers.answeredFromMemory == before + 1)
            // Pages and other routes are never remembered.
            for _ in 0..<2 { _ = try await client.call(.get, "/api/v1/units") }
            #expect(answers.answeredFromMemory == before + 1)
        }
    }

    @Test(
        "revoked, disabled, ended, moved out of scope, or past its end: refused on the next request",
        arguments: TestDatabases.locations)
    func followsChanges(_ kind: String) async throws {
        try await Self.withLiveServer(kind) { live in
            let (client, accounts, answers, id, now) = (live.client, live.accounts, live.answers, live.id, live.now)
            let units = UnitStore(live.database)
            let enterprise = try await units.unit(code: "E1")
            let rita = try await accounts.create(
                name: "rita", password: "a long password", grants: [RoleGrant(role: .viewer, unitID: enterprise.id)])
            func askedTwice(_ uri: String, _ headers: HTTPFields) async throws -> HTTPResponse.Status {
                // A write just before (an account, a token) is announced by PostgreSQL a moment later,
                // and that announcement clears what is remembered, as any change does: when it lands
                // between the two requests, the pair is asked again (at most twice more).
                for _ in 0..<3 {
                    let first = try await client.execute(uri: uri, method: .get, headers: headers) { $0.status }
                    let served = answers.answeredFromMemory
                    let second = try await client.execute(uri: uri, method: .get, headers: headers) { $0.status }
                    #expect(first == second)
                    if first != .ok {
                        #expect(answers.answeredFromMemory == served, "\(uri)")
                        return second
                    }
                    if answers.answeredFromMemory == served + 1 { return second }
                }
                Issue.record("\(uri) was never answered from memory")
                return .internalServerError
            }
            let token = try await accounts.makeToken(for: rita, name: "t", days: 1)
            let bearer: HTTPFields = [.authorization: "Bearer \(token.secret)"]
            // In scope, remembered; the group above her enterprise is out of scope, never remembered.
            #expect(try await askedTwice(Self.indicators(id, "F1"), bearer) == .ok)
            #expect(try await askedTwice(Self.indicators(id, "G"), bearer) == .notFound)

            // The facility moves to the other enterprise, out of her scope.
            var moved = NewUnit(code: "F1", name: "Facility 1", level: "facility", regionCode: "510104")
            moved.parentCode = "E2"
            _ = try await units.update(id: Int64(id["F1"]!), with: moved)
            let served = answers.answeredFromMemory
            #expect(try await client.call(.get, Self.indicators(id, "F1"), headers: bearer).status == .notFound)
            #expect(try await askedTwice(Self.indicators(id, "E1"), bearer) == .ok)

            // Past the token's end, with no change to the database.
            now.value = now.value.addingTimeInterval(86_400 + 60)
            #expect(try await client.call(.get, Self.indicators(id, "E1"), headers: bearer).status == .unauthorized)
            now.value = Date()

            // Revoked.
            #expect(try await client.call(.get, Self.indicators(id, "E1"), headers: bearer).status == .ok)
            try await accounts.revokeToken(id: token.token.id, of: rita)
            #expect(try await client.call(.get, Self.indicators(id, "E1"), headers: bearer).status == .unauthorized)

            // Disabled: a second token was remembered until the account was disabled.
            let second: HTTPFields = [
                .authorization: "Bearer \(try await accounts.makeToken(for: rita, name: "u").secret)"
            ]
            #expect(try await askedTwice(Self.indicators(id, "E1"), second) == .ok)
            try await accounts.disable(name: "rita")
            #expect(try await client.call(.get, Self.indicators(id, "E1"), headers: second).status == .unauthorized)

            // A browser session, remembered, then ended.
            let admin = try #require(try await accounts.account(named: "admin"))
            let session = try await accounts.openSession(for: admin)
            let cookie: HTTPFields = [
                .authorization: "", .cookie: "\(SignInMiddleware.cookieName)=\(session.cookieValue)",
            ]
            #expect(try await askedTwice(Self.indicators(id, "G"), cookie) == .ok)
            try await accounts.endSession(cookieValue: session.cookieValue)
            let afterEnd = answers.answeredFromMemory
            #expect(try await client.call(.get, Self.indicators(id, "G"), headers: cookie).status == .unauthorized)
            #expect(answers.answeredFromMemory == afterEnd && afterEnd > served)
        }
    }

    @Test("pipelined requests are answered in the order they came, remembered or not")
    func pipelinedInOrder() async throws {
        try await Self.withLiveServer { live in
            let (client, answers, id) = (live.client, live.answers, live.id)
            let uri = Self.indicators(id, "G")
            for _ in 0..<2 { #expect(try await client.call(.get, uri).status == .ok) }
            let token = client.token
            let served = answers.answeredFromMemory
            let port = try #require(client.port)
            // The units list (passed to the router), then the remembered indicators twice: the
            // indicators must wait for the list, and the last asks to close, so reading ends.
            let ask = { (path: String, extra: String) in
                "GET \(path) HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n\(extra)\r\n"
            }
            let requests = ask("/api/v1/units", "") + ask(uri, "") + ask(uri, "Connection: close\r\n")
            let text = try await offThePool {
                let socket = try IdleConnectionTests.connected(port: port, sending: requests)
                defer { close(socket) }
                var received = [UInt8]()
                var chunk = [UInt8](repeating: 0, count: 65_536)
                while true {
                    let count = recv(socket, &chunk, chunk.count, 0)
                    if count <= 0 { break }
                    received += chunk.prefix(count)
                }
                return String(decoding: received, as: UTF8.self)
            }
            let responses = Array(text.components(separatedBy: "HTTP/1.1 ").dropFirst())
            #expect(responses.map { $0.prefix(3) } == ["200", "200", "200"])
            // The list first, then the two indicator answers.
            #expect(responses.map { $0.contains("\"totals\"") } == [false, true, true])
            // The second waited for the router's answer to the first, so it was passed on too.
            #expect(answers.answeredFromMemory == served)
        }
    }

    @Test("a connection kept busy by remembered answers is not closed as idle")
    func busyIsNotIdle() async throws {
        // Three seconds: an answer delayed by a busy machine (the whole suite runs at once, browsers
        // printing beside it) must not read as idleness; 24 requests a fifth of a second apart
        // (almost five seconds) still outlast it.
        try await Self.withLiveServer(idleTimeout: .seconds(3)) { live in
            let (client, answers, id) = (live.client, live.answers, live.id)
            let uri = Self.indicators(id, "G")
            // Only this socket speaks to the server: the test client's own connection idles out.
            let port = try #require(client.port)
            let request = "GET \(uri) HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(client.token)\r\n\r\n"
            let served = answers.answeredFromMemory
            // Five seconds of requests, a fifth of a second apart, on one connection: the first
            // answered by the router and remembered, the others from memory.
            let rounds = try await offThePool {
                let socket = try IdleConnectionTests.connected(port: port, sending: request)
                defer { close(socket) }
                var chunk = [UInt8](repeating: 0, count: 65_536)
                for round in 0..<24 {
                    if round > 0 { _ = request.withCString { send(socket, $0, strlen($0), 0) } }
                    if recv(socket, &chunk, chunk.count, 0) <= 0 { return round }  // closed
                    usleep(200_000)
                }
                return 24
            }
            #expect(rounds == 24, "the connection was closed after \(rounds) answers")
            #expect(answers.answeredFromMemory > served)
        }
    }
}

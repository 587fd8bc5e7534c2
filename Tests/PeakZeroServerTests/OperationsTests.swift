import Accounting
import Foundation
import Glibc
import Hummingbird
import Intake
import Logging
import HTTPTypes
import HummingbirdTesting
import Persistence
import PersistenceTestSupport
import SQLKit
import Testing

@testable import PeakZeroServer

/// What an operator's monitor sees: liveness and readiness, without an account.
@Suite("Operations: health and readiness")
struct OperationsTests {
    @Test("/healthz and /readyz answer a stranger; readiness fails while a migration is pending",
        arguments: TestDatabases.locations)
    func healthAndReadiness(_ kind: String) async throws {
        try await withAPI(kind) { client, database in
            let stranger: HTTPFields = [.authorization: ""]
            let alive = try await client.call(.get, "/healthz", headers: stranger)
            #expect(alive.status == .ok && alive.json.object["status"] as? String == "ok")
            let ready = try await client.call(.get, "/readyz", headers: stranger)
            let newest = Migrations.all.map(\.version).max()!
            #expect(ready.status == .ok && ready.json.object["status"] as? String == "ready")
            #expect(ready.json.object["migrations"] as? Int == newest)
            #expect(ready.json.object["database"] as? String == (kind == "sqlite" ? "sqlite" : "postgres"))
            // A release newer than the schema: not ready, and says what to do.
            try await database.sql.raw("DELETE FROM schema_migrations WHERE version = \(bind: newest)").run()
            let pending = try await client.call(.get, "/readyz", headers: stranger)
            #expect(pending.status == .serviceUnavailable)
            #expect((pending.json.object["reason"] as? String)?.contains("peakzero migrate") == true)
            #expect(pending.json.object["migrations"] as? Int == newest - 1)
        }
    }

    @Test("a failure of the server answers with a body and the request's id, never an empty 500")
    func failuresAreTold() async throws {
        try await withAPI("sqlite") { client, database in
            _ = try await RollupAPITests.load(client)
            // The database loses a table under the server's feet.
            try await database.sql.raw("DROP TABLE activity_spans").run()
            let record = #"{"unit_code": "F1", "period": "2023-06", "item": "diesel", "quantity": 1, "uom": "t"}"#
            let failed = try await client.call(.post, "/api/v1/activity-records?lang=en", json: record)
            #expect(failed.status == .internalServerError)
            let error = failed.json.object["error"] as? [String: Any]
            #expect(error?["code"] as? String == "internal")
            #expect((error?["message"] as? String)?.contains("nothing was written") == true)
            #expect((error?["message"] as? String)?.contains("request id") == true)
        }
        struct Told: Error, CustomStringConvertible {
            let description: String
        }
        #expect(ServerFailure(Told(description: "SQLite: database or disk is full")) == .diskFull)
        #expect(ServerFailure(Told(description: "could not write: No space left on device")) == .diskFull)
        #expect(ServerFailure(Told(description: "connectionRequestTimeout")) == .databaseUnavailable)
        #expect(ServerFailure(Told(description: "SQLite: database is locked")) == .databaseUnavailable)
        #expect(ServerFailure(Told(description: "SQLite: no such table: x")) == .internal)
        let full = APIError(.diskFull, requestID: "r-1", language: .zh)
        #expect(full.status.code == 507 && full.message.contains("r-1") && full.message.contains("磁盘已满"))
        #expect(APIError(.databaseUnavailable, requestID: "r-2", language: .en).retryAfter == 5)
    }
}

/// A connection that sends half a request and then nothing is closed after the idle timeout
/// (such connections, left open by the hundred, once held the server's sockets without end).
@Suite("Operations: half-sent requests")
struct IdleConnectionTests {
    @Test("half a request's head, then silence: the server closes the connection")
    func halfSentRequestTimesOut() async throws {
        try await TestDatabases.withDatabase("sqlite") { database async throws in
            let app = try PeakZeroApplication.make(
                database: database,
                configuration: ServerConfiguration(host: "127.0.0.1", port: 0, idleTimeout: .seconds(1)),
                logger: Logger(label: "test"))
            try await app.test(.live) { client async throws in
                let port = try #require(client.port)
                let closedWithin = try await offThePool {
                    try Self.secondsUntilClosed(port: port, sending: "GET /healthz HTTP/1.1\r\nHost: x\r\n")
                }
                #expect(closedWithin != nil && closedWithin! < 12, "\(String(describing: closedWithin))")
                // A whole request is still answered (on a socket of its own: the test client's kept
                // connection has idled past the timeout too).
                let line = try await offThePool {
                    try Self.firstLine(port: port, sending: "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                }
                #expect(line == "HTTP/1.1 200 OK")
            }
        }
    }

    @Test("a body sent a byte at a time is cut off at the body time limit; a whole request is answered")
    func drippedBodyIsCutOff() async throws {
        try await TestDatabases.withDatabase("sqlite") { database async throws in
            let app = try PeakZeroApplication.make(
                database: database,
                configuration: ServerConfiguration(
                    host: "127.0.0.1", port: 0, idleTimeout: .seconds(30), bodyTimeLimit: .seconds(1)),
                logger: Logger(label: "test"))
            try await app.test(.live) { client async throws in
                let port = try #require(client.port)
                let head =
                    "POST /api/v1/activity-records HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n["
                // A byte every fifth of a second: never idle, never done.
                let closedWithin = try await offThePool { try Self.secondsUntilClosed(port: port, dripping: head) }
                #expect(closedWithin != nil && closedWithin! < 8, "\(String(describing: closedWithin))")
                let line = try await offThePool {
                    try Self.firstLine(port: port, sending: "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                }
                #expect(line == "HTTP/1.1 200 OK")
            }
        }
    }

    /// Connects, sends `head`, then a space every fifth of a second for up to twelve seconds; the
    /// seconds until the server closed the connection, or nil when it stayed open.
    static func secondsUntilClosed(port: Int, dripping head: String) throws -> Double? {
        let socket = try connected(port: port, sending: head)
        defer { close(socket) }
        var wait = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        let started = Date()
        while Date().timeIntervalSince(started) < 12 {
            var space = UInt8(ascii: " ")
            if send(socket, &space, 1, Int32(MSG_NOSIGNAL)) < 0 { return Date().timeIntervalSince(started) }
            var byte: UInt8 = 0
            if recv(socket, &byte, 1, 0) == 0 { return Date().timeIntervalSince(started) }
        }
        return nil
    }

    /// Connects, sends `text`, and waits up to fifteen seconds (a busy machine is slow) for the server
    /// to close the connection;
    /// the seconds it took, or nil when it stayed open.
    static func secondsUntilClosed(port: Int, sending text: String) throws -> Double? {
        let socket = try connected(port: port, sending: text)
        defer { close(socket) }
        let started = Date()
        var byte: UInt8 = 0
        let read = recv(socket, &byte, 1, 0)
        // 0: closed by the server; -1 after the wait: still open.
        return read == 0 ? Date().timeIntervalSince(started) : nil
    }

    /// The first line of the server's answer to `text`.
    static func firstLine(port: Int, sending text: String) throws -> String {
        let socket = try connected(port: port, sending: text)
        defer { close(socket) }
        var bytes = [UInt8](repeating: 0, count: 256)
        let read = recv(socket, &bytes, bytes.count, 0)
        let answer = String(decoding: bytes.prefix(max(0, read)), as: UTF8.self)
        return String(answer.split(separator: "\r\n").first ?? "")
    }

    /// A loopback connection to `port` that has sent `text`, with a fifteen-second wait on reads.
    /// Blocking: call it through `offThePool`.
    static func connected(port: Int, sending text: String) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(socket)
            throw POSIXError(.ECONNREFUSED)
        }
        _ = text.withCString { send(socket, $0, strlen($0), 0) }
        var wait = timeval(tv_sec: 15, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        return socket
    }
}

/// Uploads waiting for their import are private to the server's user and swept after a crash.
@Suite("Operations: private uploads")
struct PrivateUploadsTests {
    @Test("an upload's folder is 0700 and its file 0600; what a crash left a day ago is swept, younger kept")
    func privateAndSwept() throws {
        let area = "test-\(UUID().uuidString)"
        let folder = try PrivateUploads.folder(area, "job")
        defer { try? FileManager.default.removeItem(at: PrivateUploads.root.appendingPathComponent(area)) }
        let file = folder.appendingPathComponent("ledger.csv")
        try PrivateUploads.write(Data("a,b\n".utf8), to: file)
        func mode(_ url: URL) throws -> Int {
            (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
        }
        #expect(try mode(PrivateUploads.root) == 0o700 && mode(folder) == 0o700 && mode(file) == 0o600)
        let old = try PrivateUploads.folder(area, "left-by-a-crash")
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(-2 * 24 * 3600)], ofItemAtPath: old.path)
        #expect(PrivateUploads.sweep() >= 1)
        #expect(!FileManager.default.fileExists(atPath: old.path))
        #expect(FileManager.default.fileExists(atPath: file.path))
    }
}

/// Imports beyond the limit running at once are refused at once with Retry-After, not queued.
@Suite("Operations: imports at once")
struct ImportGateTests {
    @Test("with every place taken, an upload is 429 with Retry-After through the API; places come back")
    func busy() async throws {
        try await TestDatabases.withDatabase("sqlite") { database async throws in
            let accounts = AccountStore(database, cost: 4)
            let token = try await TestAccounts.adminToken(accounts)
            let app = Application(router: try APIRouter.make(database: database, accounts: accounts, limits: ServerLimits(concurrentImports: 0)))
            try await app.test(.router) { client in
                let signed = SignedInClient(client: client, token: token)
                let refused = try await IntakeAPITests.upload(signed, IntakeAPITests.good, name: "good.csv", query: "?lang=en")
                #expect(refused.status == .tooManyRequests)
                #expect(refused.headers[.retryAfter] == String(ImportGate.retryAfter))
                #expect((refused.json["error"] as? [String: Any])?["code"] as? String == "imports_busy")
            }
        }
        let gate = ImportGate(limit: 2)
        #expect(gate.enter() && gate.enter() && !gate.enter())
        gate.leave()
        #expect(gate.enter())
    }
}

/// The operator's limits on one request reach the routes: a body over the set size is 413, a
/// workbook unpacking past the set size is refused before it is read.
@Suite("Operations: request limits as settings")
struct RequestLimitTests {
    @Test("a smaller body limit refuses a larger batch; a smaller workbook limit refuses a template")
    func limitsApply() async throws {
        try await TestDatabases.withDatabase("sqlite") { database async throws in
            let accounts = AccountStore(database, cost: 4)
            let token = try await TestAccounts.adminToken(accounts)
            let limits = ServerLimits(bodyBytes: 64 << 10, workbookBytes: 4 << 10)
            let app = Application(router: try APIRouter.make(database: database, accounts: accounts, limits: limits))
            try await app.test(.router) { client in
                let signed = SignedInClient(client: client, token: token)
                // 100 KiB of JSON against a 64 KiB limit; the default (64 MiB) would read it.
                let record = #"{"unit_code": "X", "period": "2023-01", "item": "柴油", "quantity": 1, "uom": "t"}"#
                let batch = "[" + Array(repeating: record, count: 1_300).joined(separator: ",") + "]"
                #expect(batch.utf8.count > 100 << 10)
                let (status, _) = try await signed.call(.post, "/api/v1/activity-records", json: batch)
                #expect(status == .contentTooLarge)
                // The activity template unpacks to more than 4 KiB.
                let template = try Templates.data(.activity, format: .xlsx, language: .en)
                let refused = try await IntakeAPITests.upload(signed, template, name: "template.xlsx", query: "?lang=en")
                #expect(refused.status == .unprocessableContent)
                let message = (refused.json["error"] as? [String: Any])?["message"] as? String ?? ""
                #expect(message.contains("the workbook is too large"), "\(message)")
            }
        }
    }
}

/// Requests that may change data run their queries on SQLite's lane for changes, at a higher
/// priority; reads do not.
@Suite("Operations: the lane for changes")
struct QueryLaneTests {
    @Test("POST, PUT and DELETE set the lane and a high priority; GET neither")
    func lanes() async throws {
        let router = Router(context: PeakZeroContext.self)
        router.add(middleware: QueryLaneMiddleware())
        for method in [HTTPRequest.Method.get, .post, .put, .delete] {
            router.on("/lane", method: method) { _, _ in "\(QueryLane.changes) \(Task.currentPriority >= .high)" }
        }
        try await Application(router: router).test(.router) { client in
            for (method, expected) in [(HTTPRequest.Method.get, "false false"), (.post, "true true"), (.put, "true true"),
                (.delete, "true true")] {
                try await client.execute(uri: "/lane", method: method) { response in
                    #expect(String(buffer: response.body) == expected, "\(method)")
                }
            }
        }
    }
}

/// Runs blocking work (a socket's reads) on a thread of its own. On one of Swift's few cooperative
/// threads it would keep the server in the same process from answering, and the read would wait
/// for an answer that cannot come.
func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
    }
}

/// Prometheus figures at `/metrics`, for administrators: requests by declared route and status,
/// refusals included, and answers given from memory.
@Suite("Operations: metrics")
struct MetricsTests {
    @Test("requests are counted by declared route, method and status; only administrators read them")
    func countedByRoute() async throws {
        try await TestDatabases.withDatabase("sqlite") { database async throws in
            let accounts = AccountStore(database, cost: 4)
            let token = try await TestAccounts.adminToken(accounts)
            let viewer = try await accounts.create(name: "vera", password: "a long password", grants: [RoleGrant(role: .viewer, regionCode: "510000")])
            let viewerToken = try await accounts.makeToken(for: viewer, name: "t").secret
            let app = Application(router: try APIRouter.make(database: database, accounts: accounts))
            try await app.test(.router) { client async throws in
                let admin: HTTPFields = [.authorization: "Bearer \(token)"]
                for _ in 0..<3 { #expect(try await client.execute(uri: "/api/v1/units", method: .get, headers: admin) { $0.status } == .ok) }
                #expect(try await client.execute(uri: "/api/v1/units/999999", method: .get, headers: admin) { $0.status } == .notFound)
                #expect(try await client.execute(uri: "/api/v1/units", method: .get) { $0.status } == .unauthorized)
                #expect(try await client.execute(uri: "/no/such/place", method: .get, headers: admin) { $0.status } == .notFound)
                #expect(
                    try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer \(viewerToken)"]) {
                        $0.status
                    } == .forbidden)
                #expect(try await client.execute(uri: "/metrics", method: .get) { $0.status } == .unauthorized)
                let (status, type, text) = try await client.execute(uri: "/metrics", method: .get, headers: admin) {
                    ($0.status, $0.headers[.contentType], String(buffer: $0.body))
                }
                #expect(status == .ok && type?.hasPrefix("text/plain; version=0.0.4") == true)
                #expect(text.contains(#"peakzero_http_requests_total{route="/api/v1/units",method="GET",status="200"} 3"#))
                #expect(text.contains(#"peakzero_http_requests_total{route="/api/v1/units",method="GET",status="401"} 1"#))
                // The declared path, never the address asked.
                #expect(text.contains(#"route="/api/v1/units/{id}",method="GET",status="404"} 1"#))
                #expect(!text.contains("999999") && !text.contains("/no/such/place"))
                #expect(text.contains(#"peakzero_http_requests_total{route="unmatched",method="GET",status="404"} 1"#))
                #expect(text.contains(#"peakzero_http_request_duration_seconds_bucket{route="/api/v1/units",method="GET",le="#))
                #expect(text.contains(#"peakzero_remembered_answers_total 0"#))
                // The pool: its size, nothing running between requests, and the requests' queries counted.
                #expect(text.contains("peakzero_database_pool_size \(database.poolUse.size)"))
                #expect(text.contains("peakzero_database_pool_in_flight 0"))
                let begun = text.split(separator: "\n").first { $0.hasPrefix("peakzero_database_operations_total ") }
                #expect((begun?.split(separator: " ").last).flatMap { Double($0) } ?? 0 >= 4)
            }
        }
    }
}

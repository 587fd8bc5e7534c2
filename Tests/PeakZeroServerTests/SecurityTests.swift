import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Persistence
import PersistenceTestSupport
import Synchronization
import Testing

@testable import PeakZeroServer

/// Hostile input and secrets: every text a filter takes from the address is only ever text (a
/// normal answer or 400, never a 500, nothing changed); a password never reaches a log line, a
/// response or the audit trail, at the most talkative log level.
@Suite("Security: text filters and secrets")
struct SecurityTests {
    static let hostile = [
        "' OR '1'='1", "1; DROP TABLE units; --", "\" OR 1=1 --", "%' --", "_", "\\", "1 UNION SELECT name FROM users",
        "<script>", "%00", String(repeating: "9", count: 40),
    ]

    @Test("SQL and markup in every text filter of the pages and the API: normal answers or 400, never 500")
    func textFilters() async throws {
        try await withAPI("sqlite") { client, database in
            let w = try await AuthorizationMatrixTests.world(client, database)
            let before = try await UnitStore(database).list(scope: .everything).count
            let filters = [
                "/units?lang=en&q=", "/units?lang=en&region=", "/factors?lang=en&kind=", "/factors?lang=en&item=",
                "/factors?lang=en&grade=", "/factors?lang=en&set=", "/audit?lang=en&unit=", "/audit?lang=en&actor=",
                "/audit?lang=en&year=", "/units/\(w.units["G"]!)/periods?lang=en&year=",
                "/units/\(w.units["G"]!)?lang=en&year=", "/api/v1/units?under=", "/api/v1/units?region=",
                "/api/v1/inventories?unit_id=", "/api/v1/inventories?year=", "/api/v1/audit?actor=",
                "/api/v1/audit?action=", "/api/v1/units/\(w.units["G"]!)/activity-records?year=",
                "/api/v1/units/\(w.units["G"]!)/indicators?year=2023&approach=",
                "/api/v1/exports/activity?unit_id=", "/api/v1/templates/activity?format=",
            ]
            for filter in filters {
                for text in Self.hostile {
                    let uri = filter + text.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                    let status = try await client.execute(uri: uri, method: .get) { $0.status.code }
                    #expect([200, 400, 404, 422].contains(Int(status)), "\(status) for \(filter)\(text)")
                }
            }
            // Periods in the path are text too.
            for text in Self.hostile {
                let period = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                let status = try await client.execute(
                    uri: "/api/v1/units/\(w.units["F1"]!)/periods/\(period)", method: .get
                ) { $0.status.code }
                #expect([400, 404, 422].contains(Int(status)), "\(status) for \(text)")
            }
            #expect(try await UnitStore(database).list(scope: .everything).count == before)
            #expect(try await AuditLog.verify(database).isIntact)
        }
    }

    /// Every log line, at trace level.
    final class Captured: Sendable {
        let lines = Mutex<[String]>([])
    }

    struct CapturingHandler: LogHandler {
        let captured: Captured
        var logLevel: Logger.Level = .trace
        var metadata: Logger.Metadata = [:]
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            let line = "\(event.message) \(metadata) \(event.metadata ?? [:])"
            captured.lines.withLock { $0.append(line) }
        }
    }

    @Test("a password is never logged, answered or audited, whether it signs in or fails to")
    func passwordsStaySecret() async throws {
        let password = "Correct-Horse-Battery-42"
        try await TestDatabases.withDatabase("sqlite") { database async throws in
            let accounts = AccountStore(database, cost: 4)
            _ = try await accounts.create(name: "sam", password: password, grants: [.admin])
            let captured = Captured()
            let logger = Logger(label: "peakzero.security-test") { _ in CapturingHandler(captured: captured) }
            let app = Application(
                router: try APIRouter.make(database: database, accounts: accounts), logger: logger)
            let answers = try await app.test(.router) { client in
                var answers = ""
                for tried in [password, password + "-wrong"] {
                    let body = #"{"name": "sam", "password": "\#(tried)"}"#
                    answers += try await client.execute(
                        uri: "/api/v1/auth/token", method: .post, headers: [.contentType: "application/json"],
                        body: .init(string: body)
                    ) { String(buffer: $0.body) }
                    let form = "name=sam&password=\(tried)"
                    answers += try await client.execute(
                        uri: "/signin?lang=en", method: .post,
                        headers: [.contentType: "application/x-www-form-urlencoded", .origin: "http://localhost"],
                        body: .init(string: form)
                    ) { String(buffer: $0.body) + "\($0.headers)" }
                }
                return answers
            }
            let logged = captured.lines.withLock { $0 }.joined(separator: "\n")
            #expect(!logged.isEmpty, "the capturing logger saw nothing: the test would prove nothing")
            #expect(!logged.contains("Horse-Battery"))
            #expect(!answers.contains("Horse-Battery"))
            let audit = try await AuditLog.entries(AuditFilter(), scope: .everything, limit: 100, in: database)
            #expect(audit.contains { $0.action == "signin.fail" })
            #expect(!audit.contains { "\($0.beforeState ?? "")\($0.afterState ?? "")".contains("Horse-Battery") })
        }
    }
}

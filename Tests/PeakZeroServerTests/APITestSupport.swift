import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Persistence
import PersistenceTestSupport
import Testing

@testable import PeakZeroServer

/// Runs `body` against the API on a fresh database of each kind, signed in as an administrator
/// (a bearer token on every request that does not bring its own `Authorization`).
func withAPI(
    _ kind: String, importJobThreshold: Int = 4 << 20,
    _ body: @escaping @Sendable (any TestClientProtocol, PeakZeroDatabase) async throws -> Void
) async throws {
    try await TestDatabases.withDatabase(kind) { database async throws in
        try await withSignedInApp(database, importJobThreshold: importJobThreshold) { client, _ in
            try await body(client, database)
        }
    }
}

/// Runs `body` against the API on a private copy of the demo province (SQLite), signed in as an
/// administrator.
func withDemoAPI(_ body: @escaping @Sendable (any TestClientProtocol, PeakZeroDatabase) async throws -> Void)
    async throws
{
    try await TestDatabases.withDemoDatabase { database async throws in
        try await withSignedInApp(database) { client, _ in try await body(client, database) }
    }
}

/// Runs `body` against the app on `database`, signed in with `token`, or as a new administrator
/// when none is given; `body` gets the client and the token.
func withSignedInApp(
    _ database: PeakZeroDatabase, importJobThreshold: Int = 4 << 20, token: String? = nil,
    clock: ChinaClock = .system, _ body: @escaping @Sendable (any TestClientProtocol, String) async throws -> Void
) async throws {
    let accounts = AccountStore(database, cost: 4)
    let app = Application(
        router: try APIRouter.make(
            database: database, importJobThreshold: importJobThreshold, accounts: accounts, clock: clock))
    var signedIn = token
    if signedIn == nil { signedIn = try await TestAccounts.adminToken(accounts) }
    let token = signedIn!
    try await app.test(.router) { client in try await body(SignedInClient(client: client, token: token), token) }
}

enum TestAccounts {
    static let adminPassword = "test administrator password"

    /// A new token for the administrator `admin`, who exists already.
    static func token(_ database: PeakZeroDatabase) async throws -> String {
        let accounts = AccountStore(database, cost: 4)
        return try await accounts.makeToken(
            for: try #require(try await accounts.account(named: "admin")), name: "tests"
        )
        .secret
    }

    /// Creates the administrator `admin` and a token for it.
    static func adminToken(_ accounts: AccountStore) async throws -> String {
        let admin = try await accounts.create(name: "admin", password: adminPassword, grants: [.admin])
        return try await accounts.makeToken(for: admin, name: "tests").secret
    }
}

/// A test client that signs every request in with a bearer token, unless the request names its own
/// `Authorization` (an empty one sends none, to test what a stranger gets).
struct SignedInClient: TestClientProtocol {
    let client: any TestClientProtocol
    let token: String

    func executeRequest(
        uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?
    ) async throws -> TestResponse {
        var headers = headers
        switch headers[.authorization] {
        case nil: headers[.authorization] = "Bearer \(token)"
        case "": headers[.authorization] = nil
        default: break
        }
        return try await client.executeRequest(uri: uri, method: method, headers: headers, body: body)
    }

    var port: Int? { client.port }
}

extension TestClientProtocol {
    /// Sends a request with an optional JSON body; returns status and the decoded JSON (if any).
    @discardableResult
    func call(
        _ method: HTTPRequest.Method, _ uri: String, json body: String? = nil, headers: HTTPFields = [:]
    ) async throws -> (status: HTTPResponse.Status, json: Any?) {
        var headers = headers
        if body != nil { headers[.contentType] = "application/json" }
        return try await execute(
            uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }
        ) { response in
            let data = Data(buffer: response.body)
            let json = data.isEmpty ? nil : try? JSONSerialization.jsonObject(with: data)
            DocumentConformance.check(method, uri, status: response.status, json: json)
            return (response.status, json)
        }
    }
}

extension Optional where Wrapped == Any {
    var object: [String: Any] { (self as? [String: Any]) ?? [:] }
    var items: [[String: Any]] { (object["items"] as? [[String: Any]]) ?? [] }
}

/// The small tree of the roll-up tests: S → G → (E1 60 % → F1 50 %, E2).
let treeJSON = """
    [
      {"code": "S", "name": "Supervisor", "level": "supervisor", "region_code": "510000"},
      {"code": "G", "name": "Group", "level": "group", "parent_code": "S", "region_code": "510100"},
      {"code": "E1", "name": "Enterprise 1", "level": "enterprise", "parent_code": "G", "region_code": "510104", "ownership_share": 0.6},
      {"code": "F1", "name": "Facility 1", "level": "facility", "parent_code": "E1", "region_code": "510104", "ownership_share": 0.5},
      {"code": "E2", "name": "Enterprise 2", "level": "enterprise", "parent_code": "G", "region_code": "510703"}
    ]
    """

func ids(_ json: Any?) -> [String: Int] {
    var out: [String: Int] = [:]
    for unit in json.items { out[unit["code"] as! String] = unit["id"] as? Int }
    return out
}

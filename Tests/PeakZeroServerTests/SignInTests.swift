import Accounting
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Persistence
import Testing

@testable import PeakZeroServer

/// Who may come in: nothing but signing in answers a stranger; a browser signs in to a fresh
/// session cookie and every form it posts carries the session's token; a script gets a bearer
/// token once, which it can list and revoke.
@Suite("Signing in: sessions, form tokens, API tokens")
struct SignInTests {
    static let stranger: HTTPFields = [.authorization: ""]

    @Test("a stranger gets 401 from the API and the sign-in page from the site; the API description is public")
    func strangers() async throws {
        try await withAPI("sqlite") { client, _ in
            let api = try await client.call(.get, "/api/v1/units", headers: Self.stranger)
            #expect(api.status == .unauthorized)
            #expect((api.json.object["error"] as? [String: Any])?["code"] as? String == "unauthorized")
            let forged = try await client.call(.get, "/api/v1/units", headers: [.authorization: "Bearer pzt_forged"])
            #expect(forged.status == .unauthorized)
            #expect(try await client.call(.get, "/api/v1/openapi.json", headers: Self.stranger).status == .ok)
            let page = try await client.execute(uri: "/units?q=x&lang=en", method: .get, headers: Self.stranger) { $0 }
            #expect(page.status == .seeOther)
            #expect(page.headers[.location] == "/signin?next=%2Funits%3Fq%3Dx%26lang%3Den&lang=en")
            let signIn = try await client.execute(uri: "/signin?lang=zh", method: .get, headers: Self.stranger) {
                ($0.status, String(buffer: $0.body))
            }
            #expect(signIn.0 == .ok && signIn.1.contains("<h1>登录</h1>") && !signIn.1.contains("/units?lang"))
            let css = try await client.execute(uri: "/static/peakzero.css", method: .get, headers: Self.stranger) { $0 }
            #expect(css.status == .ok)
        }
    }

    @Test("a browser signs in to a new session, posts forms with its token only, and signs out")
    func browserSession() async throws {
        try await withAPI("sqlite") { client, database in
            // A wrong password: the form again, with the name kept and no cookie.
            let wrong = try await Self.signIn(client, password: "wrong", cookie: nil)
            #expect(wrong.status == .unauthorized && wrong.html.contains("Wrong account name or password"))
            #expect(wrong.cookie == nil && wrong.html.contains("value=\"admin\""))
            // A cookie value brought along beforehand is ended, never adopted (no session fixation).
            let planted = try await AccountStore(database, cost: 4).openSession(
                for: try #require(try await AccountStore(database).account(named: "admin")))
            let signedIn = try await Self.signIn(
                client, password: TestAccounts.adminPassword, cookie: planted.cookieValue, next: "/factors?lang=en")
            #expect(signedIn.status == .seeOther && signedIn.location == "/factors?lang=en")
            let cookie = try #require(signedIn.cookie)
            #expect(cookie != planted.cookieValue)
            #expect(try await AccountStore(database).session(cookieValue: planted.cookieValue) == nil)
            let header = try #require(signedIn.setCookie)
            #expect(header.contains("HttpOnly") && header.contains("SameSite=Lax") && header.contains("Path=/"))

            let page = try await Self.get(client, "/factors?lang=en", cookie: cookie)
            #expect(page.status == .ok && page.html.contains("<span class=\"account-name\">admin</span>"))
            let token = try #require(WebPagesTests.matches(of: #"name="csrf" value="([^"]+)""#, in: page.html).first)
            let set = try await FactorSetStore(database).add(name: "mine", csv: WebFactorPagesTests.goodSet)
            let action = "/factors/sets/\(set.id)/delete?lang=en"
            // Without the form token, or with another, the post is refused and nothing changes.
            for fields in [[:], ["csrf": "pzc_guess"]] {
                let refused = try await Self.post(client, action, fields, cookie: cookie)
                #expect(refused.status == .forbidden)
            }
            #expect(try await FactorSetStore(database).list().count == 1)
            let deleted = try await Self.post(client, action, ["csrf": token], cookie: cookie)
            #expect(deleted.status == .seeOther)
            #expect(try await FactorSetStore(database).list().isEmpty)

            let out = try await Self.post(client, "/signout?lang=en", ["csrf": token], cookie: cookie)
            #expect(out.status == .seeOther && out.location == "/signin?lang=en")
            #expect(try await Self.get(client, "/factors?lang=en", cookie: cookie).status == .seeOther)
        }
    }

    @Test("a return address elsewhere is not followed after signing in")
    func openRedirect() async throws {
        try await withAPI("sqlite") { client, _ in
            // Browsers drop tabs and line breaks in an address: `/\t/evil.example` is `//evil.example`.
            for next in [
                "//evil.example/x", "https://evil.example", "/\\evil.example", "/\t/evil.example", "/\n/evil.example",
                "/\r//evil.example", "/ /evil.example", "/\u{200B}/evil.example",
            ] {
                let response = try await Self.signIn(
                    client, password: TestAccounts.adminPassword, cookie: nil, next: next)
                #expect(response.location == "/?lang=en", "\(next)")
            }
            // The form remembers no such address either.
            let form = try await client.execute(
                uri: "/signin?lang=en&next=/%09/evil.example", method: .get, headers: [.authorization: ""]
            ) { String(buffer: $0.body) }
            #expect(!form.contains("evil.example"))
            #expect(PageHandlers.safeNext("/units/3?year=2024&lang=zh") == "/units/3?year=2024&lang=zh")
            #expect(PageHandlers.safeNext("/units?q=四川") == "/units?q=四川")
        }
    }

    @Test("a script gets a token once, uses it, lists it without its secret, and revokes it")
    func apiTokens() async throws {
        try await withAPI("sqlite") { client, _ in
            let refused = try await client.call(
                .post, "/api/v1/auth/token", json: #"{"name": "admin", "password": "nope"}"#, headers: Self.stranger)
            #expect(refused.status == .unauthorized)
            let made = try await client.call(
                .post, "/api/v1/auth/token",
                json:
                    #"{"name": "admin", "password": "\#(TestAccounts.adminPassword)", "token_name": "nightly", "days": 7}"#,
                headers: Self.stranger)
            #expect(made.status == .created)
            let secret = try #require(made.json.object["token"] as? String)
            #expect(made.json.object["name"] as? String == "nightly" && made.json.object["password"] == nil)
            let bearer: HTTPFields = [.authorization: "Bearer \(secret)"]
            #expect(try await client.call(.get, "/api/v1/units", headers: bearer).status == .ok)
            let listed = try await client.call(.get, "/api/v1/auth/tokens", headers: bearer)
            let mine = try #require(listed.json.items.first { $0["name"] as? String == "nightly" })
            #expect(!String(describing: listed.json).contains(secret), "a secret is shown once only")
            let id = try #require(mine["id"] as? Int)
            #expect(try await client.call(.delete, "/api/v1/auth/tokens/\(id)", headers: bearer).status == .noContent)
            #expect(try await client.call(.get, "/api/v1/units", headers: bearer).status == .unauthorized)
        }
    }

    @Test("after five wrong passwords the account is locked, and the API says when to try again")
    func lockout() async throws {
        try await withAPI("sqlite") { client, _ in
            let wrong = #"{"name": "admin", "password": "guess"}"#
            for _ in 0..<AccountStore.failuresPerAccount {
                let response = try await client.call(.post, "/api/v1/auth/token", json: wrong, headers: Self.stranger)
                #expect(response.status == .unauthorized)
            }
            let locked = try await client.call(
                .post, "/api/v1/auth/token", json: #"{"name": "admin", "password": "\#(TestAccounts.adminPassword)"}"#,
                headers: Self.stranger)
            #expect(locked.status == .tooManyRequests)
            // Every 429 says when to ask again.
            let retryAfter = try await client.execute(
                uri: "/api/v1/auth/token", method: .post,
                headers: [.contentType: "application/json", .authorization: ""], body: ByteBuffer(string: wrong)
            ) { Int($0.headers[.retryAfter] ?? "") }
            #expect((retryAfter ?? 0) > 800 && (retryAfter ?? 0) <= 900)
            let page = try await Self.signIn(client, password: TestAccounts.adminPassword, cookie: nil)
            #expect(page.status == .tooManyRequests && page.html.contains("try again in 15 minutes"))
        }
    }

    @Test("a viewer only reads; a reporter changes data but not what every unit shares")
    func readOnlyRoles() async throws {
        try await withAPI("sqlite") { client, database in
            #expect(try await client.call(.post, "/api/v1/units", json: treeJSON).status == .created)
            let accounts = AccountStore(database, cost: 4)
            let group = try await UnitStore(database).unit(code: "G")
            func bearer(_ name: String, _ role: Role) async throws -> HTTPFields {
                let account = try await accounts.create(
                    name: name, password: "a long password", grants: [RoleGrant(role: role, unitID: group.id)])
                return [.authorization: "Bearer \(try await accounts.makeToken(for: account, name: "t").secret)"]
            }
            let viewer = try await bearer("vera", .viewer)
            let reporter = try await bearer("rita", .reporter)
            let record = #"{"unit_code": "F1", "period": "2023-01", "item": "柴油", "quantity": 1, "uom": "t"}"#
            #expect(try await client.call(.get, "/api/v1/units", headers: viewer).status == .ok)
            let refused = try await client.call(.post, "/api/v1/activity-records", json: record, headers: viewer)
            #expect(refused.status == .forbidden)
            #expect(
                try await client.call(.post, "/api/v1/activity-records", json: record, headers: reporter).status
                    == .created)
            let set = #"{"name": "mine", "csv": "id,kind,item,value,unit,grade,source\nA,ncv,diesel,43,GJ/t,S,x\n"}"#
            #expect(
                try await client.call(.post, "/api/v1/factor-sets", json: set, headers: reporter).status == .forbidden)
            #expect(
                try await client.call(.post, "/api/v1/factor-sets", json: set).status == .created,
                "the administrator may")
            // Everyone may end their own tokens.
            let tokens = try await client.call(.get, "/api/v1/auth/tokens", headers: viewer)
            let id = try #require(tokens.json.items.first?["id"] as? Int)
            #expect(try await client.call(.delete, "/api/v1/auth/tokens/\(id)", headers: viewer).status == .noContent)
        }
    }

    @Test("X-Forwarded-For names the client only when a trusted proxy sends it")
    func forwardedAddresses() {
        let trusted: Set<String> = ["127.0.0.1", "10.0.0.2"]
        #expect(ClientAddressMiddleware.client(forwardedFor: ["203.0.113.7"], trusted: trusted) == "203.0.113.7")
        // A client's own claim comes first; the proxies append what they saw.
        #expect(
            ClientAddressMiddleware.client(forwardedFor: ["1.2.3.4, 203.0.113.7", "10.0.0.2"], trusted: trusted)
                == "203.0.113.7")
        #expect(ClientAddressMiddleware.client(forwardedFor: ["127.0.0.1"], trusted: trusted) == nil)
        #expect(ClientAddressMiddleware.client(forwardedFor: [], trusted: trusted) == nil)
    }

    @Test("a stranger's X-Forwarded-For does not escape the address limit")
    func forwardedForFromStrangers() async throws {
        try await withAPI("sqlite") { client, _ in
            for k in 0..<AccountStore.failuresPerAddress {
                let forwarded = HTTPField.Name("X-Forwarded-For")!
                let answer = try await client.call(
                    .post, "/api/v1/auth/token", json: #"{"name": "user\#(k)", "password": "guess"}"#,
                    headers: [.authorization: "", forwarded: "198.51.100.\(k)"])
                #expect(answer.status == .unauthorized)
            }
            // The address is over its limit; user0 failed from it, so it is refused there.
            let refused = try await client.call(
                .post, "/api/v1/auth/token", json: #"{"name": "user0", "password": "guess"}"#,
                headers: [.authorization: "", HTTPField.Name("X-Forwarded-For")!: "198.51.100.200"])
            #expect(refused.status == .tooManyRequests)
            // The administrator, in good standing, still signs in from the same address.
            let admin = try await client.call(
                .post, "/api/v1/auth/token",
                json: #"{"name": "admin", "password": "\#(TestAccounts.adminPassword)"}"#, headers: Self.stranger)
            #expect(admin.status == .created)
        }
    }

    // MARK: - A browser's requests

    static func signIn(
        _ client: any TestClientProtocol, password: String, cookie: String?, next: String = ""
    ) async throws -> (
        status: HTTPResponse.Status, html: String, location: String?, cookie: String?, setCookie: String?
    ) {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .authorization: ""]
        if let cookie { headers[.cookie] = "\(SignInMiddleware.cookieName)=\(cookie)" }
        let body = "name=admin&password=\(SiteURL.encode(password))&next=\(SiteURL.encode(next))"
        return try await client.execute(
            uri: "/signin?lang=en", method: .post, headers: headers, body: ByteBuffer(string: body)
        ) { response in
            let setCookie = response.headers[.setCookie]
            let value = setCookie.flatMap { header in
                header.split(separator: ";").first.map { String($0.dropFirst(SignInMiddleware.cookieName.count + 1)) }
            }
            return (response.status, String(buffer: response.body), response.headers[.location], value, setCookie)
        }
    }

    static func get(_ client: any TestClientProtocol, _ uri: String, cookie: String) async throws -> (
        status: HTTPResponse.Status, html: String
    ) {
        try await client.execute(
            uri: uri, method: .get, headers: [.cookie: "\(SignInMiddleware.cookieName)=\(cookie)", .authorization: ""]
        ) { ($0.status, String(buffer: $0.body)) }
    }

    static func post(
        _ client: any TestClientProtocol, _ uri: String, _ fields: [String: String], cookie: String
    ) async throws -> (status: HTTPResponse.Status, location: String?, html: String) {
        let body = fields.map { "\($0.key)=\(SiteURL.encode($0.value))" }.joined(separator: "&")
        return try await client.execute(
            uri: uri, method: .post,
            headers: [
                .contentType: "application/x-www-form-urlencoded", .authorization: "",
                .cookie: "\(SignInMiddleware.cookieName)=\(cookie)",
            ], body: ByteBuffer(string: body)
        ) { ($0.status, $0.headers[.location], String(buffer: $0.body)) }
    }
}

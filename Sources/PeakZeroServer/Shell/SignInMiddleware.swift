import Foundation
import HTTPTypes
import Hummingbird
import Persistence

/// Finds out who is asking — a bearer token, else the session cookie — before any route but the
/// public ones runs. Without either, an API call gets 401 and a page sends the browser to sign in.
/// A change posted by a browser session must carry the session's form token (and come from this
/// site), so another site's page cannot make a signed-in browser post here.
struct SignInMiddleware: RouterMiddleware {
    typealias Context = PeakZeroContext

    let accounts: AccountStore
    let database: PeakZeroDatabase
    /// Who each credential signed in, while the database is unchanged (nil without a change signal: in-memory SQLite).
    let cache: SignInCache?
    static let cookieName = "peakzero_session"

    init(accounts: AccountStore, database: PeakZeroDatabase) {
        self.accounts = accounts
        self.database = database
        cache = SignInCache(database: database)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        if Self.isPublic(request) { return try await next(request, context) }
        guard let signedIn = try await signedIn(request) else {
            let language = request.language
            // Programs (the API, a metrics scraper) are told 401; browsers are sent to sign in.
            if request.uri.path.hasPrefix("/api/") || request.uri.path == "/metrics" {
                throw APIError(status: .unauthorized, code: "unauthorized", message: language.say(.signInFirst))
            }
            return PageHandlers.redirect(to: SiteURL.signIn(next: Self.returnPath(request)).link(language))
        }
        let identity = signedIn.identity
        var request = request
        if case .session(let expected) = identity.credential, ![.get, .head, .options].contains(request.method) {
            try FormPost.checkOrigin(request)
            guard try await Self.formToken(in: &request, context) == expected else {
                throw HTTPError(.forbidden, message: request.language.say(.formExpired))
            }
        }
        var context = context
        context.identity = identity
        (context.readScope, context.writeScope) = (signedIn.readScope, signedIn.writeScope)
        let actor = AuditActor(
            accountID: identity.account.id, name: identity.account.name, address: context.clientAddress)
        var response = try await Identity.$current.withValue(identity) {
            try await AuditActor.$current.withValue(actor) { try await next(request, context) }
        }
        if response.headers[RememberedAnswers.markerField] != nil {
            // An answer resting on the database alone: the connection may remember it for this
            // credential until the credential ends (whole seconds, never later than its end).
            response.headers[RememberedAnswers.markerField] =
                signedIn.version == nil ? nil : signedIn.expiry.map { String(Int64($0.timeIntervalSince1970)) }
        }
        return response
    }

    /// The account a bearer token or the session cookie signs in, and its scopes; a bearer token
    /// that opens nothing is refused outright rather than passed over for the cookie.
    private func signedIn(_ request: Request) async throws -> SignInCache.Entry? {
        let secret: String
        let isToken: Bool
        if let header = request.headers[.authorization] {
            guard header.utf8.count > 7, header.prefix(7).lowercased() == "bearer " else { return nil }
            // Spaces and tabs around the token are dropped by hand: Foundation's trimming bridges
            // through NSString, which cost a twentieth of a signed-in request.
            secret = String(header.dropFirst(7).trimmingBlanks)
            isToken = true
        } else if let cookie = request.cookies[Self.cookieName]?.value {
            secret = cookie
            isToken = false
        } else {
            return nil
        }
        // The key is the credential's hash: the secret itself is not kept in memory.
        let key = (isToken ? "t" : "s") + Secret.hash(secret)
        // One reading of the signal serves both the look-up and what is remembered after a miss.
        let version = cache?.version()
        if let version, let known = cache?.entry(for: key, at: version), let expiry = known.expiry,
            accounts.isCurrent(until: expiry)
        {
            return known
        }
        guard
            let signedIn = isToken
                ? try await accounts.signIn(bearer: secret) : try await accounts.signIn(cookieValue: secret)
        else { return nil }
        let (read, write) = try await AccessScope.readAndWrite(
            of: signedIn.account, changing: RouteChange.changesData, in: database)
        let entry = SignInCache.Entry(signedIn: signedIn, readScope: read, writeScope: write, version: version)
        if let cache, version != nil { cache.remember(entry, for: key) }
        return entry
    }

    /// Signing in, the stylesheet, script and icon, and the API's description need no account.
    static func isPublic(_ request: Request) -> Bool {
        let path = request.uri.path
        if path == SitePage.signIn.path || path.hasPrefix("/static/") { return true }
        // The path alone first: building "METHOD /path" for every request cost more than this test.
        guard APIRoute.publicPaths.contains(path) else { return false }
        return APIRoute.publicRoutes.contains("\(request.method) \(path)")
    }

    /// Where to return after signing in: the page asked for, if it was a page to look at.
    static func returnPath(_ request: Request) -> String? {
        guard request.method == .get else { return nil }
        let query = request.uri.query.map { "?\($0)" } ?? ""
        return request.uri.path + query
    }

    /// The form token a post carries: the `X-CSRF-Token` header, or the form's `csrf` field
    /// (URL-encoded or multipart). The body stays readable for the route.
    static func formToken(in request: inout Request, _ context: Context) async throws -> String? {
        if let header = request.headers[.csrfToken] { return header }
        let type = request.headers[.contentType] ?? ""
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        if type.hasPrefix("application/x-www-form-urlencoded") {
            return FormPost.parse(String(buffer: body))["csrf"]
        }
        if let boundary = MultipartForm.boundary(of: type),
            let form = MultipartForm(body: Data(buffer: body), boundary: boundary),
            let part = form.parts.first(where: { $0.name == "csrf" })
        {
            return String(decoding: part.data, as: UTF8.self)
        }
        return nil
    }
}

extension Substring {
    /// Without the spaces and tabs at either end.
    var trimmingBlanks: Substring {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !blank($0) }), let last = lastIndex(where: { !blank($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}

extension HTTPField.Name {
    static let csrfToken = HTTPField.Name("X-CSRF-Token")!
}

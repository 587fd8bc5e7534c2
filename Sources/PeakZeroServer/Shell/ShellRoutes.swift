import Hummingbird
import Persistence

extension AuthAPI {
    /// Signing in with a token, and the API's own description: what each serves, what it is about and what it changes.
    static let endpoints: [APIEndpoint<AuthAPI>] = [
        APIEndpoint(
            .createToken, .post, "/api/v1/auth/token", subject: .shared, change: .ownAccount,
            summary:
                "Sign in with `name` and `password` (JSON); returns a personal bearer token, shown this once, lasting `days` (default 90, at most 366)",
            success: .created, isPublic: true, tag: "auth", body: .json(AuthAPI.TokenRequest.self), response: .json(AuthAPI.TokenResponse.self)
        ) { $0.createToken },
        APIEndpoint(
            .listTokens, .get, "/api/v1/auth/tokens", subject: .shared, change: .nothing,
            summary: "The signed-in account's tokens (never their secrets)", tag: "auth", response: .page(StoredToken.self)
        ) { $0.list },
        APIEndpoint(
            .revokeToken, .delete, "/api/v1/auth/tokens/{id}", subject: .shared, change: .ownAccount,
            summary: "Revoke one of the signed-in account's tokens", success: .noContent, tag: "auth"
        ) { $0.revoke },
        APIEndpoint(
            .openAPI, .get, "/api/v1/openapi.json", subject: .shared, change: .nothing, summary: "This document",
            isPublic: true, tag: "meta"
        ) { _ in
            // Built once, when the router mounts it: the declarations do not change while serving.
            let document = OpenAPIDocument.json
            return { _, _ in document }
        },
    ]
}

extension PageHandlers {
    /// Signing in and out, and the static files: what each serves, what it is about and what it changes.
    static let shellPages: [PageEndpoint] = [
        PageEndpoint(.signIn, .get, "/signin", subject: .shared, change: .nothing) { $0.signInForm },
        PageEndpoint(.signInPost, .post, "/signin", subject: .shared, change: .ownAccount) { $0.signIn },
        PageEndpoint(.signOut, .post, "/signout", subject: .shared, change: .ownAccount) { $0.signOut },
        PageEndpoint(.stylesheet, .get, "/static/peakzero.css", subject: .shared, change: .nothing) { handlers in
            { _, _ in handlers.renderer.asset(handlers.renderer.stylesheet, type: "text/css; charset=utf-8") }
        },
        PageEndpoint(.script, .get, "/static/peakzero.js", subject: .shared, change: .nothing) { handlers in
            { _, _ in handlers.renderer.asset(handlers.renderer.script, type: "text/javascript; charset=utf-8") }
        },
        PageEndpoint(.icon, .get, "/static/favicon.svg", subject: .shared, change: .nothing) { handlers in
            { _, _ in handlers.renderer.asset(handlers.renderer.icon, type: "image/svg+xml") }
        },
    ]
}

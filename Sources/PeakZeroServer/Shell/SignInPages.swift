import Accounting
import Foundation
import HTTPTypes
import Hummingbird
import Persistence

/// Signing in and out of the web pages. A sign-in always opens a new session (a session value the
/// browser brought along is ended, never adopted) and sets it in an HttpOnly, SameSite=Lax cookie.
extension PageHandlers {
    func signInForm(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        try await renderer.response(
            signInPage(request, next: Self.safeNext(request.uri.queryParameters.get("next").map { String($0) })),
            template: "signin")
    }

    func signIn(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let form = try await FormPost.read(request)
        let language = request.language
        let next = Self.safeNext(form.optional("next"))
        let account: Account
        do {
            account = try await accounts.verify(
                name: form["name"], password: form.fields["password"] ?? "", address: context.clientAddress)
        } catch let refusal as SignInRefusal {
            let t = renderer.strings.table(language)
            let (problem, status): (String, HTTPResponse.Status) =
                switch refusal {
                case .wrongNameOrPassword: (t[.signinWrong], .unauthorized)
                case .tooManyAttempts(let seconds):
                    (
                        (t[.signinLocked]).replacingOccurrences(
                            of: "{minutes}", with: String((seconds + 59) / 60)), .tooManyRequests
                    )
                }
            var response = try await renderer.response(
                signInPage(request, next: next, name: form["name"], problem: problem), template: "signin",
                status: status)
            if case .tooManyAttempts(let seconds) = refusal { response.headers[.retryAfter] = String(seconds) }
            return response
        }
        if let old = request.cookies[SignInMiddleware.cookieName]?.value {
            try await accounts.endSession(cookieValue: old)
        }
        let session = try await accounts.openSession(for: account, address: context.clientAddress)
        var response = Self.redirect(to: next ?? SiteURL.overview(year: nil).link(language))
        response.setCookie(
            Cookie(
                name: SignInMiddleware.cookieName, value: session.cookieValue,
                maxAge: Int(AccountStore.sessionLifetime), path: "/", secure: Self.secureCookies(request),
                httpOnly: true,
                sameSite: .lax))
        return response
    }

    func signOut(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        if let value = request.cookies[SignInMiddleware.cookieName]?.value {
            try await accounts.endSession(cookieValue: value)
        }
        var response = Self.redirect(to: SiteURL.signIn(next: nil).link(request.language))
        response.setCookie(
            Cookie(
                name: SignInMiddleware.cookieName, value: "", maxAge: 0, path: "/", secure: Self.secureCookies(request),
                httpOnly: true, sameSite: .lax))
        return response
    }

    private func signInPage(
        _ request: Request, next: String?, name: String = "", problem: String? = nil
    ) async throws -> SignInPage {
        let language = request.language
        let t = renderer.strings.table(language)
        let present = try await accounts.enabled(among: DemoAccounts.all.map(\.name))
        let demo = DemoAccounts.all.map(\.name).filter(present.contains)
        return SignInPage(
            layout: PageLayout(
                strings: renderer.strings, language: language, title: t[.signinTitle], current: .signIn,
                sameIn: { _ in .signIn(next: next) }),
            action: SiteURL.signIn(next: nil).link(language), next: next ?? "", name: name, problem: problem,
            demoAccounts: demo.joined(separator: ", "), hasDemoAccounts: !demo.isEmpty)
    }

    /// A page of this site to return to: a path, never another site (`//host`, `/\host`) or a scheme.
    /// `next` when it is a path on this server: it begins with one `/`, holds no backslash, no
    /// space and no control character (browsers drop tabs and line breaks, so `/\t/evil.example`
    /// would become `//evil.example`, another host), and is not overly long.
    static func safeNext(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), next.utf8.count < 2000,
            !next.unicodeScalars.contains(where: Self.unsafeInNext)
        else {
            return nil
        }
        return next
    }

    private static func unsafeInNext(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\\" || scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
            || scalar.properties.generalCategory == .format
    }

    /// Cookies are marked Secure when the page came over HTTPS (as a proxy in front reports it) or
    /// from this machine (browsers accept Secure cookies from http://127.0.0.1 and localhost). A
    /// deployment on plain HTTP elsewhere gets cookies a network listener could read: put it behind HTTPS.
    static func secureCookies(_ request: Request) -> Bool {
        if request.headers[.xForwardedProto]?.lowercased() == "https" || request.head.scheme == "https" { return true }
        let host = (request.head.authority ?? "").split(separator: ":").first.map(String.init) ?? ""
        return host == "127.0.0.1" || host == "localhost" || host == "[::1]"
    }
}

/// The sign-in page's model.
struct SignInPage: Sendable {
    let layout: PageLayout
    let action: String
    let next: String
    let name: String
    let problem: String?
    let demoAccounts: String
    let hasDemoAccounts: Bool
}

extension HTTPField.Name {
    static let xForwardedProto = HTTPField.Name("X-Forwarded-Proto")!
}

import Persistence

/// A signed-in account as a request carries it: who, and how they signed in.
public struct Identity: Sendable {
    public enum Credential: Sendable {
        /// A browser session: every change it posts must carry the session's form token.
        case session(csrfToken: String)
        /// A bearer token: a script, which no other site's page can make a browser send.
        case token
    }

    public let account: Account
    public let credential: Credential

    /// The form token pages put into their forms; nil for a token-signed request.
    var csrfToken: String? {
        if case .session(let token) = credential { return token }
        return nil
    }

    /// The identity of the request being handled, for the page frame (its name, the sign-out form
    /// and the form token) without threading it through every page's model.
    @TaskLocal static var current: Identity?
}

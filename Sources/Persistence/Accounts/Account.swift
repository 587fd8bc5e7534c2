import Accounting

/// A person or script that signs in, with the roles it holds. Never carries its password or hash.
public struct Account: Sendable, Codable, Equatable {
    public let id: Int64
    public let name: String
    public let createdAt: String
    public let grants: [RoleGrant]

    public init(id: Int64, name: String, createdAt: String, grants: [RoleGrant]) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
        self.grants = grants
    }

    public var isAdmin: Bool { grants.contains { $0.role == .admin } }
}

/// A session just opened by a sign-in: the account, the value for the cookie (shown to this one
/// response only; the database keeps its hash) and the token every form of the session must carry.
public struct OpenedSession: Sendable {
    public let account: Account
    public let cookieValue: String
    public let csrfToken: String
    public let expiresAt: String
}

/// A signed-in session as a request finds it.
public struct ActiveSession: Sendable {
    public let account: Account
    public let csrfToken: String
}

/// Why a sign-in failed. The message does not say whether the name exists.
public enum SignInRefusal: Error, Sendable, Equatable {
    case wrongNameOrPassword
    /// Too many failures for this account or from this address lately; try again after the wait.
    case tooManyAttempts(retryAfterSeconds: Int)
}

/// A personal API token as listed (its secret is shown once, when it is made).
public struct StoredToken: Sendable, Codable, Equatable {
    public let id: Int64
    public let name: String
    public let createdAt: String
    public let expiresAt: String
    public let revokedAt: String?
}

/// What a credential — a bearer token or a session cookie — signs in, and until when.
public struct SignedIn: Sendable {
    public let account: Account
    /// The session's form token; nil for a bearer token.
    public let csrfToken: String?
    /// When the token or session ends, as stored (`Timestamp`): compared by `AccountStore.isCurrent`.
    public let expiresAt: String
}

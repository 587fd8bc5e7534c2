import Foundation
import SQLKit

/// Web sessions: opened by a sign-in, found by the cookie's value, ended by signing out. Only the
/// value's hash is stored, and a sign-in always makes a new value (a value a visitor brought along
/// is never adopted, so it cannot be fixed in advance).
extension AccountStore {
    /// - Parameter address: where the sign-in came from, for the audit trail.
    public func openSession(for account: Account, address: String? = nil) async throws -> OpenedSession {
        let cookie = Secret.make(prefix: "pzs_")
        let csrf = Secret.make(prefix: "pzc_")
        let now = clock()
        let expires = Timestamp.string(now.addingTimeInterval(Self.sessionLifetime))
        // Expired sessions are of no use to anyone: cleared as new ones open.
        try await database.transaction { db in
            try await db.delete(from: "sessions").where("expires_at", .lessThan, SQLBind(Timestamp.string(now))).run()
            try await db.insert(into: "sessions")
                .columns("token_hash", "user_id", "csrf_token", "created_at", "expires_at")
                .values(
                    SQLBind(Secret.hash(cookie)), SQLBind(account.id), SQLBind(csrf), SQLBind(Timestamp.string(now)),
                    SQLBind(expires)
                ).run()
            let actor = AuditActor(accountID: account.id, name: account.name, address: address)
            try await AuditActor.$current.withValue(actor) {
                try await AuditLog.append(
                    AuditChange(
                        .signedIn, subjectKind: "account", subjectID: account.id,
                        after: AuditState(["session_expires_at": .text(expires)])), in: db)
            }
        }
        return OpenedSession(account: account, cookieValue: cookie, csrfToken: csrf, expiresAt: expires)
    }

    /// The session a cookie's value opens, if it has not expired and its account is enabled.
    public func session(cookieValue: String) async throws -> ActiveSession? {
        guard let signedIn = try await signIn(cookieValue: cookieValue), let csrf = signedIn.csrfToken else {
            return nil
        }
        return ActiveSession(account: signedIn.account, csrfToken: csrf)
    }

    /// The account an unexpired session opens, with its form token and when it ends.
    public func signIn(cookieValue: String) async throws -> SignedIn? {
        guard
            let row = try await database.sql.select().columns("user_id", "csrf_token", "expires_at").from("sessions")
                .where("token_hash", .equal, SQLBind(Secret.hash(cookieValue))).first()
        else { return nil }
        let expiresAt = try row.decode(column: "expires_at", as: String.self)
        guard isCurrent(expiresAt),
            let account = try await account(id: try row.decode(column: "user_id", as: Int64.self))
        else { return nil }
        return SignedIn(
            account: account, csrfToken: try row.decode(column: "csrf_token", as: String.self), expiresAt: expiresAt)
    }

    /// Whether a token or session ending at `expiresAt` is still open now (by this store's clock).
    public func isCurrent(_ expiresAt: String) -> Bool { expiresAt > Timestamp.string(clock()) }

    /// Whether a token or session ending at `expiry` is still open now: for a sign-in remembered
    /// across requests, which compares moments rather than formatting the clock each time.
    public func isCurrent(until expiry: Date) -> Bool { clock() < expiry }

    /// The moment a stored end (`2026-12-03T08:00:00Z`) stands for; nil for text that is not one.
    public static func moment(_ expiresAt: String) -> Date? { Timestamp.date(expiresAt) }

    public func endSession(cookieValue: String) async throws {
        try await database.transaction { db in
            let ended = try await db.delete(from: "sessions")
                .where("token_hash", .equal, SQLBind(Secret.hash(cookieValue))).returning("user_id").all()
            for row in ended {
                try await AuditLog.append(
                    AuditChange(
                        .signedOut, subjectKind: "account", subjectID: try row.decode(column: "user_id", as: Int64.self)
                    ),
                    in: db)
            }
        }
    }
}

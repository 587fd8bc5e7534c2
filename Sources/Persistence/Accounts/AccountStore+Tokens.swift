import Foundation
import SQLKit

/// Personal API tokens for scripts: the secret is returned once, when made; the database keeps its
/// hash, so a token can be revoked or expire but never be shown again.
extension AccountStore {
    public static let longestTokenLife = 366
    public static let defaultTokenLife = 90

    /// Makes a token; returns it as listed and its secret (to be shown once).
    public func makeToken(for account: Account, name: String, days: Int = defaultTokenLife) async throws -> (
        token: StoredToken, secret: String
    ) {
        guard (1...Self.longestTokenLife).contains(days) else {
            throw StoreError.conflict("a token lasts 1 to \(Self.longestTokenLife) days")
        }
        let secret = Secret.make(prefix: "pzt_")
        let now = clock()
        let token = try await database.transaction { db in
            let made = try await db.insert(into: "api_tokens")
                .columns("user_id", "name", "token_hash", "created_at", "expires_at")
                .values(
                    SQLBind(account.id), SQLBind(name.isEmpty ? "token" : name), SQLBind(Secret.hash(secret)),
                    SQLBind(Timestamp.string(now)),
                    SQLBind(Timestamp.string(now.addingTimeInterval(Double(days) * 86400)))
                )
                .returning("id", "name", "created_at", "expires_at", "revoked_at")
                .first(decoding: StoredToken.self, keyDecodingStrategy: .convertFromSnakeCase)!
            try await AuditLog.append(
                AuditChange(
                    .tokenCreated, subjectKind: "api_token", subjectID: made.id,
                    after: AuditState([
                        "account": .text(account.name), "name": .text(made.name), "expires_at": .text(made.expiresAt),
                    ])), in: db)
            return made
        }
        return (token, secret)
    }

    /// The account a bearer token signs in, if the token is neither revoked nor expired.
    public func account(bearer secret: String) async throws -> Account? {
        try await signIn(bearer: secret)?.account
    }

    /// The account an unrevoked, unexpired token opens, and when the token expires.
    public func signIn(bearer secret: String) async throws -> SignedIn? {
        guard
            let row = try await database.sql.select().columns("user_id", "expires_at").from("api_tokens")
                .where("token_hash", .equal, SQLBind(Secret.hash(secret))).where("revoked_at", .is, SQLLiteral.null)
                .where("expires_at", .greaterThan, SQLBind(Timestamp.string(clock()))).first(),
            let account = try await account(id: try row.decode(column: "user_id", as: Int64.self))
        else { return nil }
        return SignedIn(account: account, csrfToken: nil, expiresAt: try row.decode(column: "expires_at", as: String.self))
    }

    public func tokens(of account: Account) async throws -> [StoredToken] {
        try await database.sql.select().columns("id", "name", "created_at", "expires_at", "revoked_at")
            .from("api_tokens").where("user_id", .equal, SQLBind(account.id)).orderBy("id")
            .all(decoding: StoredToken.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// Revokes one of the account's own tokens; another account's is not found.
    public func revokeToken(id: Int64, of account: Account) async throws {
        try await database.transaction { db in
            let updated = try await db.update("api_tokens").set("revoked_at", to: SQLBind(Timestamp.now()))
                .where("id", .equal, SQLBind(id)).where("user_id", .equal, SQLBind(account.id))
                .where("revoked_at", .is, SQLLiteral.null).returning("id").all()
            if updated.isEmpty { throw StoreError.notFound(kind: "token", id: String(id)) }
            try await AuditLog.append(
                AuditChange(
                    .tokenRevoked, subjectKind: "api_token", subjectID: id,
                    after: AuditState(["account": .text(account.name)])), in: db)
        }
    }
}

import Accounting
import HummingbirdBcrypt
import SQLKit

/// What an administrator does to an existing account: a new password, or disabling it. Either ends
/// the account's sessions; disabling also revokes its tokens.
extension AccountStore {
    /// Every enabled account, by id.
    public func list() async throws -> [Account] {
        try await accounts(where: SQLLiteral.boolean(true))
    }

    /// Which of these names belong to enabled accounts, in one query.
    public func enabled(among names: [String]) async throws -> Set<String> {
        Set(
            try await database.sql.select().column("name").from("users").where("name", .in, SQLBind.group(names))
                .where("disabled_at", .is, SQLLiteral.null).all().map { try $0.decode(column: "name", as: String.self) }
        )
    }

    public func setPassword(name: String, to password: String) async throws {
        if let problem = Self.passwordProblem(password) {
            throw StoreError.invalid([InputIssue(column: "password", problem: problem)])
        }
        let account = try await existing(name)
        let cost = self.cost
        let hash = try await PasswordWork.shared.run(bounded: false) { Bcrypt.hash(password, cost: cost) }
        try await database.transaction { db in
            try await db.update("users").set("password_hash", to: SQLBind(hash))
                .where("id", .equal, SQLBind(account.id)).run()
            try await db.delete(from: "sessions").where("user_id", .equal, SQLBind(account.id)).run()
            try await AuditLog.append(
                AuditChange(
                    .passwordChanged, subjectKind: "account", subjectID: account.id,
                    after: AuditState(["name": .text(account.name)])), in: db)
        }
    }

    public func disable(name: String) async throws {
        let account = try await existing(name)
        let now = Timestamp.string(clock())
        try await database.transaction { db in
            try await db.update("users").set("disabled_at", to: SQLBind(now)).where("id", .equal, SQLBind(account.id))
                .run()
            try await db.delete(from: "sessions").where("user_id", .equal, SQLBind(account.id)).run()
            try await db.update("api_tokens").set("revoked_at", to: SQLBind(now))
                .where("user_id", .equal, SQLBind(account.id)).where("revoked_at", .is, SQLLiteral.null).run()
            try await AuditLog.append(
                AuditChange(
                    .accountDisabled, subjectKind: "account", subjectID: account.id,
                    before: Self.auditState(name: account.name, grants: account.grants),
                    after: AuditState(["name": .text(account.name), "disabled_at": .text(now)])), in: db)
        }
    }

    private func existing(_ name: String) async throws -> Account {
        guard let account = try await account(named: name) else { throw StoreError.notFound(kind: "account", id: name) }
        return account
    }
}

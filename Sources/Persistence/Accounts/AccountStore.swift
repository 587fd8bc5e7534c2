import Accounting
import Foundation
import HummingbirdBcrypt
import SQLKit

/// Accounts, their roles, sign-in with rate limits, web sessions and API tokens.
public struct AccountStore: Sendable {
    let database: PeakZeroDatabase
    /// Bcrypt's work factor: 12 takes a quarter of a second, which is what a guesser pays per try.
    let cost: UInt8
    /// The time now; tests move it.
    let clock: @Sendable () -> Date

    public static let sessionLifetime: TimeInterval = 12 * 3600
    /// Failed sign-ins counted over this window …
    public static let failureWindow: TimeInterval = 15 * 60
    /// … lock an account after this many …
    public static let failuresPerAccount = 5
    /// … and an address after this many (one address may serve a whole office).
    public static let failuresPerAddress = 20

    public init(_ database: PeakZeroDatabase, cost: UInt8 = 12, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.cost = cost
        self.clock = clock
    }

    /// Creates an account with its roles.
    /// - Parameter checkPassword: false only for the demo accounts, whose password is `demo`.
    public func create(
        name: String, password: String, grants: [RoleGrant], checkPassword: Bool = true
    ) async throws -> Account {
        var problems: [InputIssue] = []
        if name.isEmpty || name.count > 64 || name.contains(where: { $0.isWhitespace || $0.isNewline }) {
            problems.append(InputIssue(column: "name", problem: .badAccountName(name)))
        }
        if checkPassword, let problem = Self.passwordProblem(password) {
            problems.append(InputIssue(column: "password", problem: problem))
        }
        for grant in grants where (grant.role == .admin) != (grant.unitID == nil && grant.regionCode == nil) {
            problems.append(InputIssue(column: "grants", problem: .badGrant(grant.role.rawValue)))
        }
        if problems.isEmpty, let code = AccountHome.code(in: name) {
            if let home = try await AccountHome.resolve(code, in: database) {
                for grant in grants where !(try await home.holds(grant, in: database)) {
                    problems.append(InputIssue(column: "grants", problem: .grantOutsideHome(name: name, home: code)))
                    break
                }
            } else {
                problems.append(InputIssue(column: "name", problem: .noAccountHome(name: name, home: code)))
            }
        }
        if !problems.isEmpty { throw StoreError.invalid(problems) }
        let cost = self.cost
        let hash = try await PasswordWork.shared.run(bounded: false) { Bcrypt.hash(password, cost: cost) }
        let now = Timestamp.string(clock())
        let id = try await database.transaction { db in
            if try await db.select().column("id").from("users").where("name", .equal, SQLBind(name)).first() != nil {
                throw StoreError.conflict("an account named \(name) exists")
            }
            let row = try await db.insert(into: "users").columns("name", "password_hash", "created_at")
                .values(SQLBind(name), SQLBind(hash), SQLBind(now)).returning("id").first()
            let id = try row!.decode(column: "id", as: Int64.self)
            for grant in grants {
                try await db.insert(into: "role_grants")
                    .columns("user_id", "role", "unit_id", "region_code", "created_at")
                    .values(
                        SQLBind(id), SQLBind(grant.role.rawValue), SQLBind(grant.unitID), SQLBind(grant.regionCode),
                        SQLBind(now)
                    ).run()
            }
            try await AuditLog.append(
                AuditChange(
                    .accountCreated, subjectKind: "account", subjectID: id,
                    after: Self.auditState(name: name, grants: grants)), in: db)
            return id
        }
        return try await account(id: id)!
    }

    /// Why a new password cannot be taken: shorter than 10 characters, or longer than the 72 bytes
    /// Bcrypt reads (it would silently ignore the rest — 24 Chinese characters are 72 bytes).
    static func passwordProblem(_ password: String) -> Problem? {
        if password.count < 10 { return .weakPassword(minimum: 10) }
        if password.utf8.count > 72 { return .passwordTooLong(maximumBytes: 72) }
        return nil
    }

    /// A random password of 20 URL-safe characters (about 120 bits), for an account made without one.
    public static func generatedPassword() -> String { String(Secret.make(prefix: "").prefix(20)) }

    public func count() async throws -> Int {
        let row = try await database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("users").first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    public func account(id: Int64) async throws -> Account? {
        try await accounts(where: SQLBinaryExpression(SQLColumn("id"), .equal, SQLBind(id))).first
    }

    public func account(named name: String) async throws -> Account? {
        try await accounts(where: SQLBinaryExpression(SQLColumn("name"), .equal, SQLBind(name))).first
    }

    /// Enabled accounts matching `condition`, with their grants.
    func accounts(where condition: any SQLExpression) async throws -> [Account] {
        let users = try await database.sql.select().columns("id", "name", "created_at").from("users")
            .where(condition).where("disabled_at", .is, SQLLiteral.null).orderBy("id").all()
        var accounts: [Account] = []
        for user in users {
            let id = try user.decode(column: "id", as: Int64.self)
            let grants = try await database.sql.select().columns("role", "unit_id", "region_code").from("role_grants")
                .where("user_id", .equal, SQLBind(id)).orderBy("id").all()
                .compactMap { row -> RoleGrant? in
                    guard let role = Role(rawValue: try row.decode(column: "role", as: String.self)) else { return nil }
                    return RoleGrant(
                        role: role, unitID: try row.decode(column: "unit_id", as: Int64?.self),
                        regionCode: try row.decode(column: "region_code", as: String?.self))
                }
            accounts.append(
                Account(
                    id: id, name: try user.decode(column: "name", as: String.self),
                    createdAt: try user.decode(column: "created_at", as: String.self), grants: grants))
        }
        return accounts
    }

    /// Checks a name and password, under the rate limits; every failure is counted.
    ///
    /// The attempt is counted *before* the password is checked, in one serialised transaction with
    /// the count it is judged by, so simultaneous guesses cannot all slip under the limit; a right
    /// password then takes its attempt back. An address over its limit does not lock out an account
    /// in good standing (no failure of its own in the window): behind a proxy, one address may be
    /// everyone's. Unknown names cost a Bcrypt computation like known ones.
    /// - Parameter address: the client's IP address, for the per-address limit.
    public func verify(name: String, password: String, address: String) async throws -> Account {
        let now = clock()
        let attempt = try await reserveAttempt(name: name, address: address, now: now)
        let stored = try await database.sql.select().columns("id", "password_hash").from("users")
            .where("name", .equal, SQLBind(name)).where("disabled_at", .is, SQLLiteral.null).first()
        let hash = try stored?.decode(column: "password_hash", as: String.self)
        let cost = self.cost
        let matches: Bool
        do {
            matches = try await PasswordWork.shared.run {
                guard let hash else {
                    _ = Bcrypt.hash(password, cost: cost)
                    return false
                }
                return Bcrypt.verify(password, hash: hash)
            }
        } catch {
            // Not checked (too many checks waiting): the attempt is no failure of the account's.
            try? await database.sql.delete(from: "sign_in_failures").where("id", .equal, SQLBind(attempt)).run()
            throw error
        }
        guard matches, let stored else {
            try await database.transaction { db in
                // Named by the name tried (never the password), from where.
                try await AuditActor.$current.withValue(AuditActor(accountID: nil, name: name, address: address)) {
                    try await AuditLog.append(
                        AuditChange(.signInFailed, subjectKind: "account", subjectID: name), in: db)
                }
            }
            throw SignInRefusal.wrongNameOrPassword
        }
        try await database.sql.delete(from: "sign_in_failures").where("id", .equal, SQLBind(attempt)).run()
        return try await account(id: try stored.decode(column: "id", as: Int64.self))!
    }

    /// Counts the recent failures of the account and of the address and, when the limits allow,
    /// records this attempt as one (its id returned); throws `tooManyAttempts` otherwise. One
    /// transaction, serialised (SQLite's write lock; a table lock on PostgreSQL).
    private func reserveAttempt(name: String, address: String, now: Date) async throws -> Int64 {
        let since = Timestamp.string(now.addingTimeInterval(-Self.failureWindow))
        let postgres = database.dialect == .postgres
        // As few statements as can be under the lock: every other sign-in waits for them.
        let id = try await database.transaction { db in
            if postgres { try await db.raw("LOCK TABLE sign_in_failures IN SHARE ROW EXCLUSIVE MODE").run() }
            let recent = try await db.select().columns("account", "address", "failed_at").from("sign_in_failures")
                .where("failed_at", .greaterThan, SQLBind(since))
                .where(group: { $0.where("account", .equal, SQLBind(name)).orWhere("address", .equal, SQLBind(address)) })
                .orderBy("failed_at").all()
            var byAccount: [Date] = []
            var byAddress: [Date] = []
            for row in recent {
                guard let at = Timestamp.date(try row.decode(column: "failed_at", as: String.self)) else { continue }
                if try row.decode(column: "account", as: String.self) == name { byAccount.append(at) }
                if try row.decode(column: "address", as: String.self) == address { byAddress.append(at) }
            }
            func refusal(_ failures: [Date]) -> SignInRefusal {
                let wait = (failures.first ?? now).addingTimeInterval(Self.failureWindow).timeIntervalSince(now)
                return .tooManyAttempts(retryAfterSeconds: max(1, Int(wait.rounded(.up))))
            }
            if byAccount.count >= Self.failuresPerAccount { throw refusal(byAccount) }
            if byAddress.count >= Self.failuresPerAddress, !byAccount.isEmpty { throw refusal(byAddress) }
            let row = try await db.insert(into: "sign_in_failures").columns("account", "address", "failed_at")
                .values(SQLBind(name), SQLBind(address), SQLBind(Timestamp.string(now))).returning("id").first()
            return try row!.decode(column: "id", as: Int64.self)
        }
        // Failures older than the window no longer count: cleared as new attempts come, outside the lock.
        try await database.sql.delete(from: "sign_in_failures").where("failed_at", .lessThanOrEqual, SQLBind(since)).run()
        return id
    }
}

extension AccountStore {
    /// An account as the audit trail shows it: its name and roles, never a password or its hash.
    static func auditState(name: String, grants: [RoleGrant]) -> AuditState {
        AuditState([
            "name": .text(name),
            "grants": .list(
                grants.map { grant in
                    .text(
                        [
                            grant.role.rawValue, grant.unitID.map { "unit \($0)" },
                            grant.regionCode.map { "region \($0)" },
                        ]
                        .compactMap { $0 }.joined(separator: " "))
                }),
        ])
    }
}

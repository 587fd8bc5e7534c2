import Accounting
import Hummingbird
import Persistence

/// Accounts administered through the API: an administrator manages every account; a manager
/// those of its subtree — accounts whose every role lies within the subtrees of its manager
/// grants — and grants any role but administrator there. Passwords are set once (or generated and
/// shown once) and never returned again.
struct AccountsAPI: Sendable {
    let accounts: AccountStore
    let database: PeakZeroDatabase

    struct NewGrant: Decodable {
        let role: String
        let unitCode: String?
        let regionCode: String?
    }

    struct NewAccount: Decodable {
        let name: String
        let password: String?
        let grants: [NewGrant]
    }

    struct Created: Codable {
        let account: Account
        /// Only when PeakZero generated it: shown this once.
        let password: String?
    }

    func list(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let scope = try await Self.managedScope(context, database)
        var shown: [Account] = []
        for account in try await accounts.list() where try await Self.manages(scope, account, database) {
            shown.append(account)
        }
        return try jsonResponse(try Page(shown, request))
    }

    func create(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        var request = request
        let language = request.language
        let asked = try await request.decodeJSON(NewAccount.self, context: context)
        let scope = try await Self.managedScope(context, database)
        let (grants, problems) = try await Self.check(asked.grants, in: scope, database, language)
        let issues = problems.map { APIError.Issue(row: nil, field: "grants[\($0.index)]", message: $0.message) }
        if !issues.isEmpty {
            throw APIError(
                status: .unprocessableContent, code: "invalid",
                message: language.say(.grantsInvalid),
                issues: issues)
        }
        let (name, homeProblem) = try await Self.name(asked.name, of: asked.grants, in: scope, database, language)
        if let homeProblem {
            throw APIError(
                status: .unprocessableContent, code: "invalid", message: homeProblem,
                issues: [APIError.Issue(row: nil, field: "name", message: homeProblem)])
        }
        let generated = asked.password == nil ? AccountStore.generatedPassword() : nil
        let account = try await accounts.create(name: name, password: asked.password ?? generated!, grants: grants)
        return try jsonResponse(Created(account: account, password: generated), status: .created)
    }

    func disable(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let name = context.parameters.get("name") ?? ""
        let scope = try await Self.managedScope(context, database)
        // Another's account outside the subtree, or one's own, reads as missing.
        guard let account = try await accounts.account(named: name), account.id != (try context.signedIn.account.id),
            try await Self.manages(scope, account, database)
        else { throw StoreError.notFound(kind: "account", id: name) }
        try await accounts.disable(name: name)
        return Response(status: .noContent)
    }

    /// The grants asked for, each checked against the manager's subtrees: a role that exists and is
    /// not the administrator's (unless an administrator asks), on a unit or region within `scope`
    /// (outside, it reads as no such unit). Returns the good grants and a problem per bad one.
    static func check(
        _ asked: [NewGrant], in scope: AccessScope, _ database: PeakZeroDatabase, _ language: Language
    ) async throws -> (grants: [RoleGrant], problems: [(index: Int, message: String)]) {
        var grants: [RoleGrant] = []
        var problems: [(index: Int, message: String)] = []
        for (index, grant) in asked.enumerated() {
            guard let role = Role(rawValue: grant.role) else {
                problems.append((index, language.say(.noRole, ["role": "\(grant.role)"])))
                continue
            }
            if role == .admin && !scope.isEverything {
                problems.append((index, language.say(.onlyAdminGrantsAdmin)))
                continue
            }
            var unitID: Int64?
            if let code = grant.unitCode, !code.isEmpty {
                guard let unit = try? await UnitStore(database).unit(code: code),
                    try await scope.contains(unitID: unit.id, in: database)
                else {
                    problems.append((index, language.say(.noUnit, ["code": "\(code)"])))
                    continue
                }
                unitID = unit.id
            }
            let region = grant.regionCode.flatMap { $0.isEmpty ? nil : $0 }
            if let code = region {
                guard let prefix = RegionPrefix(code), scope.covers(prefix) else {
                    problems.append((index, language.say(.noRegion, ["code": "\(code)"])))
                    continue
                }
            }
            if role != .admin && unitID == nil && region == nil {
                problems.append((index, language.say(.grantNeedsUnitOrRegion)))
                continue
            }
            grants.append(
                RoleGrant(role: role, unitID: role == .admin ? nil : unitID, regionCode: role == .admin ? nil : region))
        }
        return (grants, problems)
    }

    /// The sign-in name a new account takes. An administrator names it freely. A manager's account is
    /// named within the manager's scope, `name@HOME` (`AccountHome`): a name typed without `@` is
    /// placed at its first role's unit or region. Any other name is refused before its existence is
    /// looked at, so a refusal tells a manager nothing of accounts outside its scope.
    static func name(
        _ typed: String, of grants: [NewGrant], in scope: AccessScope, _ database: PeakZeroDatabase,
        _ language: Language
    ) async throws -> (name: String, problem: String?) {
        if scope.isEverything { return (typed, nil) }
        let placed = grants.first.flatMap { grant in
            [grant.unitCode, grant.regionCode].compactMap { $0 }.first { !$0.isEmpty }
        }
        let written = AccountHome.code(in: typed)
        guard let code = written ?? placed, !grants.isEmpty else { return (typed, language.say(.accountNeedsHome)) }
        let name = written == nil ? "\(typed)@\(code)" : typed
        // Outside the scope, a home reads as no such unit or region, like a grant there.
        let home = try await AccountHome.resolve(code, in: database)
        guard let home, home.lies(within: scope) else {
            return (name, language.say(home?.isRegion == true ? .noRegion : .noUnit, ["code": code]))
        }
        return (name, nil)
    }

    /// The subtrees the signed-in account manages.
    static func managedScope(_ context: PeakZeroContext, _ database: PeakZeroDatabase) async throws -> AccessScope {
        try await AccessScope.granted(RouteChange.managesAccounts, to: try context.signedIn.account, in: database)
    }

    /// Whether every role of `account` lies within `scope` (an administrator's account only in everything).
    static func manages(_ scope: AccessScope, _ account: Account, _ database: PeakZeroDatabase) async throws -> Bool {
        if scope.isEverything { return true }
        if account.isAdmin || account.grants.isEmpty { return false }
        for grant in account.grants {
            if let id = grant.unitID, !(try await scope.contains(unitID: id, in: database)) { return false }
            if let code = grant.regionCode, !(RegionPrefix(code).map(scope.covers) ?? false) { return false }
        }
        return true
    }
}

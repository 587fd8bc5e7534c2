import Accounting
import Persistence

/// What a route changes, named by every API route and page where its feature declares it, and which roles
/// may make that change: viewers, verifiers and reviewers only read; data is changed by reporters,
/// managers and administrators (in the subtrees of those grants, which the scope check sees to);
/// what the whole installation shares (the unit tree through the API, factor sets) only by
/// administrators; every account may sign out and manage its own tokens.
enum RouteChange: Sendable {
    case nothing, ownAccount, data, shared, review, accounts, findings, targets
    /// Not a change: reading the server's own figures (metrics), which only administrators may.
    case operations

    static let changesData: Set<Role> = [.reporter, .manager, .admin]
    static let changesShared: Set<Role> = [.admin]
    static let reviews: Set<Role> = ReviewWorkflow.roles(for: .approve)
    static let managesAccounts: Set<Role> = [.manager, .admin]
    static let verifies: Set<Role> = [.verifier, .admin]
    static let setsTargets: Set<Role> = [.manager, .admin]

    /// Nil when the account may make the change; else the roles it would need.
    func missing(for account: Account) -> Set<Role>? {
        let needed: Set<Role>
        switch self {
        case .nothing, .ownAccount: return nil
        case .data: needed = Self.changesData
        case .shared, .operations: needed = Self.changesShared
        case .review: needed = Self.reviews
        case .accounts: needed = Self.managesAccounts
        case .findings: needed = Self.verifies
        case .targets: needed = Self.setsTargets
        }
        return needed.isDisjoint(with: account.grants.map(\.role)) ? needed : nil
    }

    /// What a refusal says, naming the roles that could.
    static func refusal(_ needed: Set<Role>, _ language: Language) -> String {
        let roles = needed.map(\.rawValue).sorted().joined(separator: ", ")
        return language.say(.needsRole, ["roles": "\(roles)"])
    }
}

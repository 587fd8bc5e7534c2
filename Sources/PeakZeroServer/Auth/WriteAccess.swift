import HTTPTypes
import Hummingbird
import Persistence

/// Which roles may change anything at all, route by route. A first, coarse rule: viewers,
/// verifiers and reviewers only read; data is changed by reporters, managers and administrators;
/// what is shared by the whole installation (the unit tree through the API, factor sets) only by
/// administrators. Narrowing each role to its own subtree is the next step (it is not done yet).
enum WriteAccess {
    static let changesData: Set<Role> = [.reporter, .manager, .admin]
    static let changesShared: Set<Role> = [.admin]

    /// Nil when the request only reads or the account may make it; else the roles it would need.
    static func missing(for request: Request, account: Account) -> Set<Role>? {
        guard ![.get, .head, .options].contains(request.method), !changesOwnAccount(request) else { return nil }
        let needed = changesShared(request) ? changesShared : changesData
        return needed.isDisjoint(with: account.grants.map(\.role)) ? needed : nil
    }

    /// Signing out and revoking one's own token are open to every account.
    static func changesOwnAccount(_ request: Request) -> Bool {
        let path = request.uri.path
        return path == SitePage.signOut.path || path.hasPrefix("/api/v1/auth/")
    }

    static func changesShared(_ request: Request) -> Bool {
        let path = request.uri.path
        return path.hasPrefix("/api/v1/units") || path.hasPrefix("/api/v1/factor-sets") || path.hasPrefix("/factors/")
    }
}

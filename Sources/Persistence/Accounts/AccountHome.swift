import Accounting

/// Where an account named `name@HOME` belongs: the subtree of the unit whose code is HOME, or else
/// the region whose code it is. Every role of such an account lies there (`AccountStore.create`
/// refuses the rest, an administrator's role too).
///
/// Why: sign-in names are unique across the platform, so a manager who could pick any name would
/// learn, from a refusal, that an account of that name exists somewhere else. A manager's accounts
/// are therefore named within a unit or region of its own scope (`rob@E1`), and as every account
/// so named keeps its roles there, the only names a manager can find taken are those of accounts it
/// already administers and sees. Names without `@` are the administrator's to give.
public struct AccountHome: Sendable {
    /// Where the home unit sits; nil for a region.
    private let unit: AccessScope.Placement?
    /// The home region; nil for a unit.
    private let region: RegionPrefix?

    /// The part after the last `@`; nil for a name without one.
    public static func code(in name: String) -> String? {
        name.lastIndex(of: "@").map { String(name[name.index(after: $0)...]) }
    }

    /// The home a code names: a unit's code first, else a region code; nil when it is neither.
    public static func resolve(_ code: String, in database: PeakZeroDatabase) async throws -> AccountHome? {
        if let row = try await UnitStore.find(code: code, in: database.sql) {
            return AccountHome(
                unit: AccessScope.Placement(rootID: row.rootId, path: row.path, regionCode: row.regionCode), region: nil)
        }
        return RegionPrefix(code).map { AccountHome(unit: nil, region: $0) }
    }

    /// Whether the home is a region (else a unit).
    public var isRegion: Bool { region != nil }

    /// Everything below the home.
    private var scope: AccessScope {
        AccessScope(
            isEverything: false, subtrees: unit.map { [.init(rootID: $0.rootID, path: $0.path)] } ?? [],
            regions: region.map { [$0.prefix] } ?? [])
    }

    /// Whether a role granted so lies within the home (an administrator's never does).
    func holds(_ grant: RoleGrant, in database: PeakZeroDatabase) async throws -> Bool {
        if grant.role == .admin { return false }
        if let id = grant.unitID { return try await scope.contains(unitID: id, in: database) }
        if let code = grant.regionCode, let region = RegionPrefix(code) { return scope.covers(region) }
        return false
    }

    /// Whether the whole home lies within `outer` (a manager's scope).
    public func lies(within outer: AccessScope) -> Bool {
        if let unit { return outer.contains(unit) }
        return region.map(outer.covers) ?? false
    }
}

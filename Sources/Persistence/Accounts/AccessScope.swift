import Accounting
import SQLKit

/// The units an account may see (or change): everything for an administrator, else the subtrees
/// of the units and the regions its grants name, each grant covering everything below it.
public struct AccessScope: Sendable, Equatable {
    struct Subtree: Sendable, Equatable {
        let rootID: Int64
        let path: String
    }

    public let isEverything: Bool
    let subtrees: [Subtree]
    /// Region code prefixes (`51`, `5101`, `510104`).
    let regions: [String]

    public static let everything = AccessScope(isEverything: true, subtrees: [], regions: [])
    public static let nothing = AccessScope(isEverything: false, subtrees: [], regions: [])

    /// The scope of all the account's grants (what it may see) and of its grants of `changing`
    /// roles (what it may change), each granted unit looked up once.
    public static func readAndWrite(
        of account: Account, changing roles: Set<Role>, in database: PeakZeroDatabase
    ) async throws -> (read: AccessScope, write: AccessScope) {
        if account.isAdmin { return (.everything, .everything) }
        var placed: [Int64: Subtree] = [:]
        for id in Set(account.grants.compactMap(\.unitID)) {
            if let row = try await UnitStore.find(id: id, in: database.sql) {
                placed[id] = Subtree(rootID: row.rootId, path: row.path)
            }
        }
        func scope(_ grants: [RoleGrant]) -> AccessScope {
            AccessScope(
                isEverything: false, subtrees: grants.compactMap { $0.unitID.flatMap { placed[$0] } },
                regions: grants.compactMap { $0.regionCode.flatMap(RegionPrefix.init)?.prefix })
        }
        return (scope(account.grants), scope(account.grants.filter { roles.contains($0.role) }))
    }

    /// The scope of the account's grants of `roles` alone: what it reviews, verifies or administers.
    public static func granted(
        _ roles: Set<Role>, to account: Account, in database: PeakZeroDatabase
    ) async throws -> AccessScope {
        try await readAndWrite(of: account, changing: roles, in: database).write
    }

    /// Whether a unit placed so falls within the scope.
    func contains(rootID: Int64, path: String, regionCode: String) -> Bool {
        isEverything || subtrees.contains { $0.rootID == rootID && path.hasPrefix($0.path) }
            || regions.contains { regionCode.hasPrefix($0) }
    }

    /// The codes, among those given, of units that exist outside the scope (a code of no unit at all
    /// is the store's to report).
    public func outside(codes: [String], in database: PeakZeroDatabase) async throws -> Set<String> {
        if isEverything { return [] }
        let found = try await UnitLookup.byCode(Array(Set(codes)), in: database.sql)
        return Set(
            found.values.filter { !contains(rootID: $0.rootID, path: $0.path, regionCode: $0.regionCode) }.map(\.code))
    }

    /// The ids of the units with the codes given that lie within the scope; a code outside it reads
    /// as a code of no unit.
    public func unitIDs(codes: [String], in database: PeakZeroDatabase) async throws -> [String: Int64] {
        let found = try await UnitLookup.byCode(Array(Set(codes)), in: database.sql)
        var ids: [String: Int64] = [:]
        for entry in found.values where contains(rootID: entry.rootID, path: entry.path, regionCode: entry.regionCode) {
            ids[entry.code] = entry.id
        }
        return ids
    }

    /// Narrows a query of `units` to the scope (nothing for an empty one).
    func restrict<Builder: SQLPredicateBuilder>(_ query: Builder) -> Builder {
        if isEverything { return query }
        if subtrees.isEmpty && regions.isEmpty { return query.where(SQLLiteral.boolean(false)) }
        return query.where { group in
            var group = group
            for subtree in subtrees {
                group = group.orWhere { inner in
                    inner.where("root_id", .equal, SQLBind(subtree.rootID)).where(
                        "path", .like, SQLBind(subtree.path + "%"))
                }
            }
            for region in regions { group = group.orWhere("region_code", .like, SQLBind(region + "%")) }
            return group
        }
    }

    /// Whether the unit exists and falls within the scope.
    public func contains(unitID: Int64, in database: PeakZeroDatabase) async throws -> Bool {
        if isEverything { return true }
        guard let placement = try await Self.placement(of: unitID, in: database) else { return false }
        return contains(placement)
    }

    /// Where a unit sits, as far as a scope asks: its tree, its path in it, its region.
    public struct Placement: Sendable {
        let rootID: Int64
        let path: String
        let regionCode: String
    }

    /// Where a stored unit sits; nil when there is no such unit.
    public static func placement(of unitID: Int64, in database: PeakZeroDatabase) async throws -> Placement? {
        guard let row = try await UnitStore.find(id: unitID, in: database.sql) else { return nil }
        return Placement(rootID: row.rootId, path: row.path, regionCode: row.regionCode)
    }

    /// Whether a unit placed so falls within the scope.
    public func contains(_ placement: Placement) -> Bool {
        contains(rootID: placement.rootID, path: placement.path, regionCode: placement.regionCode)
    }

    /// Whether a whole region lies within the scope: a region roll-up sums every unit there, so only
    /// an administrator or a grant on the region (or a region around it) may see it.
    public func covers(_ region: RegionPrefix) -> Bool {
        isEverything || regions.contains { region.prefix.hasPrefix($0) }
    }
}

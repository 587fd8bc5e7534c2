/// What an account may do on the subtree a grant names (a unit and everything below it, or every
/// unit of a region code).
public enum Role: String, Sendable, Codable, CaseIterable {
    /// Sees figures, records and inventories.
    case viewer
    /// Enters and submits data for its units.
    case reporter
    /// Approves or returns submissions.
    case reviewer
    /// Sets targets and manages the accounts of its subtree.
    case manager
    /// Read-only, with evidence and lineage; records findings.
    case verifier
    /// Everything, everywhere; granted without a unit or region.
    case admin
}

/// One role on one subtree.
public struct RoleGrant: Sendable, Codable, Equatable {
    public let role: Role
    /// The unit whose subtree the grant covers; nil for a region grant or an administrator.
    public let unitID: Int64?
    /// The region code (GB/T 2260, a province, city or county) whose units the grant covers.
    public let regionCode: String?

    public init(role: Role, unitID: Int64? = nil, regionCode: String? = nil) {
        self.role = role
        self.unitID = unitID
        self.regionCode = regionCode
    }

    public static let admin = RoleGrant(role: .admin)
}

import Accounting

/// One account per role on the demo province, all with the password `demo` (demo data only: the
/// terminal and the sign-in page say so).
public enum DemoAccounts {
    public static let password = "demo"

    /// Name, role and the unit whose subtree it holds (nil for the administrator).
    public static let all: [(name: String, role: Role, unitCode: String?)] = [
        ("demo-admin", .admin, nil),
        ("demo-manager", .manager, DemoProvince.supervisorCode),
        ("demo-viewer", .viewer, DemoProvince.supervisorCode),
        ("demo-verifier", .verifier, DemoProvince.supervisorCode),
        ("demo-reviewer", .reviewer, "DEMO-G2"),
        ("demo-reporter", .reporter, "DEMO-G2-E1"),
    ]

    /// Creates the accounts that do not exist yet; returns the names created.
    public static func create(in database: PeakZeroDatabase, cost: UInt8 = 12) async throws -> [String] {
        let accounts = AccountStore(database, cost: cost)
        var created: [String] = []
        for demo in all where try await accounts.account(named: demo.name) == nil {
            let unit = try await demo.unitCode.asyncMap { try await UnitStore(database).unit(code: $0).id }
            _ = try await accounts.create(
                name: demo.name, password: password, grants: [RoleGrant(role: demo.role, unitID: unit)],
                checkPassword: false)
            created.append(demo.name)
        }
        return created
    }
}

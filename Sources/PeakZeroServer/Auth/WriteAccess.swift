import Accounting
import Persistence

/// What a route changes, named by every API route and page in an exhaustive switch, and which roles
/// may make that change: viewers, verifiers and reviewers only read; data is changed by reporters,
/// managers and administrators (in the subtrees of those grants, which the scope check sees to);
/// what the whole installation shares (the unit tree through the API, factor sets) only by
/// administrators; every account may sign out and manage its own tokens.
enum RouteChange: Sendable {
    case nothing, ownAccount, data, shared, review, accounts, findings, targets

    static let changesData: Set<Role> = [.reporter, .manager, .admin]
    static let changesShared: Set<Role> = [.admin]
    static let reviews: Set<Role> = [.reviewer, .admin]
    static let managesAccounts: Set<Role> = [.manager, .admin]
    static let verifies: Set<Role> = [.verifier, .admin]
    static let setsTargets: Set<Role> = [.manager, .admin]

    /// Nil when the account may make the change; else the roles it would need.
    func missing(for account: Account) -> Set<Role>? {
        let needed: Set<Role>
        switch self {
        case .nothing, .ownAccount: return nil
        case .data: needed = Self.changesData
        case .shared: needed = Self.changesShared
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
        return language == .zh
            ? "您的账号只能查看；此操作需要以下角色之一：\(roles)" : "your account may only look; this needs one of the roles: \(roles)"
    }
}

extension APIRoute {
    var change: RouteChange {
        switch self {
        case .createActivity, .deleteActivity, .createEconomic, .deleteEconomic, .computeInventory, .createImport,
            .submitPeriod, .correctPeriod, .createMeasure, .updateMeasure:
            .data
        case .createTarget, .deleteTarget, .splitTarget: .targets
        case .setEfficiencyScale, .setBenchmarks: .shared
        case .approvePeriod, .returnPeriod: .review
        case .listAccounts, .createAccount, .disableAccount: .accounts
        case .recordFinding: .findings
        case .createUnits, .updateUnit, .deleteUnit, .createFactorSet, .deleteFactorSet: .shared
        case .createToken, .revokeToken: .ownAccount
        case .listUnits, .getUnit, .listChildren, .listActivity, .listEconomic, .listFactorSets, .listInventories,
            .getInventory, .getInventoryLines, .unitIndicators, .regionIndicators, .getTemplate, .getImport,
            .exportActivity, .exportEconomic, .exportUnits, .exportInventory, .exportIndicators, .listTokens, .openAPI,
            .listAudit, .listPeriods, .getPeriod, .listTargets, .getTarget, .listWarnings, .rankings, .carbonEfficiency,
            .unitCarbonEfficiency, .getEfficiencyScale, .listMeasures:
            .nothing
        }
    }
}

extension SitePage {
    var change: RouteChange {
        switch self {
        case .recordCreate, .recordUpdate, .recordDelete, .importUpload, .importConfirm, .periodSubmit, .periodCorrect,
            .measureCreate, .measureUpdate:
            .data
        case .targetCreate, .targetSplit, .targetDelete: .targets
        case .periodApprove, .periodReturn: .review
        case .accounts, .accountCreate, .accountDisable: .accounts
        case .periodFinding: .findings
        case .factorSetUpload, .factorSetDelete: .shared
        case .signInPost, .signOut: .ownAccount
        case .overview, .units, .unit, .regions, .region, .inventory, .inventoryLine, .records, .recordNew,
            .recordEdit, .importForm, .factors, .audit, .reviewHome, .periods, .period, .signIn, .stylesheet, .script,
            .icon, .targets, .target, .warnings, .rankings, .grades, .unitGrades, .measures:
            .nothing
        }
    }
}

import HTTPTypes

/// The name of every page route. Each feature declares its pages — method, path, rules and
/// handler — in its `…Routes.swift`; the router mounts those declarations, and `SiteURL` builds the
/// links to them (a test keeps the two in step).
enum SitePage: String, CaseIterable, Sendable {
    case overview, units, unit, regions, region, inventory, inventoryLine
    case records, recordNew, recordEdit, recordCreate, recordUpdate, recordDelete
    case importForm, importUpload, importConfirm, month, inventoryCompute
    case factors, factorSetUpload, factorSetDelete
    case audit
    case reviewHome, periods, period, periodSubmit, periodApprove, periodReturn, periodCorrect, periodFinding
    case accounts, accountCreate, accountDisable
    case targets, targetCreate, target, targetSplit, targetDelete, warnings, rankings, grades, unitGrades
    case measures, measureCreate, measureUpdate
    case roadmap, roadmapExport, planEditor, planSave, projectReviews, projectReviewCreate, projectReview
    case unitRoadmap, unitRoadmapExport, unitPlanEditor, unitPlanSave, unitProjectReviews, unitProjectReviewCreate
    case unitProjectReview, planDriver, unitPlanDriver
    case projects, projectCreate, project, projectStage, projectVerify, assets, assetEventCreate
    case compliance, complianceSet
    case footprints, footprintCreate, footprintModel, footprintImport, footprintDelete
    case inventoryReport, inventoryReportIssue, issuedReport, supervisorReport, scope3
    case supervisorReportIssue, climateReport, climateNarrative, climateReportIssue, regionSupervisorReport
    case reportsHome, regionSupervisorReportIssue
    case signIn, signInPost, signOut
    case stylesheet, script, icon

    /// Every feature's pages.
    static let declarations: [PageEndpoint] =
        PageHandlers.dashboardPages + PageHandlers.unitsPages + PageHandlers.regionsPages
        + PageHandlers.inventoriesPages + PageHandlers.recordsPages + PageHandlers.importsPages
        + PageHandlers.factorsPages + PageHandlers.auditPages + PageHandlers.reviewPages + PageHandlers.accountsPages
        + PageHandlers.targetsPages + PageHandlers.rankingsPages + PageHandlers.measuresPages
        + PageHandlers.pathwaysPages + PageHandlers.assetsPages + PageHandlers.footprintPages
        + PageHandlers.reportPages + PageHandlers.valueChainPages + PageHandlers.monthPages
        + PageHandlers.shellPages

    private static let ruleByPage: [SitePage: RouteRule] = Dictionary(
        declarations.map { ($0.page, $0.rule) }, uniquingKeysWith: { first, _ in first })

    /// The page's rules (a test checks that every page is declared exactly once).
    var rule: RouteRule {
        guard let rule = Self.ruleByPage[self] else { preconditionFailure("the page \(self) is declared by no feature") }
        return rule
    }

    var method: HTTPRequest.Method { rule.method }
    var path: String { rule.path }
    var subject: RouteSubject { rule.subject }
    var change: RouteChange { rule.change }
}

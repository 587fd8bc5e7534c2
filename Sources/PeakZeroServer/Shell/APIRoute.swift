import HTTPTypes

/// The name of every route of the API. Each feature declares its own routes — method, path, rules,
/// documentation and handler — in its `…Routes.swift`; the router mounts those declarations and the
/// OpenAPI document describes them, so a route cannot exist undocumented or without its rules
/// (tests check that every name is declared exactly once and served).
enum APIRoute: String, CaseIterable, Sendable {
    case listUnits, createUnits, getUnit, updateUnit, deleteUnit, listChildren
    case listActivity, createActivity, deleteActivity
    case listEconomic, createEconomic, deleteEconomic
    case listFactorSets, createFactorSet, deleteFactorSet
    case listInventories, computeInventory, getInventory, getInventoryLines
    case unitIndicators, regionIndicators
    case getTemplate, createImport, getImport, exportActivity, exportEconomic, exportUnits, exportProjects, exportLedger
    case exportInventory
    case exportIndicators
    case createToken, listTokens, revokeToken
    case listAudit
    case listAccounts, createAccount, disableAccount
    case listPeriods, getPeriod, submitPeriod, approvePeriod, returnPeriod, correctPeriod, recordFinding
    case listTargets, createTarget, getTarget, deleteTarget, splitTarget, listWarnings
    case rankings, carbonEfficiency, unitCarbonEfficiency, getEfficiencyScale, setEfficiencyScale, setBenchmarks
    case listMeasures, createMeasure, updateMeasure
    case regionPathwayHistory, regionRoadmap, getRegionPlan, putRegionPlan
    case listProjectReviews, createProjectReview, getProjectReview
    case unitPathwayHistory, unitRoadmap, getUnitPlan, putUnitPlan, listUnitProjectReviews, createUnitProjectReview, getUnitProjectReview
    case listProjects, saveProject, getProject, setProjectStage, verifyProject, abatementCurve
    case assetBalances, listAssetEvents, addAssetEvent, setAssetPrice
    case complianceBoard, setComplianceYear, listMarketRules, addMarketRule
    case listFootprintModels, saveFootprintModel, getFootprintModel, replaceFootprintModel, deleteFootprintModel
    case computeFootprint, exportFootprint, importFootprintModel, footprintModelTemplate, footprintDeclaration
    case inventoryReport, issueInventoryReport, listIssuedReports, getIssuedReport, supervisorReport
    case issueSupervisorReport, climateReport, saveClimateNarrative, issueClimateReport, regionSupervisorReport
    case issueRegionSupervisorReport
    case unitScope3
    case openAPI
    case health, ready, metrics

    /// The lists that page (`Page`): `limit` and `cursor`, answering `total` and `next_cursor`.
    static let paged: Set<APIRoute> = [
        .listUnits, .listChildren, .listActivity, .listEconomic, .listFactorSets, .listInventories, .listTokens,
        .listAccounts, .listTargets, .listWarnings, .listMeasures, .rankings, .listProjects, .listMarketRules,
        .unitCarbonEfficiency, .listFootprintModels, .listIssuedReports,
    ]

    /// Every feature's declarations.
    static let declarations: [APIRouteDeclaration] =
        (UnitsAPI.endpoints.map(\.declaration) + RecordsAPI.endpoints.map(\.declaration)
            + FactorSetsAPI.endpoints.map(\.declaration) + InventoriesAPI.endpoints.map(\.declaration)
            + IndicatorsAPI.endpoints.map(\.declaration) + IntakeAPI.endpoints.map(\.declaration)
            + AuthAPI.endpoints.map(\.declaration) + AuditAPI.endpoints.map(\.declaration)
            + AccountsAPI.endpoints.map(\.declaration) + ReviewAPI.endpoints.map(\.declaration)
            + TargetsAPI.endpoints.map(\.declaration) + RankingsAPI.endpoints.map(\.declaration)
            + MeasuresAPI.endpoints.map(\.declaration) + PathwaysAPI.endpoints.map(\.declaration)
            + AssetsAPI.endpoints.map(\.declaration) + FootprintAPI.endpoints.map(\.declaration)
            + ReportsAPI.endpoints.map(\.declaration) + ValueChainAPI.endpoints.map(\.declaration)
            + HealthAPI.endpoints.map(\.declaration)
            + MetricsAPI.endpoints.map(\.declaration))

    private static let declarationByRoute: [APIRoute: APIRouteDeclaration] = Dictionary(
        declarations.map { ($0.route, $0) }, uniquingKeysWith: { first, _ in first })

    /// "METHOD /path" of the routes anyone may call, read by the sign-in check on every request.
    static let publicRoutes: Set<String> = Set(
        declarations.filter(\.documentation.isPublic).map { "\($0.rule.method) \($0.rule.path)" })

    /// The paths of those routes, whatever their method.
    static let publicPaths: Set<String> = Set(declarations.filter(\.documentation.isPublic).map(\.rule.path))

    /// The route's declaration (a test checks that every route has exactly one).
    var declaration: APIRouteDeclaration {
        guard let declaration = Self.declarationByRoute[self] else {
            preconditionFailure("the API route \(self) is declared by no feature")
        }
        return declaration
    }

    var method: HTTPRequest.Method { declaration.rule.method }
    var path: String { declaration.rule.path }
    var subject: RouteSubject { declaration.rule.subject }
    var change: RouteChange { declaration.rule.change }
    var summary: String { declaration.documentation.summary }
    var tag: String { declaration.documentation.tag }
    var queryParameters: [(name: String, description: String)] { declaration.documentation.query }
    var successStatus: HTTPResponse.Status { declaration.documentation.success }
    var isPublic: Bool { declaration.documentation.isPublic }
    var returnsFile: Bool { declaration.documentation.returnsFile }
}

import Hummingbird
import Logging
import Persistence

/// Builds the router: every `APIRoute` and every `SitePage` bound to its handler, behind the error
/// middleware and the sign-in check.
public enum APIRouter {
    /// - Parameter importJobThreshold: uploads larger than this many bytes are imported as a background job.
    /// - Throws: when the page templates, strings or stylesheet cannot be loaded from the bundle.
    /// - Parameter accounts: who may sign in; tests pass a store with a cheaper Bcrypt cost.
    public static func make(
        database: PeakZeroDatabase, importJobThreshold: Int = 4 << 20, accounts: AccountStore? = nil
    ) throws -> Router<PeakZeroContext> {
        let accounts = accounts ?? AccountStore(database)
        let router = Router(context: PeakZeroContext.self)
        // Each request at debug level: method and address, never headers (they carry cookies and tokens)
        // nor bodies (they carry passwords).
        router.add(middleware: LogRequestsMiddleware(.debug))
        router.add(middleware: ErrorMiddleware())
        router.add(middleware: SignInMiddleware(accounts: accounts, database: database))
        let access = Access(database: database)
        let auth = AuthAPI(accounts: accounts)
        let units = UnitsAPI(units: UnitStore(database))
        let data = DataAPI(activity: ActivityStore(database), economic: EconomicStore(database), database: database)
        let factorSets = FactorSetsAPI(sets: FactorSetStore(database))
        let inventories = InventoriesAPI(inventories: InventoryStore(database), database: database)
        let indicators = IndicatorsAPI(
            rollups: RollupStore(database), units: UnitStore(database), cache: ResponseCache(database: database))
        let intake = IntakeAPI(database: database, jobs: ImportJobs(), jobThreshold: importJobThreshold)
        let audit = AuditAPI(database: database)
        let review = ReviewAPI(database: database)
        let accountsAPI = AccountsAPI(accounts: accounts, database: database)
        let targets = TargetsAPI(database: database)
        let measures = MeasuresAPI(database: database)
        let supervision = SupervisionAPI(database: database)
        let openAPI = OpenAPIDocument.json
        for route in APIRoute.allCases {
            let handler: @Sendable (Request, PeakZeroContext) async throws -> Response =
                switch route {
                case .listUnits: units.list
                case .createUnits: units.create
                case .getUnit: units.get
                case .updateUnit: units.update
                case .deleteUnit: units.delete
                case .listChildren: units.children
                case .listActivity: data.listActivity
                case .createActivity: data.createActivity
                case .deleteActivity: data.deleteActivity
                case .listEconomic: data.listEconomic
                case .createEconomic: data.createEconomic
                case .deleteEconomic: data.deleteEconomic
                case .listFactorSets: factorSets.list
                case .createFactorSet: factorSets.create
                case .deleteFactorSet: factorSets.delete
                case .listInventories: inventories.list
                case .computeInventory: inventories.compute
                case .getInventory: inventories.get
                case .getInventoryLines: inventories.lines
                case .unitIndicators: indicators.unit
                case .regionIndicators: indicators.region
                case .getTemplate: intake.template
                case .createImport: intake.createImport
                case .getImport: intake.getImport
                case .exportActivity: { try await intake.exportSubtree(.activity, $0, $1) }
                case .exportEconomic: { try await intake.exportSubtree(.economic, $0, $1) }
                case .exportUnits: { try await intake.exportSubtree(.units, $0, $1) }
                case .exportInventory: intake.exportInventory
                case .exportIndicators: intake.exportIndicators
                case .createToken: auth.createToken
                case .listTokens: auth.list
                case .revokeToken: auth.revoke
                case .listAudit: audit.list
                case .listAccounts: accountsAPI.list
                case .createAccount: accountsAPI.create
                case .disableAccount: accountsAPI.disable
                case .listPeriods: review.board
                case .getPeriod: review.period
                case .submitPeriod: { try await review.take(.submit, $0, $1) }
                case .approvePeriod: { try await review.take(.approve, $0, $1) }
                case .returnPeriod: { try await review.take(.return, $0, $1) }
                case .correctPeriod: { try await review.take(.correct, $0, $1) }
                case .recordFinding: review.recordFinding
                case .listTargets: targets.list
                case .createTarget: targets.create
                case .getTarget: targets.get
                case .deleteTarget: targets.delete
                case .splitTarget: targets.split
                case .listWarnings: targets.warnings
                case .rankings: supervision.rankings
                case .carbonEfficiency: supervision.grades
                case .unitCarbonEfficiency: supervision.unitGrades
                case .getEfficiencyScale: supervision.scale
                case .setEfficiencyScale: supervision.setScale
                case .setBenchmarks: supervision.setBenchmarks
                case .listMeasures: measures.list
                case .createMeasure: measures.create
                case .updateMeasure: measures.update
                case .openAPI: { _, _ in openAPI }
                }
            let (subject, change) = (route.subject, route.change)
            router.on(RouterPath(route.path), method: route.method) { request, context in
                if let account = context.identity?.account, let needed = change.missing(for: account) {
                    throw APIError(
                        status: .forbidden, code: "forbidden", message: RouteChange.refusal(needed, request.language))
                }
                // Out of the account's scope looks exactly like missing.
                guard try await access.allows(subject, request, context) else {
                    throw APIError.notFound(request.language == .zh ? "没有此对象" : "no such object")
                }
                return try await handler(request, context)
            }
        }
        let renderer = try PageRenderer.load()
        let pages = WebPages(
            renderer: renderer, units: UnitStore(database), rollups: RollupStore(database),
            inventories: InventoryStore(database), activity: ActivityStore(database),
            economic: EconomicStore(database), accounts: accounts, database: database)
        for page in SitePage.allCases {
            let handler: @Sendable (Request, PeakZeroContext) async throws -> Response =
                switch page {
                case .overview: pages.overview
                case .units: pages.list
                case .unit: pages.unit
                case .regions: pages.regions
                case .region: pages.region
                case .inventory: pages.inventory
                case .inventoryLine: pages.inventoryLine
                case .records: pages.records
                case .recordNew: pages.newRecord
                case .recordEdit: pages.editRecord
                case .recordCreate, .recordUpdate: pages.saveRecord
                case .recordDelete: pages.deleteRecord
                case .importForm: pages.importForm
                case .importUpload: pages.uploadImport
                case .importConfirm: pages.confirmImport
                case .factors: pages.factors
                case .factorSetUpload: pages.uploadFactorSet
                case .factorSetDelete: pages.deleteFactorSet
                case .audit: pages.audit
                case .accounts: pages.accountsPage
                case .accountCreate: pages.createAccount
                case .accountDisable: pages.disableAccount
                case .reviewHome: pages.reviewHome
                case .periods: pages.reviewBoard
                case .period: pages.reviewPeriod
                case .periodSubmit: { try await pages.takeStep(.submit, $0, $1) }
                case .periodApprove: { try await pages.takeStep(.approve, $0, $1) }
                case .periodReturn: { try await pages.takeStep(.return, $0, $1) }
                case .periodCorrect: { try await pages.takeStep(.correct, $0, $1) }
                case .periodFinding: pages.recordFinding
                case .targets: pages.targetsPage
                case .targetCreate: pages.createTarget
                case .target: pages.targetPage
                case .targetSplit: pages.splitTarget
                case .targetDelete: pages.deleteTarget
                case .warnings: pages.warningsPage
                case .rankings: pages.rankingsPage
                case .grades: pages.gradesPage
                case .unitGrades: pages.unitGradesPage
                case .measures: pages.measuresPage
                case .measureCreate: pages.createMeasure
                case .measureUpdate: pages.updateMeasure
                case .signIn: pages.signInForm
                case .signInPost: pages.signIn
                case .signOut: pages.signOut
                case .stylesheet: { _, _ in renderer.asset(renderer.stylesheet, type: "text/css; charset=utf-8") }
                case .script: { _, _ in renderer.asset(renderer.script, type: "text/javascript; charset=utf-8") }
                case .icon: { _, _ in renderer.asset(renderer.icon, type: "image/svg+xml") }
                }
            let (subject, change) = (page.subject, page.change)
            router.on(RouterPath(page.path), method: page.method) { request, context in
                if let account = context.identity?.account, let needed = change.missing(for: account) {
                    throw HTTPError(.forbidden, message: RouteChange.refusal(needed, request.language))
                }
                guard try await access.allows(subject, request, context) else { return pages.notFound(request) }
                return try await handler(request, context)
            }
        }
        return router
    }
}

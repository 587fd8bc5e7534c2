import Accounting
import Hummingbird
import Logging
import Persistence

/// Builds the router: every feature's API routes and pages mounted from their declarations,
/// behind the error middleware and the sign-in check.
public enum APIRouter {
    /// - Parameter importJobThreshold: uploads larger than this many bytes are imported as a background job.
    /// - Parameter accounts: who may sign in; tests pass a store with a cheaper Bcrypt cost.
    /// - Parameter clock: the one clock every handler reads the date in China from.
    /// - Throws: when the page templates, strings or stylesheet cannot be loaded from the bundle.
    public static func make(
        database: PeakZeroDatabase, importJobThreshold: Int = 4 << 20, accounts: AccountStore? = nil,
        clock: ChinaClock = .system, trustedProxies: Set<String> = [], limits: ServerLimits = ServerLimits(),
        metrics: ServerMetrics = ServerMetrics()
    ) throws -> Router<PeakZeroContext> {
        let accounts = accounts ?? AccountStore(database)
        let router = Router(context: PeakZeroContext.self)
        let importGate = ImportGate(limit: limits.concurrentImports)
        // First: every answer is counted with its status, refusals included.
        router.add(middleware: RequestMetricsMiddleware(metrics: metrics))
        router.add(middleware: BodyLimitMiddleware(bytes: limits.bodyBytes))
        router.add(middleware: QueryLaneMiddleware())
        // Only when there are proxies to trust: otherwise the connection's peer is the client, and
        // every request is spared the step.
        if !trustedProxies.isEmpty { router.add(middleware: ClientAddressMiddleware(trustedProxies: trustedProxies)) }
        // Each request at debug level: method and address, never headers (they carry cookies and tokens)
        // nor bodies (they carry passwords).
        router.add(middleware: LogRequestsMiddleware(.debug))
        router.add(middleware: ErrorMiddleware())
        router.add(middleware: SignInMiddleware(accounts: accounts, database: database))
        let mount = RouteMounter(router: router, access: Access(database: database))
        mount(UnitsAPI.endpoints, on: UnitsAPI(units: UnitStore(database)))
        mount(
            RecordsAPI.endpoints,
            on: RecordsAPI(activity: ActivityStore(database), economic: EconomicStore(database), database: database))
        mount(FactorSetsAPI.endpoints, on: FactorSetsAPI(sets: FactorSetStore(database)))
        mount(
            InventoriesAPI.endpoints, on: InventoriesAPI(inventories: InventoryStore(database), database: database))
        mount(
            IndicatorsAPI.endpoints,
            on: IndicatorsAPI(
                rollups: RollupStore(database), units: UnitStore(database), cache: ResponseCache(database: database)))
        mount(
            IntakeAPI.endpoints,
            on: IntakeAPI(
                database: database, clock: clock, jobs: ImportJobs(metrics: metrics), jobThreshold: importJobThreshold,
                gate: importGate, workbookLimits: limits.workbook))
        mount(AuthAPI.endpoints, on: AuthAPI(accounts: accounts))
        mount(AuditAPI.endpoints, on: AuditAPI(database: database))
        mount(AccountsAPI.endpoints, on: AccountsAPI(accounts: accounts, database: database))
        mount(ReviewAPI.endpoints, on: ReviewAPI(database: database, clock: clock))
        mount(TargetsAPI.endpoints, on: TargetsAPI(database: database, clock: clock))
        mount(RankingsAPI.endpoints, on: RankingsAPI(database: database, clock: clock))
        mount(MeasuresAPI.endpoints, on: MeasuresAPI(database: database, clock: clock))
        mount(PathwaysAPI.endpoints, on: PathwaysAPI(database: database))
        mount(AssetsAPI.endpoints, on: AssetsAPI(database: database, clock: clock))
        mount(
            FootprintAPI.endpoints,
            on: FootprintAPI(database: database, gate: importGate, workbookLimits: limits.workbook))
        mount(ReportsAPI.endpoints, on: ReportsAPI(database: database, clock: clock))
        mount(ValueChainAPI.endpoints, on: ValueChainAPI(database: database))
        mount(HealthAPI.endpoints, on: HealthAPI(database: database))
        mount(MetricsAPI.endpoints, on: MetricsAPI(metrics: metrics, database: database))
        let pages = PageHandlers(
            renderer: try PageRenderer.load(), units: UnitStore(database), rollups: RollupStore(database),
            inventories: InventoryStore(database), activity: ActivityStore(database),
            economic: EconomicStore(database), accounts: accounts, database: database, clock: clock,
            importGate: importGate, workbookLimits: limits.workbook)
        mount(SitePage.declarations, on: pages)
        return router
    }
}

/// Puts declared routes on the router, each behind its rules: a change the account's roles may not
/// make is refused, and a subject outside the account's scope looks exactly like a missing one.
struct RouteMounter {
    let router: Router<PeakZeroContext>
    let access: Access

    func callAsFunction<Handlers>(_ endpoints: [APIEndpoint<Handlers>], on handlers: Handlers) {
        for endpoint in endpoints {
            mount(endpoint.declaration.rule, endpoint.handler(handlers)) { needed, language in
                APIError(status: .forbidden, code: "forbidden", message: RouteChange.refusal(needed, language))
            } outOfScope: { request in
                throw APIError.notFound(request.language.say(.noSuchObject))
            }
        }
    }

    func callAsFunction(_ endpoints: [PageEndpoint], on pages: PageHandlers) {
        for endpoint in endpoints {
            mount(endpoint.rule, endpoint.handler(pages)) { needed, language in
                HTTPError(.forbidden, message: RouteChange.refusal(needed, language))
            } outOfScope: {
                pages.notFound($0)
            }
        }
    }

    /// Serves `handler` at the rule's method and path once the account's roles may make the change
    /// (else `refused`) and the subject lies in its scope (else `outOfScope`, which looks missing).
    private func mount(
        _ rule: RouteRule, _ handler: @escaping RouteHandler,
        refused: @escaping @Sendable (Set<Role>, Language) -> any Error,
        outOfScope: @escaping @Sendable (Request) throws -> Response
    ) {
        let access = access
        router.on(RouterPath(rule.path), method: rule.method) { request, context in
            if let account = context.identity?.account, let needed = rule.change.missing(for: account) {
                throw refused(needed, request.language)
            }
            guard try await access.allows(rule.subject, request, context) else { return try outOfScope(request) }
            return try await handler(request, context)
        }
    }
}

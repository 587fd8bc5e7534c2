import Assets
import Hummingbird
import Persistence

extension AssetsAPI {
    /// The projects, ledger and compliance API routes: what each serves, what it is about and what it changes.
    static let endpoints: [APIEndpoint<AssetsAPI>] = [
        APIEndpoint(
            .listProjects, .get, "/api/v1/units/{id}/projects", subject: .unitInPath, change: .nothing,
            summary:
                "The reduction projects (减排项目) of a unit's subtree, each with its savings computed from the factor library (tce at 等价值 and 当量值, CO2e location- and market-based; verified where measured) and its economics",
            query: [("rate", "real discount rate, default 0.08"), ("method", "location (default) or market: the CO2e the economics count")],
            tag: "projects", response: .page(ProjectBody.self)
        ) { $0.listProjects },
        APIEndpoint(
            .saveProject, .post, "/api/v1/units/{id}/projects", subject: .unitInPath, change: .data,
            summary:
                "Save a project of the unit (a new `code` adds one, a known one replaces it): `name`, `type`, `stage`, `first_year`, `lifetime_years`, `capex`, `yearly_opex`, `yearly_benefit` (万元), `savings` [{`item`, `quantity`, `unit`}] a year, `interacts_with`, `target_id`",
            success: .created, tag: "projects", body: .json(ProjectDraft.self), response: .json(ProjectBody.self)
        ) { $0.saveProject },
        APIEndpoint(
            .getProject, .get, "/api/v1/projects/{id}", subject: .projectInPath, change: .nothing,
            summary: "A project with its savings line by line and the factors each used, its economics and its M&V records",
            query: [("rate", "real discount rate, default 0.08"), ("method", "location or market")], tag: "projects", response: .json(ProjectBody.self)
        ) { $0.getProject },
        APIEndpoint(
            .setProjectStage, .post, "/api/v1/projects/{id}/stage", subject: .projectInPath, change: .data,
            summary: "Move a project to `stage`: one stage forward (planned → approved → building → operating), or closed",
            tag: "projects", body: .json(AssetsAPI.StageChange.self), response: .json(ProjectBody.self)
        ) { $0.setStage },
        APIEndpoint(
            .verifyProject, .post, "/api/v1/projects/{id}/verifications", subject: .projectInPath, change: .data,
            summary:
                "Record a year's measurement and verification: `year`, `option` (IPMVP / GB/T 28750 A–D), `baseline`, `adjustments`, measured `savings`",
            success: .created, tag: "projects", body: .json(NewVerification.self), response: .json(StoredVerification.self)
        ) { $0.verify },
        APIEndpoint(
            .abatementCurve, .get, "/api/v1/units/{id}/abatement-curve", subject: .unitInPath, change: .nothing,
            summary:
                "The marginal abatement cost curve of a subtree's projects (levelised cost × yearly abatement), its warnings (money-saving blocks, interacting projects) and, given `gap`, the cheapest projects that close it",
            query: [("rate", "real discount rate, default 0.08"), ("method", "location or market"), ("gap", "tCO2e a year to close")],
            tag: "projects", response: .json(AssetsAPI.CurveBody.self)
        ) { $0.abatementCurve },
        APIEndpoint(
            .assetBalances, .get, "/api/v1/units/{id}/assets", subject: .unitInPath, change: .nothing,
            summary: "Carbon-asset holdings (CEA, CCER, green certificates, pilot allowances) by lot on a date, valued at the kept prices",
            query: [("date", "YYYY-MM-DD, default today"), ("subtree", "true (default) or false: the unit's own account")],
            tag: "assets", response: .json(AssetsAPI.HoldingsBody.self)
        ) { $0.balances },
        APIEndpoint(
            .listAssetEvents, .get, "/api/v1/units/{id}/assets/events", subject: .unitInPath, change: .nothing,
            summary: "The ledger entries of a subtree, newest day first (then as entered), paged",
            query: [
                ("limit", "at most this many, default 500, at most 5000"),
                ("cursor", "the next_cursor of the page before (the day and id of its last entry)"),
            ],
            tag: "assets", response: .page(StoredAssetEvent.self)
        ) { $0.listEvents },
        APIEndpoint(
            .addAssetEvent, .post, "/api/v1/units/{id}/assets/events", subject: .unitInPath, change: .data,
            summary:
                "Append a ledger entry: `day`, `action` (allocate_pre, allocate_final, buy, sell, transfer with `to_unit_id`, surrender with `compliance_year`, retire with `retired_for`, expire, borrow), `kind`, `vintage`, `month`, `reference`, `methodology`, `quantity`, `price`, `counterparty`, `late`; or an array of entries, appended in order, all or none (a refusal names `entries[n].field`)",
            success: .created, tag: "assets", body: .json(NewAssetEvent.self, batch: true), response: .items(StoredAssetEvent.self)
        ) { $0.addEvent },
        APIEndpoint(
            .setAssetPrice, .post, "/api/v1/asset-prices", subject: .shared, change: .shared,
            summary: "Set the price of an instrument kind on a day (`kind`, `day`, `price` CNY, `source`)", success: .noContent,
            tag: "assets", body: .json(AssetsAPI.NewPrice.self)
        ) { $0.setPrice },
        APIEndpoint(
            .complianceBoard, .get, "/api/v1/units/{id}/compliance", subject: .unitInPath, change: .nothing,
            summary:
                "The compliance board (履约) of a subtree's covered units for a year: verified emissions from approved inventories, obligation, holdings, CCER within its limit, shortfall or surplus, deadline and light, with the rule records applied",
            query: [("year", "the compliance year, default last year"), ("date", "the day positions are taken, default today")],
            tag: "compliance", response: .json(AssetsAPI.BoardBody.self)
        ) { $0.board },
        APIEndpoint(
            .setComplianceYear, .put, "/api/v1/units/{id}/compliance/{year}", subject: .unitInPath, change: .data,
            summary: "Set a covered unit's `sector` and `allocation` (t, with `allocation_source`) for a year — or its `outputs` ([{output, quantity, correction, correction_source}]), which the sector's benchmark rule records turn into the allocation", tag: "compliance", body: .json(AssetsAPI.YearBody.self), response: .json(StoredComplianceYear.self)
        ) { $0.setYear },
        APIEndpoint(
            .listMarketRules, .get, "/api/v1/market-rules", subject: .shared, change: .nothing,
            summary: "The carbon-market rule records in force: bundled (with their sources and grades) and entered", tag: "compliance", response: .page(AssetsAPI.RuleBody.self)
        ) { $0.listRules },
        APIEndpoint(
            .addMarketRule, .post, "/api/v1/market-rules", subject: .shared, change: .shared,
            summary:
                "Enter a rule record PeakZero does not ship: `id`, `market`, `sectors`, `first_year`, `last_year`, `parameter`, `value`, `grade`, `source`, `document`, `url`, `notes`, and for a `benchmark` its `output`",
            success: .created, tag: "compliance", body: .json(NewMarketRule.self), response: .json(AssetsAPI.RuleBody.self)
        ) { $0.addRule },
    ]
}

extension PageHandlers {
    /// The projects, ledger and compliance pages: what each serves, what it is about and what it changes.
    static let assetsPages: [PageEndpoint] = [
        PageEndpoint(.projects, .get, "/units/{id}/projects", subject: .unitInPath, change: .nothing) { $0.projectsPage },
        PageEndpoint(.projectCreate, .post, "/units/{id}/projects", subject: .unitInPath, change: .data) {
            $0.createProject
        },
        PageEndpoint(.project, .get, "/projects/{id}", subject: .projectInPath, change: .nothing) { $0.projectPage },
        PageEndpoint(.projectStage, .post, "/projects/{id}/stage", subject: .projectInPath, change: .data) {
            $0.setProjectStage
        },
        PageEndpoint(.projectVerify, .post, "/projects/{id}/verifications", subject: .projectInPath, change: .data) {
            $0.verifyProject
        },
        PageEndpoint(.assets, .get, "/units/{id}/assets", subject: .unitInPath, change: .nothing) { $0.assetsPage },
        PageEndpoint(.assetEventCreate, .post, "/units/{id}/assets", subject: .unitInPath, change: .data) {
            $0.createAssetEvent
        },
        PageEndpoint(.compliance, .get, "/units/{id}/compliance", subject: .unitInPath, change: .nothing) {
            $0.compliancePage
        },
        PageEndpoint(.complianceSet, .post, "/units/{id}/compliance", subject: .unitInPath, change: .data) {
            $0.setComplianceYear
        },
    ]
}

import HTTPTypes

/// Every route of the API, declared once: the router registers these and the OpenAPI document
/// describes these, so a route cannot exist undocumented (a test checks both).
enum APIRoute: String, CaseIterable, Sendable {
    case listUnits, createUnits, getUnit, updateUnit, deleteUnit, listChildren
    case listActivity, createActivity, deleteActivity
    case listEconomic, createEconomic, deleteEconomic
    case listFactorSets, createFactorSet, deleteFactorSet
    case listInventories, computeInventory, getInventory, getInventoryLines
    case unitIndicators, regionIndicators
    case getTemplate, createImport, getImport, exportActivity, exportEconomic, exportUnits, exportInventory
    case exportIndicators
    case createToken, listTokens, revokeToken
    case listAudit
    case listAccounts, createAccount, disableAccount
    case listPeriods, getPeriod, submitPeriod, approvePeriod, returnPeriod, correctPeriod, recordFinding
    case listTargets, createTarget, getTarget, deleteTarget, splitTarget, listWarnings
    case rankings, carbonEfficiency, unitCarbonEfficiency, getEfficiencyScale, setEfficiencyScale, setBenchmarks
    case listMeasures, createMeasure, updateMeasure
    case openAPI

    var method: HTTPRequest.Method {
        switch self {
        case .createUnits, .createActivity, .createEconomic, .createFactorSet, .computeInventory, .createImport,
            .createToken, .submitPeriod, .approvePeriod, .returnPeriod, .correctPeriod, .createAccount,
            .disableAccount, .recordFinding, .createTarget, .splitTarget, .createMeasure, .updateMeasure:
            .post
        case .updateUnit, .setEfficiencyScale, .setBenchmarks: .put
        case .deleteUnit, .deleteActivity, .deleteEconomic, .deleteFactorSet, .revokeToken, .deleteTarget: .delete
        default: .get
        }
    }

    /// The path, with `{name}` for a parameter.
    var path: String {
        switch self {
        case .listUnits, .createUnits: "/api/v1/units"
        case .getUnit, .updateUnit, .deleteUnit: "/api/v1/units/{id}"
        case .listChildren: "/api/v1/units/{id}/children"
        case .listActivity: "/api/v1/units/{id}/activity-records"
        case .createActivity: "/api/v1/activity-records"
        case .deleteActivity: "/api/v1/activity-records/{id}"
        case .listEconomic: "/api/v1/units/{id}/economic-records"
        case .createEconomic: "/api/v1/economic-records"
        case .deleteEconomic: "/api/v1/economic-records/{id}"
        case .listFactorSets, .createFactorSet: "/api/v1/factor-sets"
        case .deleteFactorSet: "/api/v1/factor-sets/{id}"
        case .listInventories, .computeInventory: "/api/v1/inventories"
        case .getInventory: "/api/v1/inventories/{id}"
        case .getInventoryLines: "/api/v1/inventories/{id}/lines"
        case .unitIndicators: "/api/v1/units/{id}/indicators"
        case .regionIndicators: "/api/v1/regions/{code}/indicators"
        case .getTemplate: "/api/v1/templates/{kind}"
        case .createImport: "/api/v1/imports"
        case .getImport: "/api/v1/imports/{id}"
        case .exportActivity: "/api/v1/exports/activity"
        case .exportEconomic: "/api/v1/exports/economic"
        case .exportUnits: "/api/v1/exports/units"
        case .exportInventory: "/api/v1/exports/inventories/{id}"
        case .exportIndicators: "/api/v1/exports/indicators"
        case .createToken: "/api/v1/auth/token"
        case .listTokens: "/api/v1/auth/tokens"
        case .revokeToken: "/api/v1/auth/tokens/{id}"
        case .listAudit: "/api/v1/audit"
        case .listAccounts, .createAccount: "/api/v1/accounts"
        case .disableAccount: "/api/v1/accounts/{name}/disable"
        case .listPeriods: "/api/v1/units/{id}/periods"
        case .getPeriod: "/api/v1/units/{id}/periods/{period}"
        case .submitPeriod: "/api/v1/units/{id}/periods/{period}/submit"
        case .approvePeriod: "/api/v1/units/{id}/periods/{period}/approve"
        case .returnPeriod: "/api/v1/units/{id}/periods/{period}/return"
        case .correctPeriod: "/api/v1/units/{id}/periods/{period}/correct"
        case .recordFinding: "/api/v1/units/{id}/periods/{period}/findings"
        case .listTargets, .createTarget: "/api/v1/targets"
        case .getTarget, .deleteTarget: "/api/v1/targets/{id}"
        case .splitTarget: "/api/v1/targets/{id}/split"
        case .listWarnings: "/api/v1/warnings"
        case .rankings: "/api/v1/rankings"
        case .carbonEfficiency: "/api/v1/carbon-efficiency"
        case .unitCarbonEfficiency: "/api/v1/units/{id}/carbon-efficiency"
        case .getEfficiencyScale, .setEfficiencyScale: "/api/v1/carbon-efficiency/scale"
        case .setBenchmarks: "/api/v1/carbon-efficiency/benchmarks/{year}"
        case .listMeasures: "/api/v1/units/{id}/measures"
        case .createMeasure: "/api/v1/measures"
        case .updateMeasure: "/api/v1/measures/{id}"
        case .openAPI: "/api/v1/openapi.json"
        }
    }

    var summary: String {
        switch self {
        case .listUnits: "List units (optionally the subtree of `under`, or a region by `region` code prefix)"
        case .createUnits: "Create one unit or a batch (a whole tree, parents first); all or nothing"
        case .getUnit: "Fetch a unit"
        case .updateUnit: "Change a unit; a new parent or share moves and re-weights its subtree"
        case .deleteUnit: "Delete a unit without children or data"
        case .listChildren: "The unit's direct children"
        case .listActivity: "Activity records of a unit's subtree, optionally of one `year`"
        case .createActivity: "Add one activity record or a batch; validated like the CSV template; all or nothing"
        case .deleteActivity: "Delete an activity record"
        case .listEconomic: "Economic records of a unit's subtree, optionally of one `year`"
        case .createEconomic: "Add one economic record or a batch; all or nothing"
        case .deleteEconomic: "Delete an economic record"
        case .listFactorSets: "User factor sets"
        case .createFactorSet: "Upload a factor set (CSV text in the library format)"
        case .deleteFactorSet: "Delete a user factor set"
        case .listInventories: "Inventories, newest first, optionally of one `unit_id` and `year`"
        case .computeInventory: "Compute and store the inventory of a unit's subtree for a year (a new version)"
        case .getInventory: "An inventory's options, factor library and totals"
        case .getInventoryLines: "An inventory's lines with their lineage, and the factors it used with citations"
        case .unitIndicators:
            "The four indicators of a unit and its descendants for a `year`, with breakdowns and year-on-year change"
        case .regionIndicators: "The four indicators of a province, city or county (GB/T 2260 code) for a `year`"
        case .getTemplate:
            "A blank data template (`kind`: activity, economic or units) as an Excel workbook or CSV, headers in the request's language"
        case .createImport:
            "Import a filled-in template of activity data, economic data or units (multipart/form-data field `file`, or the raw file with `file_name`): checked row by row, then all rows written or none; 200 with the report, 422 when the file has errors, 202 with a job for a large file"
        case .getImport: "An import job's state and, when done, its report"
        case .exportActivity: "Activity records of a unit's subtree in the template's layout (importable again)"
        case .exportEconomic: "Economic records of a unit's subtree in the template's layout (importable again)"
        case .exportUnits: "A unit and its descendants in the units template's layout (importable again)"
        case .exportInventory: "An inventory's lines with their factors"
        case .exportIndicators: "The four indicators of a unit or a region for a year, with every breakdown"
        case .createToken:
            "Sign in with `name` and `password` (JSON); returns a personal bearer token, shown this once, lasting `days` (default 90, at most 366)"
        case .listTokens: "The signed-in account's tokens (never their secrets)"
        case .revokeToken: "Revoke one of the signed-in account's tokens"
        case .recordFinding:
            "Record a verifier's finding (核查发现) on a unit's period: `text` (JSON); verifiers and administrators"
        case .listAccounts:
            "Accounts with their roles: all for an administrator; for a manager, those whose roles all lie in its subtree"
        case .createAccount:
            "Create an account: `name`, `password` (at least 10 characters; left out, one is generated and shown this once), `grants` of `role` on a `unit_code` or `region_code` within the manager's subtree"
        case .disableAccount: "Disable an account of the subtree: its sessions end and its tokens are revoked"
        case .listPeriods:
            "The submission status board of a unit's subtree for a `year`: each unit's periods (month, quarter or year by its reporting class) with their state, record count, due date and whether they are late"
        case .getPeriod:
            "A unit's period (`2024-03`, `2024-Q1`, `2024`): its state and every review step, each submission with the data it handed in"
        case .submitPeriod:
            "Submit a unit's period for review (reporters, managers, administrators); its data is locked"
        case .approvePeriod:
            "Approve a submitted period (reviewers and administrators; not the submitter); it stays locked"
        case .returnPeriod: "Return a submitted period to its reporter with a `reason` (JSON); it opens again"
        case .correctPeriod:
            "Open a correction (更正) of an approved period with a `reason` (JSON); its next submission is a new version that needs approval again"
        case .listAudit:
            "The audit trail, newest first: who changed what, when, before and after, with each entry's hash chain (administrators, and verifiers, reviewers and managers for their units)"
        case .listTargets:
            "Targets (目标) whose unit or region the account sees, each with its progress: value to date, expected by now, forecast, limit and traffic light"
        case .createTarget:
            "Set a target (managers within their subtrees and regions): `unit_id` or `region_code`, `name`, `indicator` (energy_total, carbon_total, energy_intensity, carbon_intensity), `kind` (cap with `value`; reduction with `reduction` and `base_year`; peak with `peak_year`), `first_year`, `last_year`, `milestones`, `economic_base`, `scope2`, `energy_basis`, `deduct_green_power`, `deductions`, `yellow_from`, `red_above`, `expectation` (pro_rata or seasonal)"
        case .getTarget:
            "A target with its progress, the targets split from it and whether they add up (the gap when not)"
        case .deleteTarget: "Delete a target and the targets split from it"
        case .splitTarget:
            "Split a target (指标分解) among its unit's children or its region's cities or counties (or, with `among` groups, the groups registered in the region): `method` base_share, equal_reduction or manual (with `children`: each a `unit_id` or `region_code` and its own target fields); replaces an earlier split"
        case .listWarnings:
            "Warnings (预警) in the account's scope, newest first: red and yellow targets with their reasons, and overdue measures"
        case .rankings:
            "Rank (赛马) a unit's children (`unit_id`) or a region's enterprises (`region`) by an `indicator` in a `year`, `by` value, yoy or progress; with last year's rank and the rank in the industry division"
        case .carbonEfficiency:
            "Carbon-efficiency grades (碳效码) of the industrial enterprises of a unit's subtree (`unit_id`) or a region (`region`) in a `year`: L, the industry average, K, level and grade; the distribution overall and by industry"
        case .unitCarbonEfficiency: "A unit's carbon-efficiency grade year by year"
        case .getEfficiencyScale: "The carbon-efficiency scale in force: level and grade bounds, names, colours, source"
        case .setEfficiencyScale:
            "Set the carbon-efficiency scale (`scale`: levels and grades, each band an `upper_bound`, `name_zh`, `name_en`, `colour`; the last band without a bound), or null for the bundled one (administrators)"
        case .setBenchmarks:
            "Replace a year's published industry averages of L (`averages`: division code such as C38 → tCO2e per 万元) with their `source` (administrators); or send the table as text/csv (columns industry, average_intensity) with `source` in the query"
        case .listMeasures:
            "The responsibility and measure list (责任清单、措施清单) of a unit's subtree, by deadline, with notes and each item's status (overdue when past its deadline)"
        case .createMeasure:
            "Add an item: `unit_id`, `title`, `owner_person`, `start_date`, `deadline` (yyyy-MM-dd), `kind` (measure, responsibility, training, campaign), `status`, `target_id`, `participants`"
        case .updateMeasure: "Set an item's `status` (planned, in_progress, done) and/or add a `note` with `evidence`"
        case .openAPI: "This document"
        }
    }

    var tag: String {
        switch self {
        case .listUnits, .createUnits, .getUnit, .updateUnit, .deleteUnit, .listChildren: "units"
        case .listActivity, .createActivity, .deleteActivity, .listEconomic, .createEconomic, .deleteEconomic: "data"
        case .listFactorSets, .createFactorSet, .deleteFactorSet: "factors"
        case .listInventories, .computeInventory, .getInventory, .getInventoryLines: "inventories"
        case .unitIndicators, .regionIndicators: "indicators"
        case .getTemplate, .createImport, .getImport, .exportActivity, .exportEconomic, .exportUnits, .exportInventory,
            .exportIndicators:
            "intake"
        case .createToken, .listTokens, .revokeToken: "auth"
        case .listAudit: "audit"
        case .listAccounts, .createAccount, .disableAccount: "accounts"
        case .listPeriods, .getPeriod, .submitPeriod, .approvePeriod, .returnPeriod, .correctPeriod, .recordFinding:
            "review"
        case .listTargets, .createTarget, .getTarget, .deleteTarget, .splitTarget, .listWarnings: "targets"
        case .rankings, .carbonEfficiency, .unitCarbonEfficiency, .getEfficiencyScale, .setEfficiencyScale,
            .setBenchmarks:
            "supervision"
        case .listMeasures, .createMeasure, .updateMeasure: "measures"
        case .openAPI: "meta"
        }
    }

    /// Query parameters the route reads, with a description each.
    var queryParameters: [(name: String, description: String)] {
        switch self {
        case .listUnits:
            [("under", "unit id: only its subtree"), ("region", "GB/T 2260 code or prefix: only units there")]
        case .listActivity, .listEconomic: [("year", "only this year")]
        case .listPeriods: [("year", "required")]
        case .listInventories: [("unit_id", "only inventories of this unit"), ("year", "only this year")]
        case .unitIndicators:
            [
                ("year", "required"), ("approach", "control (default) or equity"),
                ("scope2", "location (default) or market"),
            ]
        case .regionIndicators: [("year", "required"), ("scope2", "location (default) or market")]
        case .getTemplate: [("format", "xlsx (default) or csv"), ("lang", "zh or en (default: Accept-Language)")]
        case .createImport:
            [
                ("kind", "activity, economic or units (default: told by the sheet's name or the header row)"),
                ("dry_run", "true: check and report, write nothing"),
                ("mode", "append (default) or replace (units: update stored units)"),
                ("file_name", "the file's name, when the body is the raw file"),
            ]
        case .exportActivity, .exportEconomic:
            [("unit_id", "required"), ("year", "only this year"), ("format", "xlsx (default) or csv")]
        case .exportUnits: [("unit_id", "required"), ("format", "xlsx (default) or csv")]
        case .exportInventory: [("format", "xlsx (default) or csv")]
        case .exportIndicators:
            [
                ("unit_id", "a unit (or region)"), ("region", "a GB/T 2260 code (or unit_id)"), ("year", "required"),
                ("approach", "control (default) or equity"), ("scope2", "location (default) or market"),
                ("format", "xlsx (default) or csv"),
            ]
        case .listAudit:
            [
                ("unit_id", "only entries about this unit's subtree"), ("actor", "only this account's entries"),
                ("year", "only entries about this year"), ("month", "only entries about this month (1–12)"),
                ("action", "only this action (e.g. activity.replace, period.approve, signin)"),
                ("before", "an entry id: only older entries (paging back)"),
                ("limit", "at most this many entries (default 100, at most 1000)"),
                ("format", "csv or xlsx: every matching entry as a file (up to 100 000)"),
            ]
        case .listTargets:
            [
                ("unit_id", "only this unit's targets"), ("region", "only this region's targets"),
                ("year", "only targets in force this year"),
            ]
        case .rankings:
            [
                ("unit_id", "rank its children"), ("region", "rank the enterprises registered there"),
                ("year", "required"),
                ("indicator", "energy_total, carbon_total, energy_intensity or carbon_intensity (default)"),
                ("by", "value (default), yoy or progress"), ("base", "value_added (default) or output_value"),
                ("scope2", "location (default) or market"),
            ]
        case .carbonEfficiency:
            [("unit_id", "a unit's subtree"), ("region", "a GB/T 2260 code"), ("year", "required")]
        case .setBenchmarks: [("source", "the table's source, when the body is CSV")]
        default: []
        }
    }

    /// The route's response status when it succeeds.
    var successStatus: HTTPResponse.Status {
        switch self {
        case .createUnits, .createActivity, .createEconomic, .createFactorSet, .computeInventory, .createToken,
            .createAccount, .recordFinding, .createTarget, .createMeasure:
            .created
        case .deleteUnit, .deleteActivity, .deleteEconomic, .deleteFactorSet, .revokeToken, .disableAccount,
            .deleteTarget:
            .noContent
        default: .ok
        }
    }

    /// Routes anyone may call: signing in, and this document. Every other route needs a signed-in
    /// account (a bearer token or a session).
    var isPublic: Bool { self == .createToken || self == .openAPI }

    /// Routes that answer with a file (xlsx or csv) rather than JSON.
    var returnsFile: Bool {
        [.getTemplate, .exportActivity, .exportEconomic, .exportUnits, .exportInventory, .exportIndicators].contains(
            self)
    }
}

import Hummingbird

extension IntakeAPI {
    /// The imports API routes: what each serves, what it is about and what it changes.
    static let endpoints: [APIEndpoint<IntakeAPI>] = [
        APIEndpoint(
            .getTemplate, .get, "/api/v1/templates/{kind}", subject: .shared, change: .nothing,
            summary:
                "A blank data template (`kind`: activity, economic, units, regional, projects, ledger or footprint — a product model, imported at `/api/v1/units/{id}/footprint-models/import`) as an Excel workbook or CSV, headers in the request's language",
            query: [("format", "xlsx (default) or csv"), ("lang", "zh or en (default: Accept-Language)")],
            returnsFile: true, tag: "intake"
        ) { $0.template },
        APIEndpoint(
            .createImport, .post, "/api/v1/imports", subject: .narrowedByHandler, change: .data,
            summary:
                "Import a filled-in template of activity data, economic data, units, regional statistics, reduction projects or ledger entries (multipart/form-data field `file`, or the raw file with `file_name`): checked row by row, then all rows written or none; 200 with the report, 422 when the file has errors, 202 with a job for a large file",
            query: [
                ("kind", "activity, economic, units, regional, projects or ledger (default: told by the sheet's name or the header row)"),
                ("dry_run", "true: check and report, write nothing"),
                ("mode", "append (default) or replace (units and projects: update stored ones; the ledger only appends)"),
                ("file_name", "the file's name, when the body is the raw file"),
            ], tag: "intake", body: .file, response: .either(IntakeAPI.ReportBody.self, IntakeAPI.JobBody.self)
        ) { $0.createImport },
        APIEndpoint(
            .getImport, .get, "/api/v1/imports/{id}", subject: .narrowedByHandler, change: .nothing,
            summary: "An import job's state and, when done, its report", tag: "intake", response: .json(IntakeAPI.JobBody.self)
        ) { $0.getImport },
        APIEndpoint(
            .exportActivity, .get, "/api/v1/exports/activity", subject: .unitInQuery, change: .nothing,
            summary: "Activity records of a unit's subtree in the template's layout (importable again)",
            query: [("unit_id", "required"), ("year", "only this year"), ("format", "xlsx (default) or csv")],
            returnsFile: true, tag: "intake"
        ) { handlers in { try await handlers.exportSubtree(.activity, $0, $1) } },
        APIEndpoint(
            .exportEconomic, .get, "/api/v1/exports/economic", subject: .unitInQuery, change: .nothing,
            summary: "Economic records of a unit's subtree in the template's layout (importable again)",
            query: [("unit_id", "required"), ("year", "only this year"), ("format", "xlsx (default) or csv")],
            returnsFile: true, tag: "intake"
        ) { handlers in { try await handlers.exportSubtree(.economic, $0, $1) } },
        APIEndpoint(
            .exportUnits, .get, "/api/v1/exports/units", subject: .unitInQuery, change: .nothing,
            summary: "A unit and its descendants in the units template's layout (importable again)",
            query: [("unit_id", "required"), ("format", "xlsx (default) or csv")], returnsFile: true, tag: "intake"
        ) { handlers in { try await handlers.exportSubtree(.units, $0, $1) } },
        APIEndpoint(
            .exportProjects, .get, "/api/v1/exports/projects", subject: .unitInQuery, change: .nothing,
            summary: "The reduction projects of a unit's subtree in the projects template's layout (importable again in replace mode)",
            query: [("unit_id", "required"), ("format", "xlsx (default) or csv")], returnsFile: true, tag: "intake"
        ) { handlers in { try await handlers.exportSubtree(.projects, $0, $1) } },
        APIEndpoint(
            .exportLedger, .get, "/api/v1/exports/ledger", subject: .unitInQuery, change: .nothing,
            summary: "The carbon-asset entries of a unit's subtree in the ledger template's layout, in booking order (a transfer within the subtree as one row)",
            query: [("unit_id", "required"), ("format", "xlsx (default) or csv")], returnsFile: true, tag: "intake"
        ) { handlers in { try await handlers.exportSubtree(.ledger, $0, $1) } },
        APIEndpoint(
            .exportInventory, .get, "/api/v1/exports/inventories/{id}", subject: .inventoryInPath, change: .nothing,
            summary: "An inventory's lines with their factors", query: [("format", "xlsx (default) or csv")],
            returnsFile: true, tag: "intake"
        ) { $0.exportInventory },
        APIEndpoint(
            .exportIndicators, .get, "/api/v1/exports/indicators", subject: .unitInQuery, change: .nothing,
            summary: "The four indicators of a unit or a region for a year, with every breakdown",
            query: [
                ("unit_id", "a unit (or region)"), ("region", "a GB/T 2260 code (or unit_id)"), ("year", "required"),
                ("approach", "control (default) or equity"), ("scope2", "location (default) or market"),
                ("format", "xlsx (default) or csv"),
            ], returnsFile: true, tag: "intake"
        ) { $0.exportIndicators },
    ]
}

extension PageHandlers {
    /// The imports pages: what each serves, what it is about and what it changes.
    static let importsPages: [PageEndpoint] = [
        PageEndpoint(.importForm, .get, "/data/import", subject: .narrowedByHandler, change: .nothing) {
            $0.importForm
        },
        PageEndpoint(.importUpload, .post, "/data/import", subject: .narrowedByHandler, change: .data) {
            $0.uploadImport
        },
        PageEndpoint(.importConfirm, .post, "/data/import/confirm", subject: .narrowedByHandler, change: .data) {
            $0.confirmImport
        },
    ]
}

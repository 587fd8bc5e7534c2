import Hummingbird
import Reports

extension ReportsAPI {
    /// The report API routes: what each serves, what it is about and what it changes.
    static let endpoints: [APIEndpoint<ReportsAPI>] = [
        APIEndpoint(
            .inventoryReport, .get, "/api/v1/units/{id}/reports/inventory", subject: .unitInPath, change: .nothing,
            summary:
                "The unit's greenhouse gas inventory report for a year (GB/T 32150-2015, ISO 14064-1:2018): basis (inventory and version, consolidation, GWP set, factor library, records not yet approved), emissions by scope with Scope 2 location- and market-based, by gas, facility and source type, energy by carrier at both standard-coal bases, intensities with their denominators, the factors used with their sources — every figure the stored inventory's; 409 when no inventory of the year covers the unit",
            query: [
                ("year", "required: the reporting year"),
                ("scope2", "location (default) or market: the headline total's Scope 2 method (both are reported)"),
                ("format", "json (default), xlsx, or pdf (printed by headless Chromium with a cover, contents and page numbers; 503 when the server has no Chromium)"),
                ("lang", "zh or en: names and the workbook's language"),
            ],
            tag: "reports", response: .json(GHGInventoryReport.self)
        ) { $0.inventoryReport },
        APIEndpoint(
            .issueInventoryReport, .post, "/api/v1/units/{id}/reports/inventory/issue", subject: .unitInPath,
            change: .data,
            summary:
                "Issue (出具) the unit's GHG inventory report of `year`: the report's whole model is kept as it is now, so that it shows again exactly as issued whatever changes later; audited; 409 when no inventory of the year covers the unit",
            query: [
                ("year", "required: the reporting year"),
                ("scope2", "location (default) or market: the headline total's Scope 2 method"),
                ("lang", "zh or en: the names kept with the report"),
            ],
            success: .created, tag: "reports", response: .json(ReportsAPI.Issued.self)
        ) { $0.issue },
        APIEndpoint(
            .listIssuedReports, .get, "/api/v1/units/{id}/reports", subject: .unitInPath, change: .nothing,
            summary: "The reports issued for a unit's subtree, newest first", tag: "reports",
            response: .page(ReportsAPI.Listing.self)
        ) { $0.listIssued },
        APIEndpoint(
            .getIssuedReport, .get, "/api/v1/reports/{id}", subject: .issuedReportInPath, change: .nothing,
            summary:
                "An issued report exactly as issued, with `newer_data` when a newer inventory covers its year or its inventory's data changed since",
            query: [
                ("format", "json (default), xlsx or pdf"),
                ("lang", "zh or en: the workbook's and the PDF's words"),
            ],
            tag: "reports", response: .json(ReportsAPI.Issued.self)
        ) { $0.getIssued },
        APIEndpoint(
            .supervisorReport, .get, "/api/v1/units/{id}/reports/supervisor", subject: .unitInPath, change: .nothing,
            summary:
                "A supervisor's report on the unit's subtree for a year, as far as the asker sees: the four indicators with last year's and each child's, the targets judged as of today with their lights, the overdue measures and the year's reporting completeness; 409 when no inventory of the year covers the unit",
            query: [
                ("year", "required: the year"), ("format", "json (default), xlsx or pdf"),
                ("lang", "zh or en: the workbook's and the PDF's words"),
            ],
            tag: "reports", response: .json(SupervisorReport.self)
        ) { $0.supervisorReport },
        APIEndpoint(
            .issueSupervisorReport, .post, "/api/v1/units/{id}/reports/supervisor/issue", subject: .unitInPath,
            change: .data,
            summary:
                "Issue (出具) the supervisor's report of `year` as of `as_of` (today by default; a quarter's last day for a quarterly report): kept whole, audited; 409 when no inventory of the year covers the unit",
            query: [
                ("year", "required: the year"), ("as_of", "YYYY-MM-DD: the day targets and measures are judged on"),
                ("lang", "zh or en: the names kept with the report"),
            ],
            success: .created, tag: "reports", response: .json(ReportsAPI.Issued.self)
        ) { $0.issueSupervisor },
        APIEndpoint(
            .regionSupervisorReport, .get, "/api/v1/regions/{code}/reports/supervisor", subject: .regionInPath,
            change: .nothing,
            summary:
                "A supervisor's report on a region (GB/T 2260 province, city or county code) for a year, as far as the asker sees: the four indicators from the inventories of the units registered there with last year's and each city's or county's, the targets set on the region and the regions within it judged as of `as_of`, the overdue measures and the reporting completeness of the units located there; 409 when no inventory of the year covers the region",
            query: [
                ("year", "required: the year"), ("as_of", "YYYY-MM-DD: the day targets and measures are judged on (today by default)"),
                ("format", "json (default), xlsx or pdf"), ("lang", "zh or en"),
            ],
            tag: "reports", response: .json(SupervisorReport.self)
        ) { $0.regionSupervisorReport },
        APIEndpoint(
            .issueRegionSupervisorReport, .post, "/api/v1/regions/{code}/reports/supervisor/issue",
            subject: .regionInPath, change: .data,
            summary:
                "Issue (出具) the region's supervisor's report of `year` as of `as_of` (today by default): kept with the region, seen by those who see the region; audited; 409 when no inventory of the year covers the region",
            query: [
                ("year", "required: the year"), ("as_of", "YYYY-MM-DD: the day targets and measures are judged on"),
                ("lang", "zh or en: the names kept with the report"),
            ],
            success: .created, tag: "reports", response: .json(ReportsAPI.Issued.self)
        ) { $0.issueRegionSupervisor },
        APIEndpoint(
            .climateReport, .get, "/api/v1/units/{id}/reports/climate", subject: .unitInPath, change: .nothing,
            summary:
                "The climate section of the unit's sustainability report for a year, laid out for the exchanges' guidelines (2024) and the MoF climate standard (2025): the narrative by governance, strategy, risk management, metrics and targets, and assurance; the GHG inventory report with Scope 3; energy in GJ; reductions by project; allowances and credits surrendered or retired; targets and progress; product footprints; and an index to GRI 305/302 and IFRS S2 by paragraph number; 409 when no inventory of the year covers the unit",
            query: [
                ("year", "required: the reporting year"),
                ("scope2", "location (default) or market: the headline total's Scope 2 method"),
                ("format", "json (default), xlsx or pdf"), ("lang", "zh or en"),
            ],
            tag: "reports", response: .json(ClimateDisclosure.self)
        ) { $0.climateReport },
        APIEndpoint(
            .saveClimateNarrative, .put, "/api/v1/units/{id}/reports/climate/narrative", subject: .unitInPath,
            change: .data,
            summary:
                "Save the climate section's narrative of `year` (plain text, each section at most 20,000 characters); 422 naming each section with markup, control characters or too many characters, with nothing saved; audited",
            query: [("year", "required: the reporting year")], tag: "reports",
            body: .json(ClimateNarrative.self), response: .json(ClimateNarrative.self)
        ) { $0.saveNarrative },
        APIEndpoint(
            .issueClimateReport, .post, "/api/v1/units/{id}/reports/climate/issue", subject: .unitInPath,
            change: .data,
            summary:
                "Issue (出具) the climate section of `year`: its figures and narrative kept as they are now; audited; 409 when no inventory of the year covers the unit",
            query: [
                ("year", "required: the reporting year"), ("scope2", "location (default) or market"),
                ("lang", "zh or en: the names kept with the report"),
            ],
            success: .created, tag: "reports", response: .json(ReportsAPI.Issued.self)
        ) { $0.issueClimate },
    ]
}

extension PageHandlers {
    /// The report pages: what each serves, what it is about and what it changes.
    static let reportPages: [PageEndpoint] = [
        PageEndpoint(.inventoryReport, .get, "/units/{id}/reports/inventory", subject: .unitInPath, change: .nothing) {
            $0.inventoryReportPage
        },
        PageEndpoint(
            .inventoryReportIssue, .post, "/units/{id}/reports/inventory/issue", subject: .unitInPath, change: .data
        ) { $0.issueInventoryReportPage },
        PageEndpoint(.issuedReport, .get, "/reports/{id}", subject: .issuedReportInPath, change: .nothing) {
            $0.issuedReportPage
        },
        PageEndpoint(
            .supervisorReport, .get, "/units/{id}/reports/supervisor", subject: .unitInPath, change: .nothing
        ) { $0.supervisorReportPage },
        PageEndpoint(
            .supervisorReportIssue, .post, "/units/{id}/reports/supervisor/issue", subject: .unitInPath, change: .data
        ) { $0.issueSupervisorReportPage },
        PageEndpoint(
            .regionSupervisorReport, .get, "/regions/{code}/reports/supervisor", subject: .regionInPath,
            change: .nothing
        ) { $0.regionSupervisorReportPage },
        PageEndpoint(
            .regionSupervisorReportIssue, .post, "/regions/{code}/reports/supervisor/issue", subject: .regionInPath,
            change: .data
        ) { $0.issueRegionSupervisorReportPage },
        PageEndpoint(.reportsHome, .get, "/reports", subject: .narrowedByHandler, change: .nothing) { $0.reportsHome },
        PageEndpoint(.climateReport, .get, "/units/{id}/reports/climate", subject: .unitInPath, change: .nothing) {
            $0.climateReportPage
        },
        PageEndpoint(
            .climateNarrative, .post, "/units/{id}/reports/climate/narrative", subject: .unitInPath, change: .data
        ) { $0.saveClimateNarrativePage },
        PageEndpoint(
            .climateReportIssue, .post, "/units/{id}/reports/climate/issue", subject: .unitInPath, change: .data
        ) { $0.issueClimateReportPage },
    ]
}

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
        ) { $0.inventoryReport }
    ]
}

extension PageHandlers {
    /// The report pages: what each serves, what it is about and what it changes.
    static let reportPages: [PageEndpoint] = [
        PageEndpoint(.inventoryReport, .get, "/units/{id}/reports/inventory", subject: .unitInPath, change: .nothing) {
            $0.inventoryReportPage
        }
    ]
}

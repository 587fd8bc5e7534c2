import Accounting
import Hummingbird

extension ValueChainAPI {
    /// The Scope 3 API routes: what each serves, what it is about and what it changes.
    static let endpoints: [APIEndpoint<ValueChainAPI>] = [
        APIEndpoint(
            .unitScope3, .get, "/api/v1/units/{id}/scope3", subject: .unitInPath, change: .nothing,
            summary:
                "The unit's subtree's Scope 3 (value chain) emissions of a year: by category (tCO2e, methods, emission-weighted data quality tier), upstream, downstream and total, the excluded categories with their reasons, the categories not assessed, and every row with its factor and source. Scope 3 rows are imported with the `scope3` template (POST /api/v1/imports) and never enter Scope 1 and 2, the dual-control totals or the four indicators",
            query: [("year", "required: the reporting year"), ("lang", "zh or en: category and method names")],
            tag: "scope3", response: .json(ValueChainAPI.Answer.self)
        ) { $0.scope3 }
    ]
}

extension PageHandlers {
    /// The Scope 3 pages: what each serves, what it is about and what it changes.
    static let valueChainPages: [PageEndpoint] = [
        PageEndpoint(.scope3, .get, "/units/{id}/scope3", subject: .unitInPath, change: .nothing) { $0.scope3Page }
    ]
}

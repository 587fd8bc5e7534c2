import Hummingbird

extension IndicatorsAPI {
    /// The dashboard API routes: what each serves, what it is about and what it changes.
    static let endpoints: [APIEndpoint<IndicatorsAPI>] = [
        APIEndpoint(
            .unitIndicators, .get, "/api/v1/units/{id}/indicators", subject: .unitInPath, change: .nothing,
            summary:
                "The four indicators of a unit and its descendants for a `year`, with breakdowns and year-on-year change",
            query: [
                ("year", "required"), ("approach", "control (default) or equity"),
                ("scope2", "location (default) or market"),
            ], tag: "indicators", response: .json(IndicatorsBody.self)
        ) { $0.unit },
        APIEndpoint(
            .regionIndicators, .get, "/api/v1/regions/{code}/indicators", subject: .regionInPath, change: .nothing,
            summary: "The four indicators of a province, city or county (GB/T 2260 code) for a `year`",
            query: [("year", "required"), ("scope2", "location (default) or market")], tag: "indicators", response: .json(IndicatorsBody.self)
        ) { $0.region },
    ]
}

extension PageHandlers {
    /// The dashboard pages: what each serves, what it is about and what it changes.
    static let dashboardPages: [PageEndpoint] = [
        PageEndpoint(.overview, .get, "/", subject: .narrowedByHandler, change: .nothing) { $0.overview },
        PageEndpoint(.unit, .get, "/units/{id}", subject: .unitInPath, change: .nothing) { $0.unit },
    ]
}

import Hummingbird
import Governance

extension RankingsAPI {
    /// The rankings API routes: what each serves, what it is about and what it changes.
    static let endpoints: [APIEndpoint<RankingsAPI>] = [
        APIEndpoint(
            .rankings, .get, "/api/v1/rankings", subject: .unitInQuery, change: .nothing,
            summary:
                "Rank (赛马) a unit's children (`unit_id`) or a region's enterprises (`region`) by an `indicator` in a `year`, `by` value, yoy or progress; with last year's rank and the rank in the industry division",
            query: [
                ("unit_id", "rank its children"), ("region", "rank the enterprises registered there"),
                ("year", "required"),
                ("indicator", "energy_total, carbon_total, energy_intensity or carbon_intensity (default)"),
                ("by", "value (default), yoy or progress"), ("base", "value_added (default) or output_value"),
                ("scope2", "location (default) or market"),
            ], tag: "supervision", response: .page(RankingsAPI.Row.self)
        ) { $0.rankings },
        APIEndpoint(
            .carbonEfficiency, .get, "/api/v1/carbon-efficiency", subject: .unitInQuery, change: .nothing,
            summary:
                "Carbon-efficiency grades (碳效码) of the industrial enterprises of a unit's subtree (`unit_id`) or a region (`region`) in a `year`: L, the industry average, K, level and grade; the distribution overall and by industry",
            query: [("unit_id", "a unit's subtree"), ("region", "a GB/T 2260 code"), ("year", "required")],
            tag: "supervision", response: .json(RankingsAPI.GradesBody.self)
        ) { $0.grades },
        APIEndpoint(
            .unitCarbonEfficiency, .get, "/api/v1/units/{id}/carbon-efficiency", subject: .unitInPath, change: .nothing,
            summary: "A unit's carbon-efficiency grade year by year", tag: "supervision", response: .page(RankingsAPI.GradeRow.self)
        ) { $0.unitGrades },
        APIEndpoint(
            .getEfficiencyScale, .get, "/api/v1/carbon-efficiency/scale", subject: .shared, change: .nothing,
            summary: "The carbon-efficiency scale in force: level and grade bounds, names, colours, source",
            tag: "supervision", response: .json(CarbonEfficiencyScale.self)
        ) { $0.scale },
        APIEndpoint(
            .setEfficiencyScale, .put, "/api/v1/carbon-efficiency/scale", subject: .shared, change: .shared,
            summary:
                "Set the carbon-efficiency scale (`scale`: levels and grades, each band an `upper_bound`, `name_zh`, `name_en`, `colour`; the last band without a bound), or null for the bundled one (administrators)",
            tag: "supervision", body: .json(RankingsAPI.ScaleBody.self), response: .json(CarbonEfficiencyScale.self)
        ) { $0.setScale },
        APIEndpoint(
            .setBenchmarks, .put, "/api/v1/carbon-efficiency/benchmarks/{year}", subject: .shared, change: .shared,
            summary:
                "Replace a year's published industry averages of L (`averages`: division code such as C38 → tCO2e per 万元) with their `source` (administrators); or send the table as text/csv (columns industry, average_intensity) with `source` in the query",
            query: [("source", "the table's source, when the body is CSV")], tag: "supervision", body: .jsonOrCSV(RankingsAPI.BenchmarksBody.self), response: .json([String: Double].self)
        ) { $0.setBenchmarks },
    ]
}

extension PageHandlers {
    /// The rankings pages: what each serves, what it is about and what it changes.
    static let rankingsPages: [PageEndpoint] = [
        PageEndpoint(.rankings, .get, "/rankings", subject: .narrowedByHandler, change: .nothing) { $0.rankingsPage },
        PageEndpoint(.grades, .get, "/carbon-efficiency", subject: .narrowedByHandler, change: .nothing) {
            $0.gradesPage
        },
        PageEndpoint(.unitGrades, .get, "/units/{id}/carbon-efficiency", subject: .unitInPath, change: .nothing) {
            $0.unitGradesPage
        },
    ]
}

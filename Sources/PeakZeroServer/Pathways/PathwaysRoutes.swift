import Hummingbird

extension PathwaysAPI {
    /// The pathways API routes: what each serves, what it is about and what it changes.
    static let endpoints: [APIEndpoint<PathwaysAPI>] = [
        APIEndpoint(
            .regionPathwayHistory, .get, "/api/v1/regions/{code}/pathway/history", subject: .regionInPath,
            change: .nothing,
            summary:
                "A region's imported statistics by year — GDP, population, energy and CO2 by area (CO2 from each carrier's factor of the year, with the factor ids), the intensities — and, with `from` and `to`, the LMDI decomposition of the change in CO2 (areas as sectors, value added as activity)",
            query: [
                ("from", "start year of the decomposition"), ("to", "end year of the decomposition"),
                ("form", "additive (default) or multiplicative"),
            ], tag: "pathways"
        ) { $0.history },
    ]
}

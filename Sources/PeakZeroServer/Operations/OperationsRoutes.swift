extension HealthAPI {
    /// Liveness and readiness, for monitors and load balancers: public, about nothing, changing nothing.
    static let endpoints: [APIEndpoint<HealthAPI>] = [
        APIEndpoint(
            .health, .get, "/healthz", subject: .shared, change: .nothing,
            summary: "Liveness: answers 200 while the process serves requests", isPublic: true, tag: "operations", response: .json(HealthAPI.Health.self)
        ) { $0.alive },
        APIEndpoint(
            .ready, .get, "/readyz", subject: .shared, change: .nothing,
            summary:
                "Readiness: 200 when the database answers and every migration of this release is applied; 503 with the reason otherwise",
            isPublic: true, tag: "operations", response: .json(HealthAPI.Readiness.self)
        ) { $0.ready },
    ]
}

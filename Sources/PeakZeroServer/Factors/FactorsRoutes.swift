import Hummingbird
import Persistence

extension FactorSetsAPI {
    /// The factors API routes: what each serves, what it is about and what it changes.
    static let endpoints: [APIEndpoint<FactorSetsAPI>] = [
        APIEndpoint(
            .listFactorSets, .get, "/api/v1/factor-sets", subject: .shared, change: .nothing,
            summary: "User factor sets", tag: "factors", response: .page(StoredFactorSet.self)
        ) { $0.list },
        APIEndpoint(
            .createFactorSet, .post, "/api/v1/factor-sets", subject: .shared, change: .shared,
            summary: "Upload a factor set (CSV text in the library format)", success: .created, tag: "factors", body: .json(FactorSetsAPI.Upload.self), response: .json(StoredFactorSet.self)
        ) { $0.create },
        APIEndpoint(
            .deleteFactorSet, .delete, "/api/v1/factor-sets/{id}", subject: .shared, change: .shared,
            summary: "Delete a user factor set", success: .noContent, tag: "factors"
        ) { $0.delete },
    ]
}

extension PageHandlers {
    /// The factors pages: what each serves, what it is about and what it changes.
    static let factorsPages: [PageEndpoint] = [
        PageEndpoint(.factors, .get, "/factors", subject: .shared, change: .nothing) { $0.factors },
        PageEndpoint(.factorSetUpload, .post, "/factors/sets", subject: .shared, change: .shared) {
            $0.uploadFactorSet
        },
        PageEndpoint(.factorSetDelete, .post, "/factors/sets/{id}/delete", subject: .shared, change: .shared) {
            $0.deleteFactorSet
        },
    ]
}

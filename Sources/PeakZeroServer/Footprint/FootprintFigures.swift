import Accounting
import Footprint
import Persistence

/// How the API and the pages compute a product model's footprint: checked and factorised with the
/// installation's factor library, summarised with Monte Carlo run off the request threads.
enum FootprintFigures {
    /// The model's calculation; a model that cannot be computed throws `FootprintProblems`.
    static func calculation(_ model: ProductModel, gwp: GWPSet, in database: PeakZeroDatabase) async throws
        -> FootprintCalculation
    {
        let factors = LibraryFactors(library: try await FactorSetStore(database).library(), gwp: gwp)
        return try FootprintCalculation(SystemMatrices.build(model, factors: factors))
    }

    /// The footprint's summary, with `draws` Monte Carlo draws (none when 0); both cores are kept
    /// busy for a while, so the work runs in a task of its own.
    static func summary(
        _ calculation: FootprintCalculation, of model: ProductModel, result: FootprintResult, gwp: GWPSet,
        draws: Int, seed: UInt64, language: Language
    ) async -> FootprintSummary {
        await Task.detached(priority: .medium) {
            calculation.summary(
                of: model, result: result, gwpSet: gwp.rawValue,
                uncertainty: draws > 0 ? calculation.monteCarlo(iterations: draws, seed: seed) : nil,
                language: language)
        }.value
    }
}

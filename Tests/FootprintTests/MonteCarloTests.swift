import Foundation
import Testing

@testable import Footprint

@Suite struct MonteCarloTests {
    /// One process emitting `amount` kg CO2 with the given uncertainty; its footprint is the draw.
    private func single(_ amount: Double, _ uncertainty: Uncertainty?) throws -> FootprintCalculation {
        let model = ProductModel(
            name: "one", declaredUnit: DeclaredUnit(process: "p", amount: 1, unit: .items), boundary: .cradleToGate,
            processes: [
                ProcessModel(
                    id: "p", name: "p", stage: .production,
                    output: ProductOutput(product: "p", amount: 1, unit: .items),
                    emissions: [Emission(flow: "CO2", amount: amount, unit: .kg, uncertainty: uncertainty)])
            ])
        return try FootprintCalculation(SystemMatrices.build(model, factors: FixedFactors()))
    }

    @Test func withoutUncertainty_everyDrawIsTheDeterministicResult() throws {
        var model = MatrixMethodGoldenTests.heijungsSuh
        model.processes[1].inputs = [ProductInput(provider: "electricity", amount: 5, unit: .kWh)]
        let calculation = try FootprintCalculation(SystemMatrices.build(model, factors: FixedFactors()))
        let summary = calculation.monteCarlo(iterations: 50, seed: 1)
        #expect(summary.draws.allSatisfy { $0 == summary.deterministic })
        #expect(summary.failed == 0)
    }

    /// The amount is the lognormal's median: with GSD 1.5 (σ = ln 1.5) the median of the draws is
    /// the amount, and their mean is amount · exp(σ²/2) = 10.857 — the convention is told apart.
    @Test func lognormalAmount_isTheMedian() throws {
        let summary = try single(10, .lognormal(gsd: 1.5)).monteCarlo(iterations: 20_000, seed: 42)
        let sigma = log(1.5)
        #expect(abs(summary.median / 10 - 1) < 0.02)
        #expect(abs(summary.mean / (10 * exp(sigma * sigma / 2)) - 1) < 0.02)
        // 95 % of draws within median ÷ GSD² and median × GSD² (σ·1.96 ≈ 2σ).
        #expect(abs(summary.lower2_5 / (10 * exp(-1.96 * sigma)) - 1) < 0.03)
        #expect(abs(summary.upper97_5 / (10 * exp(1.96 * sigma)) - 1) < 0.03)
    }

    @Test func otherDistributions_centreWhereTheirDefinitionsSay() throws {
        let normal = try single(10, .normal(sd: 2)).monteCarlo(iterations: 20_000, seed: 3)
        #expect(abs(normal.mean - 10) < 0.1)
        #expect(abs(normal.standardDeviation - 2) < 0.1)
        // Triangular (4, mode 10, 13): mean (4 + 10 + 13) / 3 = 9.
        let triangle = try single(10, .triangular(min: 4, max: 13)).monteCarlo(iterations: 20_000, seed: 4)
        #expect(abs(triangle.mean - 9) < 0.1)
        #expect(triangle.draws.allSatisfy { $0 >= 4 && $0 <= 13 })
        // Uniform (8, 14): mean 11, whatever the amount.
        let uniform = try single(10, .uniform(min: 8, max: 14)).monteCarlo(iterations: 20_000, seed: 5)
        #expect(abs(uniform.mean - 11) < 0.1)
    }

    @Test func sameSeed_sameNumbers_whateverTheWorkers() throws {
        var model = MatrixMethodGoldenTests.heijungsSuh
        model.processes[0].inputs[0].uncertainty = .lognormal(gsd: 1.2)
        model.processes[1].emissions[0].uncertainty = .pedigree(
            PedigreeScores(
                reliability: 2, completeness: 3, temporal: 1, geographical: 4, technological: 2, basicGSD: 1.05))
        let calculation = try FootprintCalculation(SystemMatrices.build(model, factors: FixedFactors()))
        let first = calculation.monteCarlo(iterations: 200, seed: 9, workers: 2)
        let again = calculation.monteCarlo(iterations: 200, seed: 9, workers: 1)
        let other = calculation.monteCarlo(iterations: 200, seed: 10, workers: 2)
        #expect(first.draws == again.draws)
        #expect(first.draws != other.draws)
        #expect(first.histogram.reduce(0) { $0 + $1.count } == 200)
    }

    /// Scores (2, 2, 2, 2, 2) with no basic uncertainty, worked by hand from the factors of Ciroth et
    /// al. (2016) — 1.54, 1.03, 1.03, 1.04, 1.18: σ² = Σ (ln U / 2)².
    @Test func pedigreeScores_giveTheTablesSigma() {
        let factors = [1.54, 1.03, 1.03, 1.04, 1.18]
        let expected = factors.map { pow(log($0) / 2, 2) }.reduce(0, +).squareRoot()
        let scores = PedigreeScores(reliability: 2, completeness: 2, temporal: 2, geographical: 2, technological: 2)
        #expect(abs(scores.sigma - expected) < 1e-15)
        #expect(
            PedigreeScores(reliability: 1, completeness: 1, temporal: 1, geographical: 1, technological: 1).sigma == 0)
        let withBasic = PedigreeScores(
            reliability: 1, completeness: 1, temporal: 1, geographical: 1, technological: 1, basicGSD: 1.5)
        #expect(abs(withBasic.gsd - 1.5) < 1e-15)
    }
}

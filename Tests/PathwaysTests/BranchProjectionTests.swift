import Accounting
import Foundation
import Pathways
import Testing

@Suite("Branch projection")
struct BranchProjectionTests {
    /// Three scenarios, six years, four branches, three carriers: small enough to check by the
    /// formulas written out, cell by cell.
    static let projection = BranchProjection(
        years: 6, activity0: [100, 250, 40, 900], intensity0: [1.2, 0.4, 2.5, 0.8],
        shares: [0.5, 0.3, 0.2, 0.1, 0.1, 0.8, 1, 0, 0, 0.25, 0.25, 0.5], factor0: [2.6, 1.6, 0.58],
        factorTrend: [1, 0.99, 0.96], slowdown: 0.07)
    static let scenarios = BranchProjection.Scenarios(
        count: 3, growth: [0.05, 0.03, 0.08, 0.01, 0.02, 0.02, 0.02, 0.02, -0.01, 0.06, 0.0, 0.04],
        intensityFactor: [0.98, 0.97, 0.99, 1.0, 0.95, 0.96, 0.97, 0.98, 1.01, 0.99, 0.98, 0.97])

    /// A branch's figures in year t, straight from the model's formulas.
    static func cell(
        _ s: Int, _ t: Int, _ b: Int, _ p: BranchProjection = projection,
        _ scenarios: BranchProjection.Scenarios = scenarios
    ) -> (activity: Double, energy: Double, co2: Double) {
        let carriers = p.carriers, n = p.branches
        let activity = p.activity0[b] * exp(scenarios.growth[s * n + b] * (1 - pow(0.93, Double(t))) / 0.07)
        let energy = activity * p.intensity0[b] * pow(scenarios.intensityFactor[s * n + b], Double(t))
        let kappa = (0..<carriers).map { p.shares[b * carriers + $0] * p.factor0[$0] * pow(p.factorTrend[$0], Double(t)) }
            .reduce(0, +)
        return (activity, energy, energy * kappa)
    }

    @Test("totals and peaks match the model's formulas")
    func totalsAndPeaks() {
        let result = Self.projection.run(Self.scenarios, threads: 2)
        for s in 0..<3 {
            let totals = (0..<6).map { t in (0..<4).map { Self.cell(s, t, $0).co2 }.reduce(0, +) }
            for t in 0..<6 { expectClose(result.totals[s * 6 + t], totals[t]) }
            #expect(result.peakYear[s] == totals.indices.max { totals[$0] < totals[$1] })
        }
    }

    @Test("each step's four effects equal the general LMDI over the same branches (one carrier: κ)")
    func effectsMatchGeneralLMDI() {
        let result = Self.projection.run(Self.scenarios, threads: 1)
        for s in 0..<3 {
            for t in 0..<5 {
                func snapshot(_ year: Int) -> DecompositionSnapshot {
                    let cells = (0..<4).map { Self.cell(s, year, $0) }
                    return DecompositionSnapshot(
                        activity: cells.map(\.activity), energy: cells.map(\.energy), co2: cells.map(\.co2), carriers: 1)
                }
                let general = LMDI.decompose(from: snapshot(t), to: snapshot(t + 1), form: .additive)
                let k = s * 5 + t
                expectClose(result.activity[k], general.effects[.activity]!, relative: 1e-10)
                expectClose(result.structure[k], general.effects[.structure]!, relative: 1e-10)
                expectClose(result.intensity[k], general.effects[.intensity]!, relative: 1e-10)
                expectClose(result.carbonFactor[k], general.effects[.emissionFactor]!, relative: 1e-10)
            }
        }
    }

    @Test("an odd number of branches: the last one runs alone and is counted once")
    func oddBranches() {
        let p = BranchProjection(
            years: 6, activity0: [100, 250, 40], intensity0: [1.2, 0.4, 2.5],
            shares: Array(Self.projection.shares.prefix(9)), factor0: [2.6, 1.6, 0.58], factorTrend: [1, 0.99, 0.96],
            slowdown: 0.07)
        let scenarios = BranchProjection.Scenarios(
            count: 1, growth: [0.05, 0.03, 0.08], intensityFactor: [0.98, 0.97, 0.99])
        let result = p.run(scenarios, threads: 1)
        for t in 0..<6 {
            expectClose(result.totals[t], (0..<3).map { Self.cell(0, t, $0, p, scenarios).co2 }.reduce(0, +))
        }
    }

    @Test("one thread and two give the same figures")
    func threadsAgree() {
        let one = Self.projection.run(Self.scenarios, threads: 1)
        let two = Self.projection.run(Self.scenarios, threads: 2)
        #expect(one.totals == two.totals && one.structure == two.structure && one.peakYear == two.peakYear)
    }
}

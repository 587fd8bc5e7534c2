import Accounting
import Foundation
import Pathways
import Testing

/// A published worked decomposition: the example of LMDIR, Matthew Heun's R implementation of
/// Ang (2005) on CRAN (version 0.1.14, 2024-01-01, `create_simple_LMDI()` in `R/util.R`; the values
/// printed in `tests/testthat/test_lmdi.R`). Two sub-categories, three factors, 1971–1974:
///
/// | year | sub-category 1: x₁ x₂ x₃ | sub-category 2: x₁ x₂ x₃ | V = Σ x₁x₂x₃ |
/// |---|---|---|---:|
/// | 1971 | 1 10 2 | 4 5 3 | 80 |
/// | 1972 | 4 5 3 | 5 6 4 | 180 |
/// | 1973 | 8 2 4 | 5 7 5 | 239 |
/// | 1974 | 10 1 5 | 6 8 6 | 338 |
///
/// PeakZero's chain V_i = Q · (Q_i/Q) · (E_i/Q_i) · (C_i/E_i) carries it with Q_i = x₁,
/// E_i = x₁x₂ and C_i = x₁x₂x₃: factor 1 is then activity and structure together (their sum, or
/// product, is Σ w_i ln(Q_i^T/Q_i^0)), factor 2 intensity, factor 3 the emission factor. Each step's
/// effects are checked to the last digit LMDIR prints (the same values come out of the
/// textbook formulas in plain Python, `math.log`).
@Suite("LMDI-I against a published worked example (LMDIR)")
struct LMDIPublishedExampleTests {
    static let x: [Int: [(Double, Double, Double)]] = [
        1971: [(1, 10, 2), (4, 5, 3)],
        1972: [(4, 5, 3), (5, 6, 4)],
        1973: [(8, 2, 4), (5, 7, 5)],
        1974: [(10, 1, 5), (6, 8, 6)],
    ]

    /// LMDIR's printed step results, 1971→72, 1972→73, 1973→74: factor 1, 2, 3.
    static let additive: [[String]] = [
        ["69.79006598", "-9.455125793", "39.66505981"],
        ["42.96021467", "-34.31902656", "50.3588119"],
        ["54.01064234", "-9.021284671", "54.01064234"],
    ]
    static let multiplicative: [[String]] = [
        ["1.761117821", "0.926191306", "1.379410116"],
        ["1.229284572", "0.847970248", "1.273773912"],
        ["1.208140223", "0.968911503", "1.208140223"],
    ]
    /// LMDIR's aggregate changes of each step: ΔV and D = V^T / V^0, as printed.
    static let changes: [Double] = [100, 59, 99]
    static let ratios = ["2.25", "1.327777778", "1.414225941"]

    static func data() throws -> DecompositionData {
        try DecompositionData(
            rows: x.flatMap { year, subcategories in
                subcategories.enumerated().map { index, factors in
                    let (x1, x2, x3) = factors
                    return DecompositionRow(
                        year: year, sector: "sub-category \(index + 1)", activity: x1,
                        energy: StandardCoal(x1 * x2, .tonneCoalEquivalent),
                        co2: Emissions(x1 * x2 * x3, .tonneCO2e))
                }
            })
    }

    /// Within half a unit of the last digit LMDIR prints (its figures have nine or ten).
    static func expectPrinted(_ actual: Double, _ printed: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let decimals = printed.split(separator: ".").last.map(\.count) ?? 0
        let tolerance = 0.5 * pow(10, Double(-decimals))
        #expect(abs(actual - Double(printed)!) <= tolerance, "\(actual) ≠ \(printed)", sourceLocation: sourceLocation)
    }

    @Test("additive, chained year by year: each step's three effects and its change")
    func additiveSteps() throws {
        let result = try Decomposition(Self.data(), form: .additive, chained: true)
        #expect(result.steps.map(\.from) == [1971, 1972, 1973])
        for (step, printed) in zip(result.steps, Self.additive) {
            let e = step.effects.effects
            Self.expectPrinted(e[.activity]! + e[.structure]!, printed[0])
            Self.expectPrinted(e[.intensity]!, printed[1])
            Self.expectPrinted(e[.emissionFactor]!, printed[2])
        }
        #expect(result.steps.map { $0.effects.end - $0.effects.start } == Self.changes)
        #expect(result.total.end - result.total.start == 258)
    }

    @Test("multiplicative, chained year by year: each step's three indices and its ratio")
    func multiplicativeSteps() throws {
        let result = try Decomposition(Self.data(), form: .multiplicative, chained: true)
        for (index, (step, printed)) in zip(result.steps, Self.multiplicative).enumerated() {
            let e = step.effects.effects
            Self.expectPrinted(e[.activity]! * e[.structure]!, printed[0])
            Self.expectPrinted(e[.intensity]!, printed[1])
            Self.expectPrinted(e[.emissionFactor]!, printed[2])
            Self.expectPrinted(step.effects.end / step.effects.start, Self.ratios[index])
        }
    }
}

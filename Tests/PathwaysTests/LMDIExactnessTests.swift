import Accounting
import Foundation
import Pathways
import PropertyBased
import Testing

/// A small deterministic generator, so a failing seed can be replayed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random years of up to six sectors and four carriers, with a quarter of the sectors absent in a
/// year and a quarter of the carriers unused, magnitudes spread over six orders.
func generatedRows(seed: Int) -> [DecompositionRow] {
    var random = SplitMix(state: UInt64(bitPattern: Int64(seed)))
    var rows: [DecompositionRow] = []
    let sectors = Int.random(in: 1...6, using: &random), carriers = Int.random(in: 1...4, using: &random)
    for year in [2020, 2021, 2022] {
        var anySector = false
        for s in 0..<sectors {
            let present = Int.random(in: 0..<4, using: &random) > 0 || (s == sectors - 1 && !anySector)
            let activity = present ? pow(10, Double.random(in: 0...6, using: &random)) : 0
            anySector = anySector || present
            for c in 0..<carriers {
                let used = present && Int.random(in: 0..<4, using: &random) > 0
                let energy = used ? pow(10, Double.random(in: 0...5, using: &random)) : 0
                let factor = Int.random(in: 0..<8, using: &random) == 0 ? 0 : Double.random(in: 0.5...3, using: &random)
                rows.append(
                    DecompositionRow(
                        year: year, sector: "s\(s)", carrier: "c\(c)", activity: activity,
                        energy: StandardCoal(energy, .tonneCoalEquivalent), co2: Emissions(energy * factor, .tonneCO2e)))
            }
        }
    }
    return rows
}

@Suite("LMDI-I is exact")
struct LMDIExactnessTests {
    @Test("the additive effects sum to the change to 1e-9 relative, zeros included")
    func additiveExact() async {
        await propertyCheck(input: Gen.int(in: 0...Int.max)) { seed in
            guard let data = try? DecompositionData(rows: generatedRows(seed: seed)) else {
                Issue.record("seed \(seed): generated data refused")
                return
            }
            for chained in [false, true] {
                guard let total = (try? Decomposition(data, chained: chained))?.total else {
                    Issue.record("seed \(seed): no decomposition")
                    continue
                }
                // Exact in real numbers; in doubles a sum is exact to its terms' magnitude, and the
                // effects of data spread over eleven orders can be far larger than the change they
                // sum to (activity up a million times, intensity down as much). So the residual is
                // measured against the largest of the totals, the change and the effects.
                let largest = total.effects.values.map(abs).reduce(0, +)
                let residual = abs(total.explained - total.totalChange)
                let scale = max(abs(total.end - total.start), abs(total.start), abs(total.end), largest)
                #expect(scale == 0 ? residual == 0 : residual / scale < 1e-9, "seed \(seed)")
            }
        }
    }

    @Test("the multiplicative indices multiply to the ratio to 1e-9 relative")
    func multiplicativeExact() async {
        await propertyCheck(input: Gen.int(in: 0...Int.max)) { seed in
            guard let data = try? DecompositionData(rows: generatedRows(seed: seed)),
                data.snapshots.values.allSatisfy({ $0.totalCO2 > 0 })
            else { return }
            let result = try? Decomposition(data, form: .multiplicative, chained: true)
            #expect((result?.total.relativeResidual ?? 1) < 1e-9, "seed \(seed)")
        }
    }
}

import Foundation

/// Logarithmic Mean Divisia Index, method I (Ang 2005), additive and multiplicative, over the five
/// factors of `DecompositionFactor`. Exact by construction: the effects sum (additive) or multiply
/// (multiplicative) to the change.
///
/// A sector-carrier term that is zero in one year and not in the other (a sector appearing or
/// vanishing, a carrier taken up or given up, a factor falling to zero) takes the analytical limit
/// of the LMDI term (Ang, Zhang & Choi 1998, "Factorizing changes in energy and environmental
/// indicators through decomposition", Energy 23(6); Ang & Liu 2007, Energy Policy 35(1)): as the
/// zero datum δ → 0, L(V^T, δ) · ln(x^T / δ) → V^T for the factor built from it and → 0 for every
/// other factor. The zero datum is the first in the chain activity Q_i → energy E_i → carrier
/// energy E_ij → CO2 C_ij that is zero, so the whole term goes to structure, intensity, mix or
/// emission factor respectively. No small number is ever substituted. A term zero in both years
/// contributes nothing.
public enum LMDI {
    /// The change from `start` to `end`, with the factors asked for (`mix` is 0 when there is one
    /// carrier per sector).
    public static func decompose(
        from start: DecompositionSnapshot, to end: DecompositionSnapshot, form: DecompositionForm,
        factors: [DecompositionFactor] = DecompositionFactor.allCases
    ) -> DecompositionEffects {
        let additive = additiveEffects(start, end)
        let v0 = start.totalCO2, v1 = end.totalCO2
        var effects: [DecompositionFactor: Double] = [:]
        for factor in factors {
            let value = additive[factor.index]
            switch form {
            case .additive: effects[factor] = value
            case .multiplicative: effects[factor] = exp(value / logarithmicMean(v1, v0))
            }
        }
        return DecompositionEffects(form: form, start: v0, end: v1, effects: effects)
    }

    /// The additive effects, indexed as `DecompositionFactor.allCases`.
    static func additiveEffects(_ a: DecompositionSnapshot, _ b: DecompositionSnapshot) -> [Double] {
        var effects = [Double](repeating: 0, count: DecompositionFactor.allCases.count)
        let q0 = a.totalActivity, q1 = b.totalActivity
        let activityLog = log(q1 / q0)
        let width = a.carriers
        for i in a.activity.indices {
            let e0 = sectorEnergy(a, i), e1 = sectorEnergy(b, i)
            for j in 0..<width {
                let k = i * width + j
                let v0 = a.co2[k], v1 = b.co2[k]
                if v0 > 0, v1 > 0 {
                    let w = logarithmicMean(v1, v0)
                    effects[0] += w * activityLog
                    effects[1] += w * log((b.activity[i] / q1) / (a.activity[i] / q0))
                    effects[2] += w * log((e1 / b.activity[i]) / (e0 / a.activity[i]))
                    effects[3] += w * log((b.energy[k] / e1) / (a.energy[k] / e0))
                    effects[4] += w * log((v1 / b.energy[k]) / (v0 / a.energy[k]))
                } else if v1 > 0 {
                    effects[firstZero(a, sector: i, cell: k, sectorEnergy: e0).index] += v1
                } else if v0 > 0 {
                    effects[firstZero(b, sector: i, cell: k, sectorEnergy: e1).index] -= v0
                }
            }
        }
        return effects
    }

    static func sectorEnergy(_ s: DecompositionSnapshot, _ i: Int) -> Double {
        var sum = 0.0
        for j in 0..<s.carriers { sum += s.energy[i * s.carriers + j] }
        return sum
    }

    /// The factor whose datum is zero in a year where the term is zero: the first of the chain.
    static func firstZero(
        _ s: DecompositionSnapshot, sector i: Int, cell k: Int, sectorEnergy: Double
    ) -> DecompositionFactor {
        if s.activity[i] == 0 { return .structure }
        if sectorEnergy == 0 { return .intensity }
        if s.energy[k] == 0 { return .mix }
        return .emissionFactor
    }
}

extension DecompositionFactor {
    var index: Int {
        switch self {
        case .activity: 0
        case .structure: 1
        case .intensity: 2
        case .mix: 3
        case .emissionFactor: 4
        }
    }
}

/// The effects of one decomposition: tonnes of CO2 (additive) or indices (multiplicative).
public struct DecompositionEffects: Sendable, Equatable {
    public let form: DecompositionForm
    /// Total CO2 at the start and at the end.
    public let start: Double
    public let end: Double
    public let effects: [DecompositionFactor: Double]

    public init(form: DecompositionForm, start: Double, end: Double, effects: [DecompositionFactor: Double]) {
        self.form = form
        self.start = start
        self.end = end
        self.effects = effects
    }

    /// What is explained: V^T − V^0 (additive) or V^T / V^0 (multiplicative).
    public var totalChange: Double { form == .additive ? end - start : end / start }

    /// The effects combined: their sum (additive) or product (multiplicative).
    public var explained: Double {
        form == .additive ? effects.values.reduce(0, +) : effects.values.reduce(1, *)
    }

    /// How far the effects are from the change, relative to it (0 for an exact decomposition).
    public var relativeResidual: Double {
        let scale = form == .additive ? max(abs(end - start), abs(start), abs(end)) : totalChange
        return scale == 0 ? abs(explained - totalChange) : abs(explained - totalChange) / scale
    }
}

import Foundation

/// How uncertain an exchange's amount is. The amount written beside it is always the distribution's
/// central value in the sense below (PeakZero follows ecoinvent and openLCA's convention):
///
/// - lognormal: the amount is the **median** (the geometric mean); `gsd` is the geometric standard
///   deviation exp(σ) of the underlying normal, so about 95 % of draws lie between amount ÷ gsd² and
///   amount × gsd². A negative amount (a credit) keeps its sign.
/// - normal: the amount is the mean; `sd` its standard deviation.
/// - triangular: the amount is the mode; `min` ≤ amount ≤ `max`.
/// - uniform: `min` ≤ amount ≤ `max`; draws spread evenly between them (the amount is kept for the
///   deterministic result).
/// - pedigree: a lognormal whose σ comes from the five data-quality scores and a basic GSD
///   (`PedigreeScores`).
public enum Uncertainty: Codable, Sendable, Equatable {
    case lognormal(gsd: Double)
    case normal(sd: Double)
    case triangular(min: Double, max: Double)
    case uniform(min: Double, max: Double)
    case pedigree(PedigreeScores)

    private enum CodingKeys: String, CodingKey {
        case distribution, gsd, sd, min, max, reliability, completeness, temporal, geographical, technological, basicGsd
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .distribution) {
        case "lognormal": self = .lognormal(gsd: try c.decode(Double.self, forKey: .gsd))
        case "normal": self = .normal(sd: try c.decode(Double.self, forKey: .sd))
        case "triangular":
            self = .triangular(
                min: try c.decode(Double.self, forKey: .min), max: try c.decode(Double.self, forKey: .max))
        case "uniform":
            self = .uniform(min: try c.decode(Double.self, forKey: .min), max: try c.decode(Double.self, forKey: .max))
        case "pedigree":
            self = .pedigree(
                PedigreeScores(
                    reliability: try c.decode(Int.self, forKey: .reliability),
                    completeness: try c.decode(Int.self, forKey: .completeness),
                    temporal: try c.decode(Int.self, forKey: .temporal),
                    geographical: try c.decode(Int.self, forKey: .geographical),
                    technological: try c.decode(Int.self, forKey: .technological),
                    basicGSD: try c.decodeIfPresent(Double.self, forKey: .basicGsd) ?? 1))
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .distribution, in: c,
                debugDescription: "“\(other)” is no distribution (lognormal, normal, triangular, uniform, pedigree)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .lognormal(let gsd):
            try c.encode("lognormal", forKey: .distribution)
            try c.encode(gsd, forKey: .gsd)
        case .normal(let sd):
            try c.encode("normal", forKey: .distribution)
            try c.encode(sd, forKey: .sd)
        case .triangular(let low, let high):
            try c.encode("triangular", forKey: .distribution)
            try c.encode(low, forKey: .min)
            try c.encode(high, forKey: .max)
        case .uniform(let low, let high):
            try c.encode("uniform", forKey: .distribution)
            try c.encode(low, forKey: .min)
            try c.encode(high, forKey: .max)
        case .pedigree(let scores):
            try c.encode("pedigree", forKey: .distribution)
            try c.encode(scores.reliability, forKey: .reliability)
            try c.encode(scores.completeness, forKey: .completeness)
            try c.encode(scores.temporal, forKey: .temporal)
            try c.encode(scores.geographical, forKey: .geographical)
            try c.encode(scores.technological, forKey: .technological)
            try c.encode(scores.basicGSD, forKey: .basicGsd)
        }
    }

    /// Why the parameters cannot describe a distribution around `amount`, or nil when they can.
    func problem(around amount: Double) -> FootprintProblem.Kind? {
        switch self {
        case .lognormal(let gsd): return gsd.isFinite && gsd >= 1 ? nil : .badGSD
        case .normal(let sd): return sd.isFinite && sd >= 0 ? nil : .negativeSpread
        case .triangular(let low, let high), .uniform(let low, let high):
            return low.isFinite && high.isFinite && low <= amount && amount <= high ? nil : .amountOutsideRange
        case .pedigree(let scores): return scores.isValid ? nil : .badPedigree
        }
    }
}

/// The five data-quality scores of the pedigree matrix (1 best, 5 worst) and the exchange's basic
/// uncertainty, turned into a lognormal's σ as ecoinvent does: each score's factor U (a GSD² read
/// from `PedigreeTable`) adds (ln U / 2)² to the variance of ln.
public struct PedigreeScores: Codable, Sendable, Equatable {
    public var reliability: Int
    public var completeness: Int
    public var temporal: Int
    public var geographical: Int
    public var technological: Int
    /// The basic uncertainty as a GSD (1 for none).
    public var basicGSD: Double

    public init(
        reliability: Int, completeness: Int, temporal: Int, geographical: Int, technological: Int, basicGSD: Double = 1
    ) {
        self.reliability = reliability
        self.completeness = completeness
        self.temporal = temporal
        self.geographical = geographical
        self.technological = technological
        self.basicGSD = basicGSD
    }

    var scores: [Int] { [reliability, completeness, temporal, geographical, technological] }

    var isValid: Bool { scores.allSatisfy { (1...5).contains($0) } && basicGSD.isFinite && basicGSD >= 1 }

    /// σ of the underlying normal.
    public var sigma: Double {
        let basic = log(basicGSD)
        var variance = basic * basic
        for (indicator, score) in zip(PedigreeTable.bundled.factors, scores) {
            let halfLog = log(indicator[score - 1]) / 2
            variance += halfLog * halfLog
        }
        return variance.squareRoot()
    }

    public var gsd: Double { exp(sigma) }
}

import Foundation

/// SplitMix64: a small, fast generator whose whole state is one number, so a Monte Carlo run is
/// reproduced from its seed, and each iteration can have a generator of its own (seeded from the
/// run's seed and the iteration's number) whichever thread runs it.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// The generator of iteration `index` of a run seeded with `seed`.
    public init(seed: UInt64, stream index: Int) {
        var mixer = SeededGenerator(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03))
        state = mixer.next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform on (0, 1), never 0 or 1.
    public mutating func unit() -> Double { (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992 }

    /// Standard normal (Box–Muller; the second value is dropped to keep one draw per call).
    public mutating func standardNormal() -> Double {
        (-2 * log(unit())).squareRoot() * cos(2 * Double.pi * unit())
    }
}

extension Uncertainty {
    /// One draw of the amount.
    func sample(around amount: Double, using random: inout SeededGenerator) -> Double {
        switch self {
        case .lognormal(let gsd):
            return amount * exp(log(gsd) * random.standardNormal())
        case .pedigree(let scores):
            return amount * exp(scores.sigma * random.standardNormal())
        case .normal(let sd):
            return amount + sd * random.standardNormal()
        case .uniform(let low, let high):
            return low + (high - low) * random.unit()
        case .triangular(let low, let high):
            // Inverse of the distribution function, with the amount as the mode.
            let u = random.unit()
            let width = high - low
            guard width > 0 else { return amount }
            let split = (amount - low) / width
            return u < split
                ? low + (u * width * (amount - low)).squareRoot()
                : high - ((1 - u) * width * (high - amount)).squareRoot()
        }
    }
}

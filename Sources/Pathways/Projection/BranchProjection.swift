import Foundation

/// Many scenarios projected over the same branches at once — the engine behind a roadmap's
/// scenario runs and the new-project review, and what `peakzero-bench pathways` measures against
/// NumPy. For scenario s, year t (0 = the base year), branch b and carrier f:
///
///     activity[s,t,b] = activity0[b] · exp(growth[s,b] · (1 − (1 − slowdown)^t) / slowdown)
///     energy[s,t,b]   = activity[s,t,b] · intensity0[b] · intensityFactor[s,b]^t
///     co2[s,t,b]      = energy[s,t,b] · κ[b,t],   κ[b,t] = Σ_f share[b,f] · factor0[f] · factorTrend[f]^t
///
/// — activity growing at a rate that slows by a fixed share each year, energy intensity changing by
/// a yearly factor, and the carbon content of energy following each carrier's emission-factor path
/// (the grid factor's decline as its own driver). Each scenario yields its totals by year, its peak
/// (the year of the largest total) and a four-factor additive LMDI-I of each year-to-year change:
/// activity, structure, intensity and carbon factor (carrier mix and emission factors together).
public struct BranchProjection: Sendable {
    public let years: Int
    public let branches: Int
    public let carriers: Int
    public let activity0: [Double]
    public let intensity0: [Double]
    /// Carrier shares of each branch's energy, branch-major `[b * carriers + f]`.
    public let shares: [Double]
    public let factor0: [Double]
    public let factorTrend: [Double]
    public let slowdown: Double

    public init(
        years: Int, activity0: [Double], intensity0: [Double], shares: [Double], factor0: [Double],
        factorTrend: [Double], slowdown: Double
    ) {
        precondition(years >= 2 && activity0.count == intensity0.count && factor0.count == factorTrend.count)
        precondition(shares.count == activity0.count * factor0.count && slowdown > 0 && slowdown < 1)
        self.years = years
        branches = activity0.count
        carriers = factor0.count
        self.activity0 = activity0
        self.intensity0 = intensity0
        self.shares = shares
        self.factor0 = factor0
        self.factorTrend = factorTrend
        self.slowdown = slowdown
    }

    /// Each scenario's drivers: a growth rate and a yearly intensity factor per branch, scenario-major.
    public struct Scenarios: Sendable {
        public let count: Int
        public let growth: [Double]
        public let intensityFactor: [Double]

        public init(count: Int, growth: [Double], intensityFactor: [Double]) {
            self.count = count
            self.growth = growth
            self.intensityFactor = intensityFactor
        }
    }

    /// What the projection yields, scenario-major.
    public struct Result: Sendable {
        public let years: Int
        /// Total CO2 by scenario and year, `[s * years + t]`.
        public var totals: [Double]
        /// The index of each scenario's largest total (its first, on a tie) and that total.
        public var peakYear: [Int]
        public var peakValue: [Double]
        /// Additive LMDI-I effects of each step t → t + 1, `[s * (years − 1) + t]`.
        public var activity: [Double]
        public var structure: [Double]
        public var intensity: [Double]
        public var carbonFactor: [Double]
    }

    /// Runs every scenario, spread over `threads` threads.
    public func run(_ scenarios: Scenarios, threads: Int = ProcessInfo.processInfo.activeProcessorCount) -> Result {
        precondition(
            scenarios.growth.count == scenarios.count * branches
                && scenarios.intensityFactor.count == scenarios.count * branches)
        let steps = years - 1
        var result = Result(
            years: years, totals: .init(repeating: 0, count: scenarios.count * years),
            peakYear: .init(repeating: 0, count: scenarios.count), peakValue: .init(repeating: 0, count: scenarios.count),
            activity: .init(repeating: 0, count: scenarios.count * steps),
            structure: .init(repeating: 0, count: scenarios.count * steps),
            intensity: .init(repeating: 0, count: scenarios.count * steps),
            carbonFactor: .init(repeating: 0, count: scenarios.count * steps))
        let tables = Tables(self)
        let workers = max(1, min(threads, scenarios.count))
        result.withOutputs { outputs in
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var scratch = Scratch(years: years)
                var s = worker
                while s < scenarios.count {
                    project(scenario: s, scenarios, tables, &scratch)
                    scratch.write(scenario: s, into: outputs)
                    s += workers
                }
            }
        }
        return result
    }

    /// Per-branch tables every scenario shares: the growth curve, κ and the yearly log-change of κ.
    struct Tables {
        var curve: [Double]
        var kappa: [Double]
        var kappaLogStep: [Double]

        init(_ p: BranchProjection) {
            let keep = 1 - p.slowdown
            curve = (0..<p.years).map { (1 - pow(keep, Double($0))) / p.slowdown }
            kappa = .init(repeating: 0, count: p.branches * p.years)
            kappaLogStep = .init(repeating: 0, count: p.branches * p.years)
            for b in 0..<p.branches {
                for t in 0..<p.years {
                    var sum = 0.0
                    for f in 0..<p.carriers {
                        sum += p.shares[b * p.carriers + f] * p.factor0[f] * pow(p.factorTrend[f], Double(t))
                    }
                    kappa[b * p.years + t] = sum
                }
                for t in 0..<(p.years - 1) {
                    kappaLogStep[b * p.years + t] = log(kappa[b * p.years + t + 1] / kappa[b * p.years + t])
                }
            }
        }
    }

    /// One thread's sums for the scenario in hand, by year: activity, CO2, and for each step Σw,
    /// Σw·Δln activity, Σw·Δln intensity and Σw·Δln κ (w the LMDI weight). Each sum keeps the two
    /// lanes of the branches in hand apart until the scenario is written, so the inner loop adds
    /// vectors and never folds lanes.
    struct Scratch {
        enum Row: Int, CaseIterable { case activity, co2, weight, weightedActivity, weightedIntensity, weightedCarbon }

        let years: Int
        var lanes: [SIMD2<Double>]

        init(years: Int) {
            self.years = years
            lanes = .init(repeating: .zero, count: Row.allCases.count * years)
        }

        mutating func reset() {
            for index in lanes.indices { lanes[index] = .zero }
        }

        func sum(_ row: Row, _ t: Int) -> Double { lanes[row.rawValue * years + t].sum() }

        /// The sums as a raw pointer for the inner loop (no uniqueness check on every add).
        mutating func withPointer(_ body: (UnsafeMutablePointer<SIMD2<Double>>) -> Void) {
            lanes.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
        }

        /// The scenario's totals, peak and effects. The activity effect is Σ_b w·ln(Q^{t+1}/Q^t) and
        /// the structure effect Σ_b w·(Δln activity_b − ln(Q^{t+1}/Q^t)): both from the same sums.
        func write(scenario s: Int, into out: BranchProjection.Result.Outputs) {
            let steps = years - 1
            var peak = 0, peakValue = -Double.infinity
            for t in 0..<years {
                let total = sum(.co2, t)
                out.totals[s * years + t] = total
                if total > peakValue { (peak, peakValue) = (t, total) }
            }
            out.peakYear[s] = peak
            out.peakValue[s] = peakValue
            for t in 0..<steps {
                let totalLog = log(sum(.activity, t + 1) / sum(.activity, t))
                let weight = sum(.weight, t)
                out.activity[s * steps + t] = weight * totalLog
                out.structure[s * steps + t] = sum(.weightedActivity, t) - weight * totalLog
                out.intensity[s * steps + t] = sum(.weightedIntensity, t)
                out.carbonFactor[s * steps + t] = sum(.weightedCarbon, t)
            }
        }
    }

    /// One scenario over every branch, two branches at a time (the last alone when their number is
    /// odd). The LMDI weight of a step is L(C^{t+1}, C^t) = (C^{t+1} − C^t)/d, with d =
    /// ln(C^{t+1}/C^t) known exactly as the sum of the factors' log-changes (so no logarithm of the
    /// cells is taken); `weight(_:_:_:)` keeps it precise when d is nearly zero.
    func project(scenario s: Int, _ scenarios: Scenarios, _ tables: Tables, _ scratch: inout Scratch) {
        scratch.reset()
        scratch.withPointer { sums in
            var b = 0
            while b < branches {
                let pair = min(b + 1, branches - 1)
                project(branches: (b, pair), counted: pair == b ? 1 : 2, scenario: s, scenarios, tables, sums)
                b += 2
            }
        }
    }

    /// Two branches (or one, given twice and counted once) of one scenario over every year.
    @inline(__always)
    func project(
        branches pair: (Int, Int), counted: Int, scenario s: Int, _ scenarios: Scenarios, _ tables: Tables,
        _ sums: UnsafeMutablePointer<SIMD2<Double>>
    ) {
        typealias Lanes = SIMD2<Double>
        let (b0, b1) = pair
        let lanes: Lanes = counted == 2 ? [1, 1] : [1, 0]
        let rate = Lanes(scenarios.growth[s * branches + b0], scenarios.growth[s * branches + b1])
        let factor = Lanes(scenarios.intensityFactor[s * branches + b0], scenarios.intensityFactor[s * branches + b1])
        let logActivity0 = Lanes(log(activity0[b0]), log(activity0[b1]))
        let intensityLog = Lanes(log(factor[0]), log(factor[1]))
        var intensityPower = Lanes(intensity0[b0], intensity0[b1])
        var previousCO2 = Lanes()
        tables.curve.withUnsafeBufferPointer { curve in
            tables.kappa.withUnsafeBufferPointer { kappa in
                tables.kappaLogStep.withUnsafeBufferPointer { kappaLog in
                    for t in 0..<years {
                        let activity = exponential(logActivity0 + rate * curve[t]) * lanes
                        let co2 = activity * intensityPower * Lanes(kappa[b0 * years + t], kappa[b1 * years + t])
                        sums[t] += activity
                        sums[years + t] += co2
                        if t > 0 {
                            let activityLog = rate * (curve[t] - curve[t - 1])
                            let carbonLog = Lanes(kappaLog[b0 * years + t - 1], kappaLog[b1 * years + t - 1])
                            let w = Self.weight(previousCO2, co2, activityLog + intensityLog + carbonLog)
                            sums[2 * years + t - 1] += w
                            sums[3 * years + t - 1] += w * activityLog
                            sums[4 * years + t - 1] += w * intensityLog
                            sums[5 * years + t - 1] += w * carbonLog
                        }
                        previousCO2 = co2
                        intensityPower *= factor
                    }
                }
            }
        }
    }

    /// L(after, before) given d = ln(after/before): (after − before)/d, or — when |d| < 10⁻⁴, where
    /// that difference would lose digits — before · (1 + d/2 + d²/6 + d³/24), the series of
    /// (e^d − 1)/d, whose next term is below 10⁻¹⁸ of it.
    @inline(__always)
    static func weight(_ before: SIMD2<Double>, _ after: SIMD2<Double>, _ d: SIMD2<Double>) -> SIMD2<Double> {
        let small = (d .< 1e-4) .& (d .> -1e-4)
        let quotient = (after - before) / d
        guard any(small) else { return quotient }
        let one = SIMD2<Double>(repeating: 1), half = SIMD2<Double>(repeating: 0.5)
        let sixth = SIMD2<Double>(repeating: 1.0 / 6), twentyFourth = SIMD2<Double>(repeating: 1.0 / 24)
        let inner: SIMD2<Double> = sixth + d * twentyFourth
        let series: SIMD2<Double> = before * (one + d * (half + d * inner))
        // A lane with d = 0 divided by zero; its quotient is replaced by the series.
        return quotient.replacing(with: series, where: small)
    }
}

extension BranchProjection.Result {
    /// The result's arrays as raw pointers, so threads write disjoint scenarios without copying.
    struct Outputs: @unchecked Sendable {
        let totals: UnsafeMutablePointer<Double>, peakYear: UnsafeMutablePointer<Int>
        let peakValue: UnsafeMutablePointer<Double>, activity: UnsafeMutablePointer<Double>
        let structure: UnsafeMutablePointer<Double>, intensity: UnsafeMutablePointer<Double>
        let carbonFactor: UnsafeMutablePointer<Double>
    }

    mutating func withOutputs(_ body: (Outputs) -> Void) {
        totals.withUnsafeMutableBufferPointer { totals in
            peakYear.withUnsafeMutableBufferPointer { peakYear in
                peakValue.withUnsafeMutableBufferPointer { peakValue in
                    activity.withUnsafeMutableBufferPointer { activity in
                        structure.withUnsafeMutableBufferPointer { structure in
                            intensity.withUnsafeMutableBufferPointer { intensity in
                                carbonFactor.withUnsafeMutableBufferPointer { carbonFactor in
                                    body(
                                        Outputs(
                                            totals: totals.baseAddress!, peakYear: peakYear.baseAddress!,
                                            peakValue: peakValue.baseAddress!, activity: activity.baseAddress!,
                                            structure: structure.baseAddress!, intensity: intensity.baseAddress!,
                                            carbonFactor: carbonFactor.baseAddress!))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

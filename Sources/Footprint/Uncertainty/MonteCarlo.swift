import Foundation
import SparseLU

/// The spread of a footprint under the exchanges' uncertainty.
public struct MonteCarloSummary: Sendable, Equatable, Codable {
    public let iterations: Int
    public let seed: UInt64
    /// Draws that gave a singular system and were left out.
    public let failed: Int
    public let deterministic: Double
    public let mean: Double
    public let median: Double
    public let standardDeviation: Double
    public let lower2_5: Double
    public let upper97_5: Double
    public let histogram: [HistogramBin]
    /// Every draw's footprint, in iteration order.
    public let draws: [Double]

    public struct HistogramBin: Sendable, Equatable, Codable {
        public let lower: Double
        public let upper: Double
        public let count: Int
    }
}

extension FootprintCalculation {
    /// Draws every uncertain exchange `iterations` times and recomputes the footprint each time,
    /// refactorising numerically with the symbolic analysis kept. Iteration i draws from its own
    /// generator (the seed and i), so the numbers are the same whatever the number of workers.
    public func monteCarlo(iterations: Int, seed: UInt64, workers: Int = 2, bins: Int = 20) -> MonteCarloSummary {
        let deterministic = result().total
        var draws = [Double](repeating: .nan, count: max(iterations, 0))
        let workerCount = max(1, min(workers, iterations))
        draws.withUnsafeMutableBufferPointer { buffer in
            let out = SendableBuffer(buffer)
            DispatchQueue.concurrentPerform(iterations: workerCount) { worker in
                var x = [Double](repeating: 0, count: system.columns.count)
                var scratch = x
                for iteration in stride(from: worker, to: iterations, by: workerCount) {
                    out[iteration] = draw(iteration, seed: seed, x: &x, scratch: &scratch) ?? .nan
                }
            }
        }
        return Self.summarise(draws, iterations: iterations, seed: seed, deterministic: deterministic, bins: bins)
    }

    /// One iteration's footprint, or nil when its draw makes the system singular.
    private func draw(_ iteration: Int, seed: UInt64, x: inout [Double], scratch: inout [Double]) -> Double? {
        var random = SeededGenerator(seed: seed, stream: iteration)
        var a = system.technosphere.values
        var b = system.interventions.values
        for entry in system.uncertain {
            let change = entry.scale * (entry.uncertainty.sample(around: entry.amount, using: &random) - entry.amount)
            if entry.inTechnosphere { a[entry.position] += change } else { b[entry.position] += change }
        }
        guard let technosphere = try? system.technosphere.withValues(a),
            let drawn = try? SparseLU(technosphere, analysis: factors.analysis),
            let interventions = try? system.interventions.withValues(b)
        else { return nil }
        drawn.solve(system.demand, into: &x, scratch: &scratch)
        let inventory = interventions.multiply(x)
        var total = 0.0
        for (amount, factor) in zip(inventory, system.characterisation) { total += amount * factor }
        return total
    }

    static func summarise(_ draws: [Double], iterations: Int, seed: UInt64, deterministic: Double, bins: Int)
        -> MonteCarloSummary
    {
        let kept = draws.filter { !$0.isNaN }.sorted()
        func quantile(_ q: Double) -> Double {
            guard !kept.isEmpty else { return .nan }
            // Linear interpolation between order statistics (NumPy's default, "type 7").
            let position = q * Double(kept.count - 1)
            let low = Int(position.rounded(.down))
            let high = min(low + 1, kept.count - 1)
            return kept[low] + (kept[high] - kept[low]) * (position - Double(low))
        }
        let mean = kept.isEmpty ? .nan : kept.reduce(0, +) / Double(kept.count)
        let variance = kept.count < 2 ? 0 : kept.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(kept.count - 1)
        var histogram: [MonteCarloSummary.HistogramBin] = []
        if let first = kept.first, let last = kept.last, bins > 0 {
            let width = (last - first) / Double(bins)
            var counts = [Int](repeating: 0, count: bins)
            for value in kept {
                let bin = width > 0 ? min(bins - 1, Int((value - first) / width)) : 0
                counts[bin] += 1
            }
            histogram = (0..<bins).map {
                .init(lower: first + Double($0) * width, upper: first + Double($0 + 1) * width, count: counts[$0])
            }
        }
        return MonteCarloSummary(
            iterations: iterations, seed: seed, failed: draws.count - kept.count, deterministic: deterministic,
            mean: mean, median: quantile(0.5), standardDeviation: variance.squareRoot(), lower2_5: quantile(0.025),
            upper97_5: quantile(0.975), histogram: histogram, draws: draws)
    }
}

/// Disjoint slots of one buffer written from several threads: worker w writes only the iterations
/// w, w + workers, … — no two threads touch the same slot, and the buffer outlives them.
private struct SendableBuffer: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Double>
    init(_ buffer: UnsafeMutableBufferPointer<Double>) { self.buffer = buffer }
    subscript(index: Int) -> Double {
        get { buffer[index] }
        nonmutating set { buffer[index] = newValue }
    }
}

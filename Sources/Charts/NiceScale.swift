import Foundation

/// A linear axis from data values to drawing coordinates, with "nice" tick values (steps of 1, 2
/// or 5 times a power of ten) that a reader can take in at a glance.
public struct NiceScale: Sendable, Equatable {
    public let ticks: [Double]
    /// The axis's ends: the first and last tick, so bars and lines stay inside the grid.
    public var lower: Double { ticks.first ?? 0 }
    public var upper: Double { ticks.last ?? 1 }

    /// Ticks covering `values` — and zero, unless `includingZero` is false (amounts are read against
    /// zero; a sparkline shows the shape alone) — about `count` of them.
    public init(covering values: [Double], count: Int = 5, includingZero: Bool = true) {
        let finite = values.filter(\.isFinite)
        var low = finite.min() ?? 0
        var high = finite.max() ?? 0
        if includingZero {
            low = min(0, low)
            high = max(0, high)
        }
        if high == low {
            // One value: a unit's width around zero; a fitted axis a few per cent either side of it.
            let pad = includingZero || low == 0 ? 1 : abs(low) * 0.02
            if !includingZero { low -= pad }
            high += pad
        }
        let step = Self.step(for: (high - low) / Double(max(1, count)))
        let first = (low / step).rounded(.down) * step
        let last = (high / step).rounded(.up) * step
        var ticks: [Double] = []
        var value = first
        // Counting steps, not adding them, so that 0.1 + 0.2 does not drift.
        var n = 0.0
        while value <= last + step / 2 {
            ticks.append(abs(value) < step / 1e6 ? 0 : value)
            n += 1
            value = first + n * step
        }
        self.ticks = ticks
    }

    /// The smallest of 1, 2, 5 × 10ⁿ that is at least `raw`.
    static func step(for raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let power = pow(10, (log10(raw)).rounded(.down))
        for multiple in [1.0, 2, 5, 10] where multiple * power >= raw * (1 - 1e-9) { return multiple * power }
        return 10 * power
    }

    /// Where a value falls between `from` (at the lower end) and `to` (at the upper end).
    public func position(_ value: Double, from: Double, to: Double) -> Double {
        guard upper != lower else { return from }
        return from + (value - lower) / (upper - lower) * (to - from)
    }
}

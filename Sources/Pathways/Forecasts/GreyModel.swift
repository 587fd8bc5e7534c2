import Foundation

extension Forecast {
    /// GM(1,1): the series x⁰ is accumulated to x¹, the background values z¹(k) = (x¹(k) + x¹(k−1))/2
    /// are formed, and x⁰(k) + a·z¹(k) = b is fitted by least squares over k = 2…n. The time response
    /// x̂¹(k+1) = (x⁰(1) − b/a)·e^(−ak) + b/a is differenced back to x̂⁰ (Deng Julong, "Control
    /// problems of grey systems", Systems & Control Letters 1(5), 1982; 刘思峰等《灰色系统理论及其应用》).
    /// Needs at least four base years, all positive.
    public static func greyModel(
        _ history: [Int: Double], base: ClosedRange<Int>, horizon: Int
    ) throws(Problem) -> Forecast {
        guard base.count >= 4 else { throw .tooFewBaseYears(needed: 4) }
        var series: [Double] = []
        for year in base {
            guard let value = history[year], value > 0, value.isFinite else { throw .badBaseValue(year: year) }
            series.append(value)
        }
        guard horizon > base.upperBound else { throw .horizonBeforeBase }
        let (a, b) = try fit(series)
        let x1 = { (k: Int) -> Double in (series[0] - b / a) * exp(-a * Double(k)) + b / a }
        var values: [Int: Double] = [:]
        for year in (base.upperBound + 1)...horizon {
            let k = year - base.lowerBound
            values[year] = x1(k) - x1(k - 1)
        }
        return Forecast(method: .greyModel, baseYears: base, parameters: ["a": a, "b": b], values: values)
    }

    /// The development coefficient a and grey input b of a series, by the normal equations of
    /// [−z¹(k), 1]·[a, b]ᵀ = x⁰(k).
    static func fit(_ series: [Double]) throws(Problem) -> (a: Double, b: Double) {
        var accumulated = 0.0, previous = 0.0
        var sz = 0.0, szz = 0.0, sy = 0.0, szy = 0.0
        for (k, value) in series.enumerated() {
            previous = accumulated
            accumulated += value
            guard k > 0 else { continue }
            let z = (accumulated + previous) / 2
            sz += z
            szz += z * z
            sy += value
            szy += z * value
        }
        let n = Double(series.count - 1)
        let determinant = szz * n - sz * sz
        guard determinant != 0, determinant.isFinite else { throw .degenerate }
        let a = (sz * sy - n * szy) / determinant
        let b = (szz * sy - sz * szy) / determinant
        guard a != 0 else { throw .degenerate }
        return (a, b)
    }
}

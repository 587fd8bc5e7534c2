import Foundation

/// A driver's path ahead, with how it was made: the method, the base years it was fitted on and
/// its parameters, so a reader can re-make it.
public struct Forecast: Sendable, Equatable {
    public enum Method: String, Sendable, Codable, CaseIterable {
        /// Compound growth at the average yearly rate between the first and last base years.
        case compoundGrowth = "compound_growth"
        /// Growth = elasticity × the growth of another driver (GDP, usually) in the same year.
        case elasticity
        /// A constant yearly rate that reaches a target value in a target year.
        case pathToTarget = "path_to_target"
        /// The grey model GM(1,1) (Deng 1982), fitted by least squares on the base years.
        case greyModel = "gm11"
    }

    public let method: Method
    public let baseYears: ClosedRange<Int>
    /// The fitted parameters by name: `rate`, `elasticity`, or GM(1,1)'s `a` and `b`.
    public let parameters: [String: Double]
    /// The values by year, from the year after the last base year to the horizon.
    public let values: [Int: Double]

    public enum Problem: Error, Sendable, Equatable {
        /// Fewer base years than the method needs (it needs `needed`).
        case tooFewBaseYears(needed: Int)
        /// A base year without a value, or a value the method cannot take (≤ 0 where it takes a ratio).
        case badBaseValue(year: Int)
        case horizonBeforeBase
        /// The other driver's path lacks a year the forecast needs.
        case missingDriverYear(Int)
        /// GM(1,1) has no solution on this series (its least-squares system is singular).
        case degenerate
    }

    /// Compound growth at the rate (last / first)^(1/(n−1)) − 1 over the base years.
    public static func compoundGrowth(
        _ history: [Int: Double], base: ClosedRange<Int>, horizon: Int
    ) throws(Problem) -> Forecast {
        let (first, last) = try endpoints(history, base: base)
        let rate = pow(last / first, 1 / Double(base.count - 1)) - 1
        return Forecast(
            method: .compoundGrowth, baseYears: base, parameters: ["rate": rate],
            values: try extend(from: last, base: base, horizon: horizon) { _, value in value * (1 + rate) })
    }

    /// Growth = elasticity × the driver's growth, year by year; the elasticity fitted on the base
    /// years as the ratio of the two compound growth rates, unless given.
    public static func elasticity(
        _ history: [Int: Double], base: ClosedRange<Int>, driver: [Int: Double], horizon: Int,
        elasticity given: Double? = nil
    ) throws(Problem) -> Forecast {
        let (first, last) = try endpoints(history, base: base)
        let elasticity: Double
        if let given {
            elasticity = given
        } else {
            let (driverFirst, driverLast) = try endpoints(driver, base: base)
            let ownRate = pow(last / first, 1 / Double(base.count - 1)) - 1
            let driverRate = pow(driverLast / driverFirst, 1 / Double(base.count - 1)) - 1
            guard driverRate != 0 else { throw .degenerate }
            elasticity = ownRate / driverRate
        }
        let values = try extend(from: last, base: base, horizon: horizon) { (year: Int, value: Double) throws(Problem) in
            guard let now = driver[year], let before = driver[year - 1], before > 0 else {
                throw .missingDriverYear(driver[year] == nil ? year : year - 1)
            }
            return value * (1 + elasticity * (now / before - 1))
        }
        return Forecast(method: .elasticity, baseYears: base, parameters: ["elasticity": elasticity], values: values)
    }

    /// The constant yearly rate that takes the last base year's value to `target` in `targetYear`,
    /// held to the horizon.
    public static func pathToTarget(
        _ history: [Int: Double], base: ClosedRange<Int>, target: Double, targetYear: Int, horizon: Int
    ) throws(Problem) -> Forecast {
        guard let last = history[base.upperBound], last > 0 else { throw .badBaseValue(year: base.upperBound) }
        guard targetYear > base.upperBound, target > 0 else { throw .horizonBeforeBase }
        let rate = pow(target / last, 1 / Double(targetYear - base.upperBound)) - 1
        return Forecast(
            method: .pathToTarget, baseYears: base, parameters: ["rate": rate, "target": target],
            values: try extend(from: last, base: base, horizon: horizon) { _, value in value * (1 + rate) })
    }

    static func endpoints(_ history: [Int: Double], base: ClosedRange<Int>) throws(Problem) -> (Double, Double) {
        guard base.count >= 2 else { throw .tooFewBaseYears(needed: 2) }
        for year in [base.lowerBound, base.upperBound] where (history[year] ?? 0) <= 0 {
            throw .badBaseValue(year: year)
        }
        return (history[base.lowerBound]!, history[base.upperBound]!)
    }

    /// The values after the base years, each made from the one before.
    static func extend(
        from last: Double, base: ClosedRange<Int>, horizon: Int, _ next: (Int, Double) throws(Problem) -> Double
    ) throws(Problem) -> [Int: Double] {
        guard horizon > base.upperBound else { throw .horizonBeforeBase }
        var values: [Int: Double] = [:]
        var value = last
        for year in (base.upperBound + 1)...horizon {
            value = try next(year, value)
            values[year] = value
        }
        return values
    }
}

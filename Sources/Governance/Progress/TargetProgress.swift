import Accounting
/// How a target stands in one year: the value to date, the value expected by now, the forecast
/// to the year's end, the year's limit, the light and the reasons for it.
public struct TargetProgress: Sendable, Equatable {
    /// The year judged: the latest year of the target's with figures.
    public var year: Int
    /// Months with figures this year (data through this month).
    public var throughMonth: Int
    public var toDate: IndicatorAmount?
    public var expectedToDate: IndicatorAmount?
    public var forecast: IndicatorAmount?
    public var limit: IndicatorAmount?
    /// For a plan: the trend carried to its last year, and the limit there.
    public var periodEndForecast: IndicatorAmount?
    public var periodEndLimit: IndicatorAmount?
    /// Forecast ÷ limit (for a peak after its year: forecast ÷ the highest earlier year).
    public var ratio: Double?
    public var light: TrafficLight
    /// The expectation used (seasonal falls back to pro rata without last year's months).
    public var expectation: Expectation
    public var reasons: [ProgressReason]
}

/// Why a light shows what it shows.
public enum ProgressReason: Sendable, Equatable {
    case noFigures
    case noStartValue(year: Int)
    case noEconomicBase(year: Int)
    /// The forecast lies `ratio` of the limit (1.08: 8 % over; 0.97: 3 % under).
    case forecastOfLimit(ratio: Double)
    case aheadOfExpected(ratio: Double)
    case seasonalFellBack
    /// A peak target: emissions still above the highest earlier year after the peak year.
    case aboveEarlierPeak(ratio: Double)
    /// A peak target before its year: emissions grow and the growth is not slowing.
    case growthNotSlowing(growth: Double)
    case beforePeakYear
}

extension ProgressReason {
    /// The reason in words, for a page or an API answer.
    public func message(_ language: Language) -> String {
        func percent(_ ratio: Double) -> String { String(format: "%.1f%%", ratio * 100) }
        let (key, arguments): (Message, [String: String]) =
            switch self {
            case .noFigures: (.noFigures, [:])
            case .noStartValue(let year): (.noStartValue, ["year": "\(year)"])
            case .noEconomicBase(let year): (.noEconomicBase, ["year": "\(year)"])
            case .forecastOfLimit(let ratio): (.forecastOfLimit, ["ratio": percent(ratio)])
            case .aheadOfExpected(let ratio): (.aheadOfExpected, ["ratio": percent(ratio)])
            case .seasonalFellBack: (.seasonalFellBack, [:])
            case .aboveEarlierPeak(let ratio): (.aboveEarlierPeak, ["ratio": percent(ratio)])
            case .growthNotSlowing(let growth): (.growthNotSlowing, ["growth": percent(growth)])
            case .beforePeakYear: (.beforePeakYear, [:])
            }
        return Self.catalogue.text(key, language, arguments)
    }
}

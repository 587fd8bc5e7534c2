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
    public func message(_ zh: Bool) -> String {
        func percent(_ ratio: Double) -> String { String(format: "%.1f%%", ratio * 100) }
        switch self {
        case .noFigures: return zh ? "目标期内尚无清单数据" : "no inventory covers the target's years yet"
        case .noStartValue(let year):
            return zh ? "\(year) 年缺少完整数据，无法确定基准值" : "no complete figures for \(year), the starting value"
        case .noEconomicBase(let year):
            return zh ? "\(year) 年缺少经济数据（不变价），无法计算强度" : "no economic data (constant prices) for \(year) to divide by"
        case .forecastOfLimit(let ratio):
            return zh ? "预计全年为目标值的 \(percent(ratio))" : "the year is forecast at \(percent(ratio)) of the limit"
        case .aheadOfExpected(let ratio):
            return zh ? "至今累计为进度预期的 \(percent(ratio))" : "to date at \(percent(ratio)) of what was expected by now"
        case .seasonalFellBack:
            return zh ? "上年月度数据不全，按月均进度计算" : "last year's months are incomplete: expected pro rata instead"
        case .aboveEarlierPeak(let ratio):
            return zh
                ? "达峰年后排放为此前最高年份的 \(percent(ratio))"
                : "after the peak year, emissions at \(percent(ratio)) of the highest earlier year"
        case .growthNotSlowing(let growth):
            return zh
                ? "排放仍增长 \(percent(growth)) 且增速未放缓"
                : "emissions still grow by \(percent(growth)) and the growth is not slowing"
        case .beforePeakYear: return zh ? "尚未到达峰年份" : "before the peak year"
        }
    }
}

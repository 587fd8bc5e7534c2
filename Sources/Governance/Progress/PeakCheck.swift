import Accounting

/// A peak target (碳达峰): carbon emissions reach their highest no later than the peak year.
///
/// From the peak year on, a year's emissions (this year's forecast) must not exceed the highest
/// earlier year: ratio = forecast ÷ that highest, judged by the target's thresholds (above it is
/// red: still rising after the peak year). Before the peak year growth is allowed; the light is
/// yellow when emissions grow, the growth is not slowing (this year's ≥ last year's, or last
/// year's is unknown) and the peak year is at most two years away; green otherwise.
enum PeakCheck {
    static func evaluate(_ target: Target, peakYear: Int, year: Int, figures: [Int: YearFigures]) -> TargetProgress {
        let current = figures[year]!
        let n = current.lastMonth ?? 12
        let (share, fellBack) = ProgressEvaluator.expectedShare(
            through: n, target.expectation, previous: figures[year - 1], target)
        var progress = TargetProgress(
            year: year, throughMonth: n, light: .green, expectation: fellBack ? .proRata : target.expectation,
            reasons: fellBack ? [.seasonalFellBack] : [])
        let forecast = ProgressEvaluator.yearForecast(target, current, share: share, year: year)
        progress.forecast = forecast
        progress.toDate = ProgressEvaluator.amountToDate(target, current, share: share, year: year)
        guard let forecast else { return progress }
        // Whole earlier years on record, back to ten years before the peak year.
        let earlier = (min(peakYear, year) - 10..<year).compactMap { y in
            ProgressEvaluator.yearAmount(target, figures[y], year: y).map { (y, $0.value) }
        }
        if year >= peakYear {
            guard let highest = earlier.map(\.1).max(), highest > 0 else {
                progress.light = .unknown
                progress.reasons.append(.noStartValue(year: year - 1))
                return progress
            }
            let ratio = forecast.value / highest
            progress.ratio = ratio
            progress.limit = IndicatorAmount(highest, of: target.indicator)
            progress.light = target.thresholds.light(for: ratio)
            progress.reasons.append(.aboveEarlierPeak(ratio: ratio))
            return progress
        }
        progress.reasons.append(.beforePeakYear)
        let values = Dictionary(uniqueKeysWithValues: earlier)
        guard let last = values[year - 1], last > 0 else { return progress }
        let growth = forecast.value / last - 1
        let lastGrowth = values[year - 2].flatMap { $0 > 0 ? last / $0 - 1 : nil }
        if growth > 0 && (lastGrowth.map { growth >= $0 } ?? true) && peakYear - year <= 2 {
            progress.light = .yellow
            progress.reasons.append(.growthNotSlowing(growth: growth))
        }
        return progress
    }
}

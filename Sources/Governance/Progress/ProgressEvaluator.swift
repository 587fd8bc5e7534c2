import Accounting

/// Judges a target against a subject's yearly figures (pure: the store reads the figures).
///
/// Totals: with data through month n and the expected share s of the year by then (n ÷ 12, or
/// last year's months 1…n ÷ last year's total), to date = Σ months 1…n − deduction × s; expected
/// = limit × s; forecast = Σ months 1…n ÷ s − deduction. Intensities: the forecast total ÷ the
/// year's economic base (kept by year), which is also the value to date; expected = the limit,
/// since a level holds all year. Light: forecast ÷ limit against the target's thresholds.
public enum ProgressEvaluator {
    public static func evaluate(_ target: Target, figures: [Int: YearFigures]) -> TargetProgress {
        let withFigures = target.years.filter { figures[$0]?.lastMonth != nil }
        guard let year = withFigures.max(), let current = figures[year], let n = current.lastMonth else {
            return TargetProgress(
                year: target.firstYear, throughMonth: 0, light: .unknown, expectation: target.expectation,
                reasons: [.noFigures])
        }
        if case .peak(let peakYear) = target.kind {
            return PeakCheck.evaluate(target, peakYear: peakYear, year: year, figures: figures)
        }
        var progress = TargetProgress(
            year: year, throughMonth: n, light: .unknown, expectation: target.expectation, reasons: [])
        let (share, fellBack) = expectedShare(through: n, target.expectation, previous: figures[year - 1], target)
        if fellBack {
            progress.expectation = .proRata
            progress.reasons.append(.seasonalFellBack)
        }
        let forecast = yearForecast(target, current, share: share, year: year)
        let toDate = amountToDate(target, current, share: share, year: year)
        let start = yearAmount(target, figures[target.pathStartYear], year: target.pathStartYear)
        let limit = target.limit(in: year, startValue: start)
        progress.toDate = toDate
        progress.forecast = forecast
        progress.limit = limit
        progress.periodEndLimit = target.limit(in: target.lastYear, startValue: start)
        progress.periodEndForecast = trend(target, figures, through: year, current: forecast)
        if limit == nil { progress.reasons.append(.noStartValue(year: target.pathStartYear)) }
        if target.indicator.isIntensity && forecast == nil { progress.reasons.append(.noEconomicBase(year: year)) }
        guard let limit, let forecast, limit.value > 0 else { return progress }
        progress.expectedToDate = target.indicator.isIntensity ? limit : limit.scaled(share)
        let ratio = forecast.value / limit.value
        progress.ratio = ratio
        progress.light = target.thresholds.light(for: ratio)
        progress.reasons.append(.forecastOfLimit(ratio: ratio))
        if let toDate, let expected = progress.expectedToDate, expected.value > 0, toDate.value > expected.value {
            progress.reasons.append(.aheadOfExpected(ratio: toDate.value / expected.value))
        }
        return progress
    }

    /// The indicator's forecast for `year` as the target measures it (the whole year when complete);
    /// nil without figures for the year (or, for an intensity, without its economic base).
    public static func forecast(_ target: Target, in year: Int, figures: [Int: YearFigures]) -> IndicatorAmount? {
        guard let current = figures[year], let n = current.lastMonth else { return nil }
        let (share, _) = expectedShare(through: n, target.expectation, previous: figures[year - 1], target)
        return yearForecast(target, current, share: share, year: year)
    }

    /// The share of the year expected used by the end of month n, and whether seasonal fell back to pro rata.
    static func expectedShare(through n: Int, _ expectation: Expectation, previous: YearFigures?, _ target: Target)
        -> (Double, Bool)
    {
        let proRata = Double(n) / 12
        guard expectation == .seasonal else { return (proRata, false) }
        guard let previous, previous.isComplete else { return (proRata, true) }
        func total(_ m: Int) -> Double {
            previous.months[m].map { $0.total(target.indicator, target.basis).value } ?? 0
        }
        let whole = (1...12).reduce(0) { $0 + total($1) }
        guard whole > 0 else { return (proRata, true) }
        return ((1...n).reduce(0) { $0 + total($1) } / whole, false)
    }

    /// The deduction (tce) entered for a year, for energy indicators only.
    static func deduction(_ target: Target, year: Int) -> StandardCoal {
        target.indicator.total == .energyTotal ? target.basis.deductions[year]?.total ?? .zero : .zero
    }

    /// Σ months 1…n of the total; green power is deducted from energy once, as the year's to date
    /// (inventories keep it by year), and from carbon month by month (market-based scope 2).
    static func monthsTotal(_ target: Target, _ figures: YearFigures, through n: Int) -> Double {
        var basis = target.basis
        let energy = target.indicator.total == .energyTotal
        if energy { basis.deductGreenPower = false }
        let sum = (1...n).reduce(0) { sum, m in
            sum + (figures.months[m].map { $0.total(target.indicator, basis).value } ?? 0)
        }
        guard energy && target.basis.deductGreenPower else { return sum }
        let green = figures.year.greenPower
        let deducted = target.basis.energyBasis == .calorific ? green.energyCalorific : green.energyEquivalent
        return sum - deducted.value(in: .tonneCoalEquivalent)
    }

    static func yearForecast(_ target: Target, _ figures: YearFigures, share: Double, year: Int) -> IndicatorAmount? {
        guard let n = figures.lastMonth, share > 0 else { return nil }
        let deducted = deduction(target, year: year).value(in: .tonneCoalEquivalent)
        let total = monthsTotal(target, figures, through: n) / share - deducted
        return perBase(target, total, figures.year)
    }

    static func amountToDate(_ target: Target, _ figures: YearFigures, share: Double, year: Int) -> IndicatorAmount? {
        guard let n = figures.lastMonth else { return nil }
        if target.indicator.isIntensity { return yearForecast(target, figures, share: share, year: year) }
        let deducted = deduction(target, year: year).value(in: .tonneCoalEquivalent)
        return IndicatorAmount(monthsTotal(target, figures, through: n) - deducted * share, of: target.indicator)
    }

    /// A total as the indicator: itself, or ÷ the year's economic base.
    static func perBase(_ target: Target, _ total: Double, _ year: MeasuredFigures) -> IndicatorAmount? {
        guard target.indicator.isIntensity else { return IndicatorAmount(total, of: target.indicator) }
        guard let base = year.base(target.basis) else { return nil }
        return IndicatorAmount(total / base.value(in: .tenThousandYuan), of: target.indicator)
    }

    /// A whole year's value of the indicator (a base year, a year before the plan); nil when incomplete.
    public static func yearAmount(_ target: Target, _ figures: YearFigures?, year: Int) -> IndicatorAmount? {
        guard let figures, figures.isComplete else { return nil }
        return yearForecast(target, figures, share: 1, year: year)
    }

    /// A plan's last-year value by the least-squares line through its complete years and this
    /// year's forecast; for a one-year target (or one point), this year's forecast.
    static func trend(_ target: Target, _ figures: [Int: YearFigures], through year: Int, current: IndicatorAmount?)
        -> IndicatorAmount?
    {
        guard let current else { return nil }
        guard year < target.lastYear else { return current }
        var points = (target.firstYear..<year).compactMap { y in
            yearAmount(target, figures[y], year: y).map { (Double(y), $0.value) }
        }
        points.append((Double(year), current.value))
        guard points.count >= 2 else { return current }
        let line = LeastSquares(points)
        return IndicatorAmount(line.value(at: Double(target.lastYear)), of: target.indicator)
    }
}

/// The straight line closest (least squares) to some points.
struct LeastSquares {
    let slope: Double
    let intercept: Double

    init(_ points: [(x: Double, y: Double)]) {
        let n = Double(points.count)
        let meanX = points.reduce(0) { $0 + $1.x } / n
        let meanY = points.reduce(0) { $0 + $1.y } / n
        let sxx = points.reduce(0) { $0 + ($1.x - meanX) * ($1.x - meanX) }
        let sxy = points.reduce(0) { $0 + ($1.x - meanX) * ($1.y - meanY) }
        slope = sxx == 0 ? 0 : sxy / sxx
        intercept = meanY - slope * meanX
    }

    func value(at x: Double) -> Double { intercept + slope * x }
}

import Accounting
import Foundation

/// A target (目标) on one indicator of a unit or a region, for a year or a plan of years (a
/// five-year plan with yearly milestones).
public struct Target: Sendable, Equatable {
    public var indicator: TargetIndicator
    public var kind: TargetKind
    public var firstYear: Int
    public var lastYear: Int
    /// Milestones set by hand, by year; a year without one follows `kind`'s path.
    public var milestones: [Int: IndicatorAmount]
    public var basis: TargetBasis
    public var thresholds: TrafficLightThresholds
    public var expectation: Expectation

    public init(
        indicator: TargetIndicator, kind: TargetKind, firstYear: Int, lastYear: Int? = nil,
        milestones: [Int: IndicatorAmount] = [:], basis: TargetBasis = TargetBasis(),
        thresholds: TrafficLightThresholds = TrafficLightThresholds(), expectation: Expectation = .proRata
    ) {
        self.indicator = indicator
        self.kind = kind
        self.firstYear = firstYear
        self.lastYear = lastYear ?? firstYear
        self.milestones = milestones
        self.basis = basis
        self.thresholds = thresholds
        self.expectation = expectation
    }

    public var years: ClosedRange<Int> { firstYear...max(firstYear, lastYear) }

    /// The year whose value a plan's path starts from: the reduction's base year, else the year before the plan.
    public var pathStartYear: Int {
        if case .reduction(_, let baseYear) = kind { return baseYear }
        return firstYear - 1
    }

    /// The most the indicator may reach in `year`: the milestone set by hand, else
    /// - a cap: in its last year the cap; in an earlier year of a plan, the straight line from the
    ///   year before the plan (its actual value) to the cap, or the cap itself when that is unknown;
    /// - a reduction by r from the base year's value b: b × (1 − r)^((year − base) ÷ (last − base)),
    ///   the same yearly rate of decline every year, reaching b × (1 − r) in the last year;
    /// - a peak: no amount (see `PeakCheck`).
    /// - Parameter startValue: the indicator's actual value in `pathStartYear`.
    public func limit(in year: Int, startValue: IndicatorAmount?) -> IndicatorAmount? {
        if let set = milestones[year] { return set }
        guard years.contains(year) else { return nil }
        switch kind {
        case .cap(let amount):
            guard year < lastYear, let start = startValue else { return amount }
            let share = Double(year - pathStartYear) / Double(lastYear - pathStartYear)
            return IndicatorAmount(start.value + (amount.value - start.value) * share, of: indicator)
        case .reduction(let fraction, let baseYear):
            guard let base = startValue else { return nil }
            let exponent = Double(year - baseYear) / Double(lastYear - baseYear)
            return base.scaled(pow(1 - fraction, exponent))
        case .peak:
            return nil
        }
    }

    /// Why the target cannot be kept as given, if it cannot; nil when it is sound.
    public func problem() -> TargetProblem? {
        if lastYear < firstYear || lastYear - firstYear > 10 { return .years }
        if milestones.keys.contains(where: { !years.contains($0) }) { return .milestoneOutside }
        if milestones.values.contains(where: { $0.indicator != indicator || !($0.value >= 0) }) { return .amount }
        if milestones.values.contains(where: { !Plausible.isAmount($0.value) }) { return .amountBeyondPlausible }
        if let problem = thresholds.problem() { return problem }
        switch kind {
        case .cap(let amount):
            if amount.indicator != indicator || !(amount.value > 0) { return .amount }
            if !Plausible.isAmount(amount.value) { return .amountBeyondPlausible }
        case .reduction(let fraction, let baseYear):
            if !(fraction > 0 && fraction < 1) { return .fraction }
            if baseYear >= firstYear { return .baseYear }
        case .peak:
            if indicator != .carbonTotal { return .peakNeedsCarbon }
        }
        return nil
    }
}

/// What a target asks of its indicator.
public enum TargetKind: Sendable, Equatable {
    /// 总量上限 or 强度目标值: the indicator stays at or below the amount.
    case cap(IndicatorAmount)
    /// 下降目标: the indicator falls by `fraction` (0.135 = 13.5 %) from its value in the base year.
    case reduction(fraction: Double, baseYear: Int)
    /// 达峰目标: carbon emissions peak no later than `year`.
    case peak(year: Int)

    public var code: String {
        switch self {
        case .cap: "cap"
        case .reduction: "reduction"
        case .peak: "peak"
        }
    }
}

/// Why a target was refused.
public enum TargetProblem: String, Error, Sendable, Equatable, MessageKey {
    case years, milestoneOutside, amount, amountBeyondPlausible, fraction, baseYear, peakNeedsCarbon, thresholds

    /// The message, naming the field.
    public func message(_ language: Language) -> String { Self.catalogue.text(self, language) }
}

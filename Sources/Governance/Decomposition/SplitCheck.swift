import Accounting

/// Whether the children's targets, taken together, are at least as strict as their parent's, in
/// the parent's last year:
/// - a cap or reduction on a total: Σ children's limits ≤ the parent's limit;
/// - on an intensity: the children's limits weighted by their base-year economic bases, Σ Lᵢ·Dᵢ ÷ Σ Dᵢ,
///   ≤ the parent's limit — which assumes the children's economies keep their base-year shares;
///   for reductions it is the same as asking the base-weighted mean reduction to reach the parent's;
/// - a peak: the latest of the children's peak years ≤ the parent's.
/// The gap is combined − parent (in the indicator's unit, or in years): above zero the children
/// leave that much unaccounted for.
public struct SplitCheck: Sendable, Equatable {
    public var parentLimit: Double?
    public var childrenCombined: Double?
    public var gap: Double?
    /// Children whose targets or base-year figures are missing, so the check cannot tell.
    public var undetermined: [Int64]

    /// Kept (true), broken (false), or unknown (nil).
    public var holds: Bool? {
        guard let parentLimit, let childrenCombined, undetermined.isEmpty else { return nil }
        return childrenCombined <= parentLimit + abs(parentLimit) * 1e-9
    }

    public static func check(
        _ parent: Target, parentStart: IndicatorAmount?, children: [(child: SplitChild, target: Target)]
    ) -> SplitCheck {
        let indicator = parent.indicator
        if case .peak(let year) = parent.kind {
            var latest: Int?
            var undetermined: [Int64] = []
            for (child, target) in children {
                guard case .peak(let childYear) = target.kind else {
                    undetermined.append(child.id)
                    continue
                }
                latest = max(latest ?? childYear, childYear)
            }
            return SplitCheck(
                parentLimit: Double(year), childrenCombined: latest.map(Double.init),
                gap: latest.map { Double($0 - year) }, undetermined: undetermined)
        }
        var undetermined: [Int64] = []
        var weighted = 0.0
        var weights = 0.0
        for (child, target) in children {
            let start = child.baseValue(indicator).map { IndicatorAmount($0, of: indicator) }
            guard target.indicator == indicator, let limit = target.limit(in: parent.lastYear, startValue: start) else {
                undetermined.append(child.id)
                continue
            }
            let weight = indicator.isIntensity ? child.baseEconomic?.value(in: .tenThousandYuan) ?? 0 : 1
            if indicator.isIntensity && weight <= 0 {
                undetermined.append(child.id)
                continue
            }
            weighted += limit.value * weight
            weights += weight
        }
        let combined: Double? =
            undetermined.count == children.count ? nil : indicator.isIntensity ? weighted / weights : weighted
        let start =
            parentStart
            ?? TargetSplit.combinedBase(children.map(\.child), indicator).map { IndicatorAmount($0, of: indicator) }
        let parentLimit = parent.limit(in: parent.lastYear, startValue: start)?.value
        return SplitCheck(
            parentLimit: parentLimit, childrenCombined: combined,
            gap: parentLimit.flatMap { p in combined.map { $0 - p } }, undetermined: undetermined)
    }
}

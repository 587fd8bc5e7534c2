import Accounting

/// 指标分解: splitting a parent's target among its children.
public enum SplitMethod: String, Sendable, Codable, CaseIterable {
    /// A total's cap in proportion to each child's base-year total (按基年排放/能耗占比).
    case baseShare = "base_share"
    /// Every child cuts by the parent's own rate: the same % reduction, or, for a level, the
    /// child's base-year value scaled by the parent's limit ÷ the parent's base-year value (等比例下降).
    case equalReduction = "equal_reduction"
    /// Each child's target given by hand.
    case manual
}

/// A child as a split sees it: its base-year figures (the year before the parent's plan, or the
/// parent's reduction base year) and, for a split by hand, its target.
public struct SplitChild: Sendable, Equatable {
    public var id: Int64
    /// The child's base-year total (energy or carbon, as the parent's indicator measures it).
    public var baseTotal: IndicatorAmount?
    /// The child's base-year economic base (万元 at constant prices), for intensities.
    public var baseEconomic: Money?
    public var manual: TargetKind?

    public init(id: Int64, baseTotal: IndicatorAmount?, baseEconomic: Money? = nil, manual: TargetKind? = nil) {
        self.id = id
        self.baseTotal = baseTotal
        self.baseEconomic = baseEconomic
        self.manual = manual
    }

    /// The child's base-year value of the indicator.
    public func baseValue(_ indicator: TargetIndicator) -> Double? {
        guard let total = baseTotal?.value else { return nil }
        guard indicator.isIntensity else { return total }
        guard let money = baseEconomic?.value(in: .tenThousandYuan), money > 0 else { return nil }
        return total / money
    }
}

/// Why a split could not be made.
public enum SplitProblem: Error, Sendable, Equatable {
    /// The method does not apply to the parent's kind of target.
    case methodDoesNotApply
    /// A child lacks the base-year figures the method needs.
    case missingBase(child: Int64)
    /// A split by hand without a target for this child, or one of another indicator.
    case missingManual(child: Int64)
    case noChildren

    public func message(_ language: Language, name: (Int64) -> String) -> String {
        switch self {
        case .methodDoesNotApply: Self.catalogue.text(.methodDoesNotApply, language)
        case .missingBase(let id): Self.catalogue.text(.missingBase, language, ["child": name(id)])
        case .missingManual(let id): Self.catalogue.text(.missingManual, language, ["child": name(id)])
        case .noChildren: Self.catalogue.text(.noChildren, language)
        }
    }
}

/// Splits a parent target among children; the children's targets keep the parent's indicator,
/// years, basis, thresholds and expectation.
public enum TargetSplit {
    public static func split(
        _ parent: Target, parentBase: SplitChild?, among children: [SplitChild], by method: SplitMethod
    )
        throws(SplitProblem) -> [Int64: Target]
    {
        guard !children.isEmpty else { throw .noChildren }
        var result: [Int64: Target] = [:]
        for child in children {
            var target = parent
            target.milestones = [:]
            target.kind = try kind(for: child, parent, parentBase: parentBase, among: children, by: method)
            result[child.id] = target
        }
        return result
    }

    static func kind(
        for child: SplitChild, _ parent: Target, parentBase: SplitChild?, among children: [SplitChild],
        by method: SplitMethod
    ) throws(SplitProblem) -> TargetKind {
        let indicator = parent.indicator
        switch (method, parent.kind) {
        case (.manual, _):
            guard let manual = child.manual, Self.indicator(of: manual) ?? indicator == indicator else {
                throw .missingManual(child: child.id)
            }
            return manual
        case (_, .reduction), (_, .peak):
            return parent.kind
        case (.baseShare, .cap(let amount)):
            guard !indicator.isIntensity else { throw .methodDoesNotApply }
            let shares = children.map(\.baseTotal?.value)
            guard let own = child.baseTotal?.value else { throw .missingBase(child: child.id) }
            if let missing = children.first(where: { $0.baseTotal == nil }) { throw .missingBase(child: missing.id) }
            let whole = shares.reduce(0) { $0 + ($1 ?? 0) }
            guard whole > 0 else { throw .missingBase(child: child.id) }
            return .cap(amount.scaled(own / whole))
        case (.equalReduction, .cap(let amount)):
            guard let own = child.baseValue(indicator) else { throw .missingBase(child: child.id) }
            let parentValue: Double
            if let value = parentBase?.baseValue(indicator) {
                parentValue = value
            } else {
                guard let combined = combinedBase(children, indicator) else { throw .missingBase(child: child.id) }
                parentValue = combined
            }
            guard parentValue > 0 else { throw .missingBase(child: child.id) }
            return .cap(IndicatorAmount(own * amount.value / parentValue, of: indicator))
        }
    }

    static func indicator(of kind: TargetKind) -> TargetIndicator? {
        if case .cap(let amount) = kind { return amount.indicator }
        return nil
    }

    /// The children's base-year value taken together: Σ totals, or Σ totals ÷ Σ economic bases.
    static func combinedBase(_ children: [SplitChild], _ indicator: TargetIndicator) -> Double? {
        var total = 0.0
        var money = 0.0
        for child in children {
            guard let value = child.baseTotal?.value else { return nil }
            total += value
            if indicator.isIntensity {
                guard let base = child.baseEconomic?.value(in: .tenThousandYuan), base > 0 else { return nil }
                money += base
            }
        }
        return indicator.isIntensity ? (money > 0 ? total / money : nil) : total
    }
}

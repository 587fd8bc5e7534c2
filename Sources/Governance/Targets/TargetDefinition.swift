import Accounting

/// A target as the API takes it (in snake_case: `first_year`, `base_year`, …) and the store keeps
/// it: flat fields, every one checked with the field named when it is wrong.
public struct TargetDefinition: Sendable, Equatable, Codable {
    public var indicator: String?
    public var kind: String?
    /// A cap's amount, in the indicator's unit.
    public var value: Double?
    /// A reduction's fraction (0.18 = 18 %).
    public var reduction: Double?
    public var baseYear: Int?
    public var peakYear: Int?
    public var firstYear: Int?
    public var lastYear: Int?
    /// Milestones by year ("2023": amount).
    public var milestones: [String: Double]?
    public var economicBase: String?
    public var scope2: String?
    public var energyBasis: String?
    public var deductGreenPower: Bool?
    public var deductions: [String: Deduction]?
    public var yellowFrom: Double?
    public var redAbove: Double?
    public var expectation: String?

    public init() {}

    /// The definition of a target (what the store keeps).
    public init(_ target: Target) {
        indicator = target.indicator.rawValue
        kind = target.kind.code
        switch target.kind {
        case .cap(let amount): value = amount.value
        case .reduction(let fraction, let base):
            reduction = fraction
            baseYear = base
        case .peak(let year): peakYear = year
        }
        firstYear = target.firstYear
        lastYear = target.lastYear
        milestones =
            target.milestones.isEmpty
            ? nil
            : Dictionary(
                uniqueKeysWithValues: target.milestones.map { (String($0.key), $0.value.value) })
        economicBase = target.basis.economicBase.rawValue
        scope2 = target.basis.scope2.rawValue
        energyBasis = target.basis.energyBasis.rawValue
        deductGreenPower = target.basis.deductGreenPower
        deductions =
            target.basis.deductions.isEmpty
            ? nil
            : Dictionary(
                uniqueKeysWithValues: target.basis.deductions.map { (String($0.key), $0.value) })
        yellowFrom = target.thresholds.yellowFrom
        redAbove = target.thresholds.redAbove
        expectation = target.expectation.rawValue
    }

    /// The target, or the first field that is missing or wrong.
    public func target() throws(DefinitionProblem) -> Target {
        func parse<T: RawRepresentable>(_ text: String?, _ field: String, default fallback: T? = nil)
            throws(DefinitionProblem) -> T where T.RawValue == String
        {
            guard let text else {
                if let fallback { return fallback }
                throw .missing(field)
            }
            guard let value = T(rawValue: text) else { throw .unknown(field, text) }
            return value
        }
        let indicator: TargetIndicator = try parse(indicator, "indicator")
        guard let firstYear else { throw .missing("first_year") }
        let kind: TargetKind
        switch self.kind {
        case "cap":
            guard let value else { throw .missing("value") }
            kind = .cap(IndicatorAmount(value, of: indicator))
        case "reduction":
            guard let reduction else { throw .missing("reduction") }
            guard let baseYear else { throw .missing("base_year") }
            kind = .reduction(fraction: reduction, baseYear: baseYear)
        case "peak":
            guard let peakYear else { throw .missing("peak_year") }
            kind = .peak(year: peakYear)
        case nil: throw .missing("kind")
        case let other?: throw .unknown("kind", other)
        }
        var milestoneAmounts: [Int: IndicatorAmount] = [:]
        for (year, amount) in milestones ?? [:] {
            guard let year = Int(year) else { throw .unknown("milestones", year) }
            milestoneAmounts[year] = IndicatorAmount(amount, of: indicator)
        }
        var yearDeductions: [Int: Deduction] = [:]
        for (year, deduction) in deductions ?? [:] {
            guard let year = Int(year) else { throw .unknown("deductions", year) }
            let amounts = [deduction.feedstock, deduction.newRenewables].map { $0.value(in: .tonneCoalEquivalent) }
            guard amounts.allSatisfy({ $0 >= 0 }) else { throw .invalid(.amount) }
            guard amounts.allSatisfy(Plausible.isAmount) else { throw .invalid(.amountBeyondPlausible) }
            yearDeductions[year] = deduction
        }
        let basis = TargetBasis(
            economicBase: try parse(economicBase, "economic_base", default: .valueAdded),
            scope2: try parse(scope2, "scope2", default: .location),
            energyBasis: try parse(energyBasis, "energy_basis", default: .calorific),
            deductGreenPower: deductGreenPower ?? false, deductions: yearDeductions)
        let defaults = TrafficLightThresholds()
        let target = Target(
            indicator: indicator, kind: kind, firstYear: firstYear, lastYear: lastYear ?? firstYear,
            milestones: milestoneAmounts, basis: basis,
            thresholds: TrafficLightThresholds(
                yellowFrom: yellowFrom ?? defaults.yellowFrom, redAbove: redAbove ?? defaults.redAbove),
            expectation: try parse(expectation, "expectation", default: .proRata))
        if let problem = target.problem() { throw .invalid(problem) }
        return target
    }
}

/// What is wrong with a target's definition.
public enum DefinitionProblem: Error, Sendable, Equatable {
    case missing(String)
    case unknown(String, String)
    case invalid(TargetProblem)

    public func message(_ language: Language) -> String {
        switch self {
        case .missing(let field): Self.catalogue.text(.missing, language, ["field": field])
        case .unknown(let field, let value): Self.catalogue.text(.unknown, language, ["field": field, "value": value])
        case .invalid(let problem): problem.message(language)
        }
    }

    public enum Message: String, MessageKey { case missing, unknown }

    public static let catalogue = Catalogue<Message>(
        zh: [.missing: "{field}：必填", .unknown: "{field}：无法识别“{value}”"],
        en: [.missing: "{field}: required", .unknown: "{field}: “{value}” is not recognised"])

    /// The field the message is about.
    public var field: String {
        switch self {
        case .missing(let field), .unknown(let field, _): field
        case .invalid(let problem): String(problem.message(.en).prefix { $0 != ":" })
        }
    }
}

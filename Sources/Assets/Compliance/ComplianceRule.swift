/// What the rule records say of one sector's compliance year. A parameter no record sets is nil,
/// and the position then applies the plain rule: surrender allowances for every tonne verified.
public struct ComplianceRule: Sendable, Equatable {
    public let sector: String
    public let year: Int
    public let ccerLimit: RuleValue<Double>?
    public let deadline: RuleValue<CalendarDay>?
    public let shortfallCap: RuleValue<Double>?
    public let borrowMinimumGap: RuleValue<Double>?
    public let borrowMaximumShare: RuleValue<Double>?
    public let borrowVintage: RuleValue<Int>?
    public let allocationEqualsVerified: RuleValue<Bool>?
    public let carryOver: RuleValue<Bool>?
    /// Whether purchased electricity's emissions count; without a record, direct emissions only.
    public let countsPurchasedElectricity: RuleValue<Bool>?

    public init(
        sector: String, year: Int, ccerLimit: RuleValue<Double>? = nil, deadline: RuleValue<CalendarDay>? = nil,
        shortfallCap: RuleValue<Double>? = nil, borrowMinimumGap: RuleValue<Double>? = nil,
        borrowMaximumShare: RuleValue<Double>? = nil, borrowVintage: RuleValue<Int>? = nil,
        allocationEqualsVerified: RuleValue<Bool>? = nil, carryOver: RuleValue<Bool>? = nil,
        countsPurchasedElectricity: RuleValue<Bool>? = nil
    ) {
        self.sector = sector
        self.year = year
        self.ccerLimit = ccerLimit
        self.deadline = deadline
        self.shortfallCap = shortfallCap
        self.borrowMinimumGap = borrowMinimumGap
        self.borrowMaximumShare = borrowMaximumShare
        self.borrowVintage = borrowVintage
        self.allocationEqualsVerified = allocationEqualsVerified
        self.carryOver = carryOver
        self.countsPurchasedElectricity = countsPurchasedElectricity
    }

    /// Every record the rule is made of, for the board's sources.
    public var records: [MarketRuleRecord] {
        let parts: [MarketRuleRecord?] = [
            ccerLimit?.record, deadline?.record, shortfallCap?.record, borrowMinimumGap?.record,
            borrowMaximumShare?.record, borrowVintage?.record, allocationEqualsVerified?.record, carryOver?.record,
            countsPurchasedElectricity?.record,
        ]
        return parts.compactMap { $0 }
    }
}

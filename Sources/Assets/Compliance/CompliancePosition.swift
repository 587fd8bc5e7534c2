import Accounting

/// What one covered unit brings to a compliance year: its verified emissions, its allocation, and
/// what its account holds and has surrendered for the year.
public struct ComplianceInput: Sendable {
    public var unitCode: String
    public var sector: String
    public var year: Int
    /// From the unit's approved inventory, with the scope the sector's rules count.
    public var verifiedEmissions: Emissions
    /// The allocation in tonnes: entered, or computed from the sector's benchmarks. Nil when the rule
    /// sets the allocation equal to the verified emissions, or when nobody has entered it yet.
    public var allocation: Int64?
    /// The account's balances on the day the position is taken, by lot.
    public var holdings: [Lot: Int64]
    /// Surrendered for this year so far: allowances, and CCER credits.
    public var surrenderedAllowances: Int64
    public var surrenderedCredits: Int64
    public var today: CalendarDay

    public init(
        unitCode: String, sector: String, year: Int, verifiedEmissions: Emissions, allocation: Int64?,
        holdings: [Lot: Int64], surrenderedAllowances: Int64 = 0, surrenderedCredits: Int64 = 0, today: CalendarDay
    ) {
        self.unitCode = unitCode
        self.sector = sector
        self.year = year
        self.verifiedEmissions = verifiedEmissions
        self.allocation = allocation
        self.holdings = holdings
        self.surrenderedAllowances = surrenderedAllowances
        self.surrenderedCredits = surrenderedCredits
        self.today = today
    }

    /// Sums what an account's events surrendered for `year`, allowances and credits apart.
    public static func surrendered(_ events: [LedgerEvent], account: String, year: Int) -> (allowances: Int64, credits: Int64) {
        var allowances: Int64 = 0
        var credits: Int64 = 0
        for event in events where event.account == account && event.action == .surrender && event.complianceYear == year {
            if event.lot.kind == .ccer { credits += event.quantity } else if event.lot.kind == .cea { allowances += event.quantity }
        }
        return (allowances, credits)
    }
}

/// A covered unit's compliance position (履约状况) for a year.
public struct CompliancePosition: Sendable, Equatable {
    public let unitCode: String
    public let year: Int
    public let rule: ComplianceRule
    /// Verified emissions in whole tonnes (a part of a tonne still needs an allowance, so rounded up).
    public let verified: Int64
    public let allocation: Int64?
    /// The allowances due (应清缴配额量): the verified tonnes, or less where a floor on the shortfall applies.
    public let obligation: Int64
    /// Whether the floor on the shortfall lowered the obligation.
    public let capApplied: Bool
    public let surrenderedAllowances: Int64
    public let surrenderedCredits: Int64
    /// National allowances held that this year may use (earlier vintages when carry-over is allowed).
    public let usableAllowances: Int64
    public let heldCredits: Int64
    /// The most CCER the year may use, in tonnes, and how many of the held credits fit under it.
    public let creditLimit: Int64
    public let usableCredits: Int64
    /// Tonnes still missing after everything held and usable, and allowances left over.
    public let shortfall: Int64
    public let surplus: Int64
    /// The most that may be borrowed ahead, when the rule allows it and the shortfall qualifies.
    public let borrowable: Int64?
    public let deadline: CalendarDay?
    public let light: ComplianceLight

    /// Days from the position's day to the deadline (negative when past).
    public let daysToDeadline: Int?

    /// Takes the position. `warningDays`: a shortfall turns red this many days before the deadline.
    public init(_ input: ComplianceInput, rule: ComplianceRule, warningDays: Int = 90) {
        unitCode = input.unitCode
        year = input.year
        self.rule = rule
        verified = Int64(input.verifiedEmissions.value(in: .tonneCO2e).rounded(.up))
        let allocation: Int64? = rule.allocationEqualsVerified?.value == true ? verified : input.allocation
        self.allocation = allocation
        var obligation = verified
        if let cap = rule.shortfallCap?.value, let allocation {
            // 履约缺口上限: at most the allocation plus the cap's share of the verified emissions.
            let ceiling = allocation + Int64((cap * Double(verified)).rounded(.down))
            if ceiling < obligation { obligation = ceiling }
        }
        capApplied = obligation < verified
        self.obligation = obligation
        surrenderedAllowances = input.surrenderedAllowances
        surrenderedCredits = input.surrenderedCredits

        let carryOver = rule.carryOver?.value ?? true
        usableAllowances = input.holdings.filter { lot, _ in
            lot.kind == .cea && (lot.vintage == input.year || (carryOver && lot.vintage < input.year)
                || lot.vintage == rule.borrowVintage?.value)
        }.values.reduce(0, +)
        heldCredits = input.holdings.filter { $0.key.kind == .ccer }.values.reduce(0, +)
        creditLimit = rule.ccerLimit.map { Int64(($0.value * Double(obligation)).rounded(.down)) } ?? 0
        usableCredits = max(0, min(heldCredits, creditLimit - surrenderedCredits))

        let covered = surrenderedAllowances + surrenderedCredits + usableAllowances + usableCredits
        shortfall = max(0, obligation - covered)
        surplus = max(0, min(usableAllowances, covered - obligation))

        if let minimum = rule.borrowMinimumGap?.value, let share = rule.borrowMaximumShare?.value, obligation > 0,
            Double(shortfall) >= minimum * Double(obligation), shortfall > 0
        {
            borrowable = Int64((share * Double(shortfall)).rounded(.down))
        } else {
            borrowable = nil
        }

        deadline = rule.deadline?.value
        daysToDeadline = deadline.map { $0.ordinal - input.today.ordinal }
        if surrenderedAllowances + surrenderedCredits >= obligation {
            light = .done
        } else if shortfall == 0 {
            light = .green
        } else if let days = daysToDeadline, days <= warningDays {
            light = .red
        } else {
            light = .yellow
        }
    }

    /// What to buy to close the shortfall: credits first when they are cheaper than allowances (up
    /// to what the limit leaves room for), the rest in allowances.
    public func purchases(allowancePrice: CarbonPrice, creditPrice: CarbonPrice?) -> (allowances: Int64, credits: Int64) {
        guard shortfall > 0 else { return (0, 0) }
        let room = max(0, creditLimit - surrenderedCredits - usableCredits)
        guard let creditPrice, creditPrice.yuanPerTonne < allowancePrice.yuanPerTonne else { return (shortfall, 0) }
        let credits = min(room, shortfall)
        return (shortfall - credits, credits)
    }
}

/// The board's light: done (surrendered in full), green (what is held covers the obligation),
/// yellow (a shortfall, the deadline still far), red (a shortfall near or past the deadline).
public enum ComplianceLight: String, Sendable, Hashable, CaseIterable, Codable {
    case done, green, yellow, red

    /// The words the board uses (as the web page's).
    public func name(in language: Language) -> String {
        switch (self, language) {
        case (.done, .zh): "已完成"
        case (.done, .en): "done"
        case (.green, .zh): "足额"
        case (.green, .en): "covered"
        case (.yellow, .zh): "有缺口"
        case (.yellow, .en): "short"
        case (.red, .zh): "紧急"
        case (.red, .en): "urgent"
        }
    }
}

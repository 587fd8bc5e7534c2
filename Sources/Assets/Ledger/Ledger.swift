import Accounting

/// The carbon-asset ledger (碳资产台账): an append-only list of events and the balances they make.
/// Balances are derived, never stored apart from the events, and can never be negative on any day:
/// an entry that would make one negative — on its own day or any later day — is refused.
public struct Ledger: Sendable {
    public private(set) var events: [LedgerEvent] = []
    public let rules: LedgerRules
    private var timelines: [String: [Lot: BalanceTimeline]] = [:]
    /// Per green-certificate lot: how many certificates came in from outside the ledger, less those
    /// that left it, and how many were retired. Retired ones are gone for good: once any of a lot
    /// is retired, nothing of it may come in from outside again (it could be a retired one).
    private var certificates: [Lot: (acquired: Int64, retired: Int64)] = [:]

    public init(rules: LedgerRules) { self.rules = rules }

    /// Replays `events` in their order, as they were appended; throws the first refusal, naming the
    /// event's position (1-based) in the field.
    public init(
        rules: LedgerRules, replaying events: [LedgerEvent], deadlines: (LedgerEvent) -> CalendarDay? = { _ in nil }
    ) throws(LedgerProblems) {
        self.init(rules: rules)
        for (position, event) in events.enumerated() {
            let problems = check(event, deadline: deadlines(event))
            guard problems.isEmpty else {
                throw LedgerProblems(
                    problems.map {
                        LedgerProblem(field: "events[\(position + 1)].\($0.field)", kind: $0.kind, arguments: $0.arguments)
                    })
            }
            record(event)
        }
    }

    /// The ledger of events already kept (checked when they were appended), without checking them
    /// again: a rule changed since — a certificate's validity — does not undo what was accepted.
    public init(rules: LedgerRules, trusting events: [LedgerEvent]) {
        self.init(rules: rules)
        for event in events { record(event) }
    }

    /// Appends `event` when nothing is wrong with it. `deadline` is the compliance deadline of the
    /// year a surrender counts for (from the unit's rule record), when one is known.
    public mutating func append(_ event: LedgerEvent, deadline: CalendarDay? = nil) throws(LedgerProblems) {
        let problems = check(event, deadline: deadline)
        guard problems.isEmpty else { throw LedgerProblems(problems) }
        record(event)
    }

    /// Moves instruments from one account to another: two events, both or neither.
    public mutating func transfer(
        from source: String, to destination: String, day: CalendarDay, lot: Lot, quantity: Int64,
        priceYuan: Double? = nil
    ) throws(LedgerProblems) {
        guard source != destination else {
            throw LedgerProblems([LedgerProblem(field: "to", kind: .transferToItself)])
        }
        let out = LedgerEvent(
            account: source, day: day, action: .transferOut, lot: lot, quantity: quantity, priceYuan: priceYuan,
            counterparty: destination)
        let into = LedgerEvent(
            account: destination, day: day, action: .transferIn, lot: lot, quantity: quantity, priceYuan: priceYuan,
            counterparty: source)
        let problems = check(out, deadline: nil, betweenAccounts: true) + check(into, deadline: nil, betweenAccounts: true)
        guard problems.isEmpty else { throw LedgerProblems(problems) }
        record(out, betweenAccounts: true)
        record(into, betweenAccounts: true)
    }

    /// The account's balance of `lot` at the end of `day`.
    public func balance(of account: String, _ lot: Lot, at day: CalendarDay) -> Int64 {
        timelines[account]?[lot]?.balance(at: day.ordinal) ?? 0
    }

    /// The account's non-zero balances at the end of `day`, by lot.
    public func balances(of account: String, at day: CalendarDay) -> [Lot: Int64] {
        var result: [Lot: Int64] = [:]
        for (lot, timeline) in timelines[account] ?? [:] {
            let balance = timeline.balance(at: day.ordinal)
            if balance != 0 { result[lot] = balance }
        }
        return result
    }

    /// The accounts' balances at the end of `day`, summed by lot (a supervisor's subtree).
    public func balances(of accounts: some Sequence<String>, at day: CalendarDay) -> [Lot: Int64] {
        var result: [Lot: Int64] = [:]
        for account in accounts {
            for (lot, balance) in balances(of: account, at: day) { result[lot, default: 0] += balance }
        }
        return result.filter { $0.value != 0 }
    }

    /// Every account that has an entry.
    public var accounts: [String] { timelines.keys.sorted() }

    /// How many certificates of a green-certificate lot have been retired, across all accounts.
    public func retired(_ lot: Lot) -> Int64 { certificates[lot]?.retired ?? 0 }

    /// What is wrong with `event` against the ledger as it stands; empty when it can be appended.
    public func check(_ event: LedgerEvent, deadline: CalendarDay?) -> [LedgerProblem] {
        check(event, deadline: deadline, betweenAccounts: false)
    }

    /// `betweenAccounts`: the event is one side of a transfer between two accounts of the ledger; a
    /// transfer in on its own comes from an account outside it, like a purchase.
    private func check(_ event: LedgerEvent, deadline: CalendarDay?, betweenAccounts: Bool) -> [LedgerProblem] {
        var problems: [LedgerProblem] = []
        if event.account.trimmed.isEmpty { problems.append(LedgerProblem(field: "account", kind: .account)) }
        if event.quantity == 0 || (event.quantity < 0 && event.action != .allocateFinal) {
            problems.append(LedgerProblem(field: "quantity", kind: .quantity))
        } else if !Plausible.isAmount(Double(event.quantity)) {
            // Also keeps every sum of quantities far from Int64's bounds.
            problems.append(LedgerProblem(field: "quantity", kind: .beyondPlausible))
        }
        if let price = event.priceYuan, !(price >= 0) {
            problems.append(LedgerProblem(field: "price", kind: .price))
        } else if let price = event.priceYuan, !Plausible.isAmount(price) {
            problems.append(LedgerProblem(field: "price", kind: .beyondPlausible))
        }
        problems += event.lot.problems
        problems += actionProblems(event, deadline: deadline)
        guard problems.isEmpty else { return problems }

        if event.delta < 0 {
            let lowest = timelines[event.account]?[event.lot]?.lowest(from: event.day.ordinal) ?? 0
            if lowest + event.delta < 0 {
                let held = balance(of: event.account, event.lot, at: event.day)
                problems.append(
                    LedgerProblem(
                        field: "quantity", kind: .insufficient,
                        arguments: [
                            "day": event.day.description, "lot": event.lot.description, "held": String(held),
                            "wanted": String(-event.delta),
                        ]))
            }
        }
        if event.lot.kind == .gec {
            problems += certificateProblems(event, betweenAccounts: betweenAccounts)
        }
        return problems
    }

    private func actionProblems(_ event: LedgerEvent, deadline: CalendarDay?) -> [LedgerProblem] {
        var problems: [LedgerProblem] = []
        switch event.action {
        case .surrender:
            if event.lot.kind == .gec { problems.append(LedgerProblem(field: "lot", kind: .notSurrenderable)) }
            if let year = event.complianceYear {
                if let deadline, event.day > deadline, !event.late {
                    problems.append(
                        LedgerProblem(
                            field: "day", kind: .lateSurrender,
                            arguments: ["year": String(year), "deadline": deadline.description]))
                }
            } else {
                problems.append(LedgerProblem(field: "compliance_year", kind: .surrenderNeedsYear))
            }
        case .borrow:
            if event.lot.kind != .cea { problems.append(LedgerProblem(field: "lot", kind: .borrowOnlyAllowances)) }
        case .retire:
            if event.lot.kind == .gec, LedgerEvent.electricityPeriod(event.retiredFor ?? "") == nil {
                problems.append(LedgerProblem(field: "retired_for", kind: .retireNeedsPeriod))
            }
        default:
            break
        }
        return problems
    }

    private func certificateProblems(_ event: LedgerEvent, betweenAccounts: Bool) -> [LedgerProblem] {
        var problems: [LedgerProblem] = []
        let expiry = rules.certificateExpiry(event.lot)
        if event.action != .expire, event.day >= expiry {
            problems.append(
                LedgerProblem(
                    field: "day", kind: .certificateExpired,
                    arguments: ["lot": event.lot.description, "expiry": expiry.description]))
        }
        let state = certificates[event.lot] ?? (0, 0)
        if event.delta > 0, !betweenAccounts, state.retired > 0 {
            problems.append(
                LedgerProblem(
                    field: "quantity", kind: .retiredBefore,
                    arguments: ["lot": event.lot.description, "retired": String(state.retired)]))
        }
        return problems
    }

    private mutating func record(_ event: LedgerEvent, betweenAccounts: Bool = false) {
        events.append(event)
        timelines[event.account, default: [:]][event.lot, default: BalanceTimeline()].add(
            event.delta, on: event.day.ordinal)
        guard event.lot.kind == .gec, !betweenAccounts else { return }
        var state = certificates[event.lot] ?? (0, 0)
        switch event.action {
        case .retire: state.retired += event.quantity
        case .surrender, .expire: break
        default: state.acquired += event.delta
        }
        certificates[event.lot] = state
    }
}

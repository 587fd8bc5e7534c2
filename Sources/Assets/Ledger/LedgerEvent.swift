import Accounting

/// What happened to a holding. Every event is appended and never changed; a mistake is undone by a
/// later event, so the ledger at any past date stays what it was.
public enum LedgerAction: String, Sendable, Hashable, CaseIterable, Codable {
    /// 预分配 and 核定 (final) allocation of allowances. A final allocation may be negative: the
    /// true-up of a pre-allocation that was too large.
    case allocatePre = "allocate_pre"
    case allocateFinal = "allocate_final"
    case buy, sell
    case transferIn = "transfer_in"
    case transferOut = "transfer_out"
    /// 清缴: surrendered for a compliance year.
    case surrender
    /// 注销: retired for good — a certificate retired against a unit's electricity, a credit
    /// retired voluntarily.
    case retire
    /// Lapsed unused (a certificate past its two years).
    case expire
    /// 预支: allowances of a later year borrowed ahead to comply now.
    case borrow

    /// +1 for what comes in, −1 for what goes out.
    public var sign: Int64 {
        switch self {
        case .allocatePre, .allocateFinal, .buy, .transferIn, .borrow: 1
        case .sell, .transferOut, .surrender, .retire, .expire: -1
        }
    }

    public func name(in language: Language) -> String {
        switch (self, language) {
        case (.allocatePre, .zh): "预分配"
        case (.allocatePre, .en): "pre-allocation"
        case (.allocateFinal, .zh): "核定分配"
        case (.allocateFinal, .en): "final allocation"
        case (.buy, .zh): "买入"
        case (.buy, .en): "buy"
        case (.sell, .zh): "卖出"
        case (.sell, .en): "sell"
        case (.transferIn, .zh): "转入"
        case (.transferIn, .en): "transfer in"
        case (.transferOut, .zh): "转出"
        case (.transferOut, .en): "transfer out"
        case (.surrender, .zh): "清缴履约"
        case (.surrender, .en): "surrender"
        case (.retire, .zh): "注销"
        case (.retire, .en): "retire"
        case (.expire, .zh): "过期"
        case (.expire, .en): "expire"
        case (.borrow, .zh): "预支"
        case (.borrow, .en): "borrow ahead"
        }
    }
}

/// One entry of the ledger.
public struct LedgerEvent: Sendable, Equatable, Codable {
    /// The account: the unit that holds the instruments (its code).
    public var account: String
    public var day: CalendarDay
    public var action: LedgerAction
    public var lot: Lot
    /// How many instruments (t or MWh), always positive except a final allocation's true-up.
    public var quantity: Int64
    /// The price per instrument, for trades.
    public var priceYuan: Double?
    public var counterparty: String
    /// The compliance year a surrender counts for.
    public var complianceYear: Int?
    /// The period of the unit's electricity a certificate is retired against (`2025` or `2025-06`).
    public var retiredFor: String?
    /// Set when a surrender is knowingly made after the deadline (补缴).
    public var late: Bool

    public init(
        account: String, day: CalendarDay, action: LedgerAction, lot: Lot, quantity: Int64, priceYuan: Double? = nil,
        counterparty: String = "", complianceYear: Int? = nil, retiredFor: String? = nil, late: Bool = false
    ) {
        self.account = account
        self.day = day
        self.action = action
        self.lot = lot
        self.quantity = quantity
        self.priceYuan = priceYuan
        self.counterparty = counterparty
        self.complianceYear = complianceYear
        self.retiredFor = retiredFor
        self.late = late
    }

    /// What the event does to the account's balance of the lot.
    public var delta: Int64 { action == .allocateFinal ? quantity : action.sign * quantity }
}

extension LedgerEvent {
    /// The electricity period a certificate's retirement covers: `2025` (the year) or `2025-06`.
    public static func electricityPeriod(_ text: String) -> (year: Int, month: Int?)? {
        let parts = text.trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard parts[0].count == 4, let year = Int(parts[0]), (1990...2100).contains(year) else { return nil }
        if parts.count == 1 { return (year, nil) }
        guard parts.count == 2, (1...2).contains(parts[1].count), let month = Int(parts[1]), (1...12).contains(month)
        else { return nil }
        return (year, month)
    }
}

import Accounting

/// The kinds of carbon asset a unit can hold.
public enum InstrumentKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// National emission allowances (全国碳排放配额), by vintage, one per tCO2.
    case cea
    /// Certified voluntary reductions (国家核证自愿减排量), by project, methodology and vintage, one per tCO2e.
    case ccer
    /// Green-electricity certificates (绿证), one per MWh, by production month.
    case gec
    /// Allowances of a local pilot market (地方试点配额), by market and vintage.
    case pilot

    public func name(in language: Language) -> String {
        switch (self, language) {
        case (.cea, .zh): "全国碳排放配额(CEA)"
        case (.cea, .en): "national allowances (CEA)"
        case (.ccer, .zh): "国家核证自愿减排量(CCER)"
        case (.ccer, .en): "CCER credits"
        case (.gec, .zh): "绿色电力证书(绿证)"
        case (.gec, .en): "green-electricity certificates (GEC)"
        case (.pilot, .zh): "地方试点配额"
        case (.pilot, .en): "local pilot allowances"
        }
    }

    /// What one unit of the instrument is: a tonne of CO2(e), or a MWh.
    public var unitSymbol: String { self == .gec ? "MWh" : "tCO2e" }
}

/// A lot: the instruments that are interchangeable with one another. Balances are kept per lot,
/// so a unit's 2021 allowances never mix with its 2023 ones, nor one CCER project's credits with
/// another's, nor one batch of certificates with another.
public struct Lot: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let kind: InstrumentKind
    /// The vintage year (CEA, CCER, pilot) or the production year (GEC).
    public let vintage: Int
    /// The production month of a green certificate; nil for the others.
    public let month: Int?
    /// The CCER project's number, the pilot market's code (`GD`, `HB` …), or the certificates'
    /// batch or first serial number; empty for CEA.
    public let reference: String
    /// The CCER methodology (e.g. `CCER-14-001-V01`); empty for the others.
    public let methodology: String

    public init(kind: InstrumentKind, vintage: Int, month: Int? = nil, reference: String = "", methodology: String = "") {
        self.kind = kind
        self.vintage = vintage
        self.month = month
        self.reference = reference
        self.methodology = methodology
    }

    public static func cea(_ vintage: Int) -> Lot { Lot(kind: .cea, vintage: vintage) }

    /// The first day the lot's instruments exist: a certificate's production month, else 1 January
    /// of the vintage.
    public var firstDay: CalendarDay { CalendarDay(year: vintage, month: month ?? 1, day: 1)! }

    public var description: String {
        var text = "\(kind.rawValue):\(vintage)"
        if let month { text += month < 10 ? "-0\(month)" : "-\(month)" }
        if !reference.isEmpty { text += ":\(reference)" }
        if !methodology.isEmpty { text += ":\(methodology)" }
        return text
    }

    public static func < (lhs: Lot, rhs: Lot) -> Bool { lhs.description < rhs.description }

    /// Problems with the lot as entered, naming the field.
    public var problems: [LedgerProblem] {
        var problems: [LedgerProblem] = []
        if !(2005...2100).contains(vintage) { problems.append(LedgerProblem(field: "vintage", kind: .vintage)) }
        switch kind {
        case .gec:
            if month.map({ !(1...12).contains($0) }) ?? true {
                problems.append(LedgerProblem(field: "month", kind: .certificateMonth))
            }
        case .ccer, .pilot:
            if reference.trimmed.isEmpty { problems.append(LedgerProblem(field: "reference", kind: .reference)) }
            if month != nil { problems.append(LedgerProblem(field: "month", kind: .monthOnlyForCertificates)) }
        case .cea:
            if month != nil { problems.append(LedgerProblem(field: "month", kind: .monthOnlyForCertificates)) }
        }
        return problems
    }
}

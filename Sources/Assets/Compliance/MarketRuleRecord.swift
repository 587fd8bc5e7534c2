import Accounting
import ReferenceData

/// One parameter of a carbon-market rule, for a market, its sectors and a span of years, with the
/// document it comes from. Rules are data: a published plan's floor on the shortfall, borrowing
/// ahead or a deadline is a record here, and a rule PeakZero does not know is one the user enters.
public struct MarketRuleRecord: Sendable, Equatable {
    public let id: String
    /// `national`, a pilot market's code, or `gec` for green certificates.
    public let market: String
    /// The sectors it applies to (`power`, `cement` …), or empty for every sector.
    public let sectors: [String]
    public let years: ClosedRange<Int>
    public let parameter: MarketRuleParameter
    /// The value as written: a fraction, a date (`YYYY-MM-DD`), a year, `true`/`false`, or a count.
    public let value: String
    public let grade: Grade
    public let source: String
    public let document: String
    public let url: String
    public let notes: String
    /// Whether an installation's user entered it (else it ships with PeakZero).
    public let entered: Bool
    /// For a benchmark: the output it applies to (`electricity_supplied`, `heat_supplied`,
    /// `clinker` …); empty for every other parameter.
    public let output: String

    public init(
        id: String, market: String, sectors: [String], years: ClosedRange<Int>, parameter: MarketRuleParameter,
        value: String, grade: Grade, source: String, document: String = "", url: String = "", notes: String = "",
        entered: Bool = true, output: String = ""
    ) {
        self.id = id
        self.market = market
        self.sectors = sectors
        self.years = years
        self.parameter = parameter
        self.value = value
        self.grade = grade
        self.source = source
        self.document = document
        self.url = url
        self.notes = notes
        self.entered = entered
        self.output = output
    }

    func applies(market: String, sector: String, year: Int) -> Bool {
        self.market == market && years.contains(year) && (sectors.isEmpty || sectors.contains(sector))
    }

    /// The bundled records (`carbon-market-rules.csv`).
    public static let bundled: [MarketRuleRecord] = {
        guard let table = try? CSVTable(parsing: ReferenceData.carbonMarketRulesCSV) else {
            fatalError("carbon-market-rules.csv does not parse")
        }
        return table.records.dropFirst().filter { $0.count >= 14 }.map { row in
            guard let parameter = MarketRuleParameter(rawValue: row[5]), let first = Int(row[3]),
                let grade = Grade(rawValue: row[8])
            else { fatalError("carbon-market-rules.csv: row \(row[0]) is malformed") }
            let last = Int(row[4]) ?? 2100
            return MarketRuleRecord(
                id: row[0], market: row[1], sectors: row[2] == "*" ? [] : row[2].split(separator: ";").map(String.init),
                years: first...last, parameter: parameter, value: row[6], grade: grade, source: row[9],
                document: row[10], url: row[12], notes: row[13], entered: false, output: row.count > 14 ? row[14] : "")
        }
    }()
}

/// The parameters a rule record can set.
public enum MarketRuleParameter: String, Sendable, Hashable, CaseIterable, Codable {
    /// The largest share of the allowances due that CCER may offset.
    case ccerLimit = "ccer_limit"
    /// The last day to surrender for the year.
    case deadline
    /// A floor on the shortfall (履约缺口上限): the obligation is at most the allocation plus this
    /// share of the verified emissions.
    case shortfallCap = "shortfall_cap"
    /// Borrowing ahead: allowed from this shortfall (a share of the allowances due) …
    case borrowMinimumGap = "borrow_min_gap"
    /// … up to this share of the shortfall …
    case borrowMaximumShare = "borrow_max_share"
    /// … from this vintage.
    case borrowVintage = "borrow_vintage"
    /// The allocation equals the verified emissions (`true`), as for a new sector's first year.
    case allocationEqualsVerified = "allocation_equals_verified"
    /// Allowances of earlier vintages may be surrendered (`true`) or not (`false`).
    case carryOver = "carry_over"
    /// How many months a green certificate stays valid from its production month.
    case certificateValidityMonths = "certificate_validity_months"
    /// The verified emissions include purchased electricity's (`true`), not only direct emissions.
    case countsPurchasedElectricity = "counts_purchased_electricity"
    /// Allowances per unit of an output (tCO2 per MWh supplied, per GJ of heat, per t of clinker):
    /// the record names the output; allocation = benchmark × output × the unit's correction factor.
    case benchmark
}

/// The rule records an installation uses: the bundled ones and those its users entered, the
/// entered ones winning; among records of one kind the narrower span of years, then the record
/// naming the sector, wins.
public struct MarketRuleBook: Sendable {
    public let records: [MarketRuleRecord]

    public init(entered: [MarketRuleRecord] = [], bundled: [MarketRuleRecord] = MarketRuleRecord.bundled) {
        records = entered + bundled
    }

    /// The record that sets `parameter` for a sector's year (a benchmark: for `output`), if any does.
    public func record(
        _ parameter: MarketRuleParameter, market: String = "national", sector: String, year: Int, output: String = ""
    ) -> MarketRuleRecord? {
        records.filter {
            $0.parameter == parameter && $0.output == output && $0.applies(market: market, sector: sector, year: year)
        }
            .min { a, b in
                (a.entered ? 0 : 1, a.years.count, a.sectors.isEmpty ? 1 : 0)
                    < (b.entered ? 0 : 1, b.years.count, b.sectors.isEmpty ? 1 : 0)
            }
    }

    /// The compliance rule of a sector's year, as far as the records define it.
    public func rule(sector: String, year: Int, market: String = "national") -> ComplianceRule {
        func find(_ p: MarketRuleParameter) -> MarketRuleRecord? { record(p, market: market, sector: sector, year: year) }
        func fraction(_ p: MarketRuleParameter) -> RuleValue<Double>? {
            find(p).flatMap { r in Double(r.value).map { RuleValue(value: $0, record: r) } }
        }
        func flag(_ p: MarketRuleParameter) -> RuleValue<Bool>? {
            find(p).flatMap { r in Bool(r.value.lowercased()).map { RuleValue(value: $0, record: r) } }
        }
        return ComplianceRule(
            sector: sector, year: year,
            ccerLimit: fraction(.ccerLimit),
            deadline: find(.deadline).flatMap { r in CalendarDay(parsing: r.value).map { RuleValue(value: $0, record: r) } },
            shortfallCap: fraction(.shortfallCap),
            borrowMinimumGap: fraction(.borrowMinimumGap),
            borrowMaximumShare: fraction(.borrowMaximumShare),
            borrowVintage: find(.borrowVintage).flatMap { r in Int(r.value).map { RuleValue(value: $0, record: r) } },
            allocationEqualsVerified: flag(.allocationEqualsVerified),
            carryOver: flag(.carryOver), countsPurchasedElectricity: flag(.countsPurchasedElectricity))
    }

    /// The ledger's rules: how long green certificates stay valid (24 months when no record says).
    public var ledgerRules: LedgerRules {
        let records = self.records.filter { $0.parameter == .certificateValidityMonths }
        let chosen = records.first { $0.entered } ?? records.first
        return LedgerRules(certificateValidityMonths: chosen.flatMap { Int($0.value) } ?? 24, record: chosen)
    }
}

/// A rule's value with the record it comes from, so every figure on the compliance board can name
/// its source.
public struct RuleValue<Value: Sendable & Equatable>: Sendable, Equatable {
    public let value: Value
    public let record: MarketRuleRecord
}

/// The rules the ledger itself applies.
public struct LedgerRules: Sendable {
    public let certificateValidityMonths: Int
    /// The record the validity comes from.
    public let record: MarketRuleRecord?

    public init(certificateValidityMonths: Int, record: MarketRuleRecord? = nil) {
        self.certificateValidityMonths = certificateValidityMonths
        self.record = record
    }

    /// The first day a certificate of `lot` is no longer valid.
    func certificateExpiry(_ lot: Lot) -> CalendarDay { lot.firstDay.adding(months: certificateValidityMonths) }
}

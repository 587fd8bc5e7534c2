import Accounting
import Assets
import Testing

/// Compliance positions by hand. The bundled records for power 2021–2022: CCER ≤ 5 % (ETS-R002),
/// deadline 2023-12-31 (ETS-R003), borrowing from a 10 % shortfall up to 50 % of it (ETS-R004/5).
@Suite("Compliance by hand")
struct ComplianceTests {
    /// The floor on the shortfall is not bundled (its source was not retrieved): a user enters it.
    let floorRule = MarketRuleRecord(
        id: "USER-1", market: "national", sectors: ["power"], years: 2021...2022, parameter: .shortfallCap,
        value: "0.20", grade: .unverified, source: "entered by the carbon manager from the allocation plan")

    @Test("a unit under the 2021–22 floor: 700 000 + 20 % × 1 000 001 = 900 000 due; 200 000 short, red")
    func floor() {
        let book = MarketRuleBook(entered: [floorRule])
        let rule = book.rule(sector: "power", year: 2021)
        #expect(rule.records.map(\.id).sorted() == ["ETS-R002", "ETS-R003", "ETS-R004", "ETS-R005", "ETS-R006", "ETS-R007", "USER-1"])
        let position = CompliancePosition(
            ComplianceInput(
                unitCode: "PWR", sector: "power", year: 2021, verifiedEmissions: Emissions(1_000_000.4, .tonneCO2e),
                allocation: 700_000, holdings: [.cea(2021): 700_000], today: day("2023-10-15")),
            rule: rule)
        #expect(position.verified == 1_000_001)
        #expect(position.obligation == 900_000)
        #expect(position.capApplied)
        #expect(position.shortfall == 200_000)
        #expect(position.daysToDeadline == 77)
        #expect(position.light == .red)
        // 200 000 ÷ 900 000 = 22 % ≥ 10 %, so 50 % of the shortfall may be borrowed.
        #expect(position.borrowable == 100_000)
        #expect(position.purchases(allowancePrice: .yuanPerTonne(60), creditPrice: .yuanPerTonne(70)) == (200_000, 0))
        // CCER cheaper: 5 % × 900 000 = 45 000 in credits, the rest in allowances.
        #expect(position.purchases(allowancePrice: .yuanPerTonne(60), creditPrice: .yuanPerTonne(50)) == (155_000, 45_000))
    }

    @Test("CCER at the limit: 5 % × 500 000 = 25 000 of the 40 000 held count; covered, 5 000 over")
    func creditLimit() {
        let rule = MarketRuleBook().rule(sector: "power", year: 2022)
        let position = CompliancePosition(
            ComplianceInput(
                unitCode: "PWR", sector: "power", year: 2022, verifiedEmissions: Emissions(500_000, .tonneCO2e),
                allocation: 480_000,
                holdings: [.cea(2022): 480_000, Lot(kind: .ccer, vintage: 2021, reference: "CCER-7"): 40_000],
                today: day("2023-06-01")),
            rule: rule)
        #expect(position.creditLimit == 25_000)
        #expect(position.usableCredits == 25_000)
        #expect(position.shortfall == 0)
        #expect(position.surplus == 5_000)
        #expect(position.light == .green)
        #expect(position.borrowable == nil)
    }

    @Test("a unit in surplus: 300 000 allocated, 250 000 verified; 50 000 left, done once surrendered")
    func surplus() {
        let rule = MarketRuleBook().rule(sector: "power", year: 2021)
        var input = ComplianceInput(
            unitCode: "PWR", sector: "power", year: 2021, verifiedEmissions: Emissions(250_000, .tonneCO2e),
            allocation: 300_000, holdings: [.cea(2021): 300_000], today: day("2023-03-01"))
        let before = CompliancePosition(input, rule: rule)
        #expect(before.surplus == 50_000)
        #expect(before.light == .green)
        input.holdings = [.cea(2021): 50_000]
        input.surrenderedAllowances = 250_000
        let after = CompliancePosition(input, rule: rule)
        #expect(after.light == .done)
        #expect(after.surplus == 50_000)
    }

    @Test("a sector and year no record covers gets the plain rule: every verified tonne, no credits")
    func plainRule() {
        let rule = MarketRuleBook().rule(sector: "cement", year: 2019)
        #expect(rule.records.isEmpty)
        let position = CompliancePosition(
            ComplianceInput(
                unitCode: "CEM", sector: "cement", year: 2019, verifiedEmissions: Emissions(10, .tonneCO2e),
                allocation: 5, holdings: [:], today: day("2020-01-01")),
            rule: rule)
        #expect(position.obligation == 10)
        #expect(position.shortfall == 10)
        #expect(position.light == .yellow)
    }

    @Test("the bundled rule records parse, and each names a source")
    func bundled() {
        #expect(MarketRuleRecord.bundled.count >= 7)
        #expect(MarketRuleRecord.bundled.allSatisfy { !$0.source.isEmpty })
        #expect(MarketRuleBook().ledgerRules.certificateValidityMonths == 24)
    }
}

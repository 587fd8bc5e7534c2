import Accounting
import Assets
import Testing

/// NPV, payback and levelised cost by hand. The project: 100 万元 invested, 5 万元 a year to run,
/// 25 万元 a year saved, ten years, 1000 tCO2e a year, a real discount rate of 8 %.
/// Annuity factor (1 − 1.08⁻¹⁰) / 0.08 = 6.710081399.
@Suite("Project economics by hand")
struct EconomicsTests {
    let flows = ProjectCashFlows(
        capex: Money(100, .tenThousandYuan), yearlyOpex: Money(5, .tenThousandYuan),
        yearlyBenefit: Money(25, .tenThousandYuan), lifetimeYears: 10, yearlyAbatement: Emissions(1000, .tonneCO2e))

    @Test("NPV = −100 + 20 × 6.710081399 = 34.2016 万元; with 50 元/t, −100 + 25 × 6.7100814 = 67.7520")
    func npv() {
        #expect(abs(flows.annuityFactor(rate: 0.08) - 6.710081399) < 1e-9)
        #expect(abs(flows.netPresentValue(rate: 0.08).value(in: .tenThousandYuan) - 34.201628) < 1e-6)
        let price = CarbonPrice.yuanPerTonne(50)
        #expect(abs(flows.netPresentValue(rate: 0.08, carbonPrice: price).value(in: .tenThousandYuan) - 67.752035) < 1e-6)
        #expect(flows.annuityFactor(rate: 0) == 10)
    }

    @Test("payback: 100 ÷ 20 = 5 years; with 50 元/t × 1000 t = 5 万元 more, 100 ÷ 25 = 4 years")
    func payback() {
        #expect(flows.simplePayback() == 5)
        #expect(flows.simplePayback(carbonPrice: .yuanPerTonne(50)) == 4)
        var losing = flows
        losing.yearlyBenefit = Money(5, .tenThousandYuan)
        #expect(losing.simplePayback() == nil)
    }

    @Test("levelised cost = (100 − 20 × 6.7100814) ÷ (1000 × 6.7100814) 万元/t = −50.97 元/t")
    func levelisedCost() {
        let cost = flows.levelisedCost(rate: 0.08)!
        #expect(abs(cost.yuanPerTonne - -50.970511) < 1e-5)
        var nothing = flows
        nothing.yearlyAbatement = .zero
        #expect(nothing.levelisedCost(rate: 0.08) == nil)
    }
}

/// Five projects by hand: A −50 元/t × 1000 t, B 20 × 500, C 80 × 2000, D 150 × 300 (interacts
/// with C), E 80 × 700. Sorted: A, B, C, E (a tie with C, by code), D; starts 0, 1000, 1500, 3500, 4200.
@Suite("The marginal abatement cost curve by hand")
struct AbatementCurveTests {
    let curve = AbatementCurve([
        AbatementBlock(code: "D", name: "D", cost: .yuanPerTonne(150), yearlyAbatement: Emissions(300, .tonneCO2e), interactsWith: ["C"]),
        AbatementBlock(code: "C", name: "C", cost: .yuanPerTonne(80), yearlyAbatement: Emissions(2000, .tonneCO2e)),
        AbatementBlock(code: "A", name: "A", cost: .yuanPerTonne(-50), yearlyAbatement: Emissions(1000, .tonneCO2e)),
        AbatementBlock(code: "E", name: "E", cost: .yuanPerTonne(80), yearlyAbatement: Emissions(700, .tonneCO2e)),
        AbatementBlock(code: "B", name: "B", cost: .yuanPerTonne(20), yearlyAbatement: Emissions(500, .tonneCO2e)),
        AbatementBlock(code: "Z", name: "abates nothing", cost: .yuanPerTonne(1), yearlyAbatement: .zero),
    ])

    @Test("order, starts, total and warnings")
    func shape() {
        #expect(curve.blocks.map(\.code) == ["A", "B", "C", "E", "D"])
        #expect(curve.starts == [0, 1000, 1500, 3500, 4200])
        #expect(curve.total.value(in: .tonneCO2e) == 4500)
        #expect(curve.warnings == [.negativeCost(["A"]), .interacting([["C", "D"]])])
    }

    @Test("closing 2000 t takes A, B, C (3500 t) for −50 000 + 10 000 + 160 000 元 = 12 万元 a year")
    func closing() {
        let plan = curve.closing(Emissions(2000, .tonneCO2e))
        #expect(plan.projects.map(\.code) == ["A", "B", "C"])
        #expect(plan.abated.value(in: .tonneCO2e) == 3500)
        #expect(plan.remaining == .zero)
        #expect(abs(plan.yearlyCost.value(in: .tenThousandYuan) - 12) < 1e-9)
        #expect(!plan.interacting)
    }

    @Test("a gap larger than the curve leaves 500 t open, and warns that C and D interact")
    func tooLarge() {
        let plan = curve.closing(Emissions(5000, .tonneCO2e))
        #expect(plan.projects.count == 5)
        #expect(plan.remaining.value(in: .tonneCO2e) == 500)
        #expect(plan.interacting)
    }
}

/// A cap's gap by hand: forecast 1,200 t against a limit of 1,000 t leaves 200 t; projects of 80 t
/// (from 2025) and 50 t (2026) count by 2026, one of 500 t from 2028 does not: 130 ÷ 200 = 65 %.
@Suite("The gap linked projects close")
struct GapCoverageTests {
    @Test("projects in time count; late ones are named; a share of the gap, capped at all of it")
    func coverage() {
        let coverage = GapCoverage(
            forecast: 1_200, limit: 1_000, year: 2026,
            projects: [("A", 2025, 80), ("B", 2026, 50), ("C", 2028, 500)])
        #expect(coverage.gap == 200)
        #expect(coverage.saved == 130)
        #expect(coverage.closedShare == 0.65)
        #expect(coverage.remaining == 70)
        #expect(coverage.counted == ["A", "B"] && coverage.late == ["C"])
        let more = GapCoverage(forecast: 1_200, limit: 1_000, year: 2030, projects: [("C", 2028, 500)])
        #expect(more.closedShare == 1 && more.remaining == 0)
        let onCourse = GapCoverage(forecast: 900, limit: 1_000, year: 2026, projects: [("A", 2025, 80)])
        #expect(onCourse.gap == 0 && onCourse.closedShare == nil)
    }
}

import Accounting
import Governance
import Testing

/// Each expected value is worked by hand in the comment above it.
@Suite("Target progress: each kind, pro rata and seasonal, lights at the edges")
struct ProgressTests {
    @Test("a carbon cap, pro rata: 6 months of 100 t against a 1,000 t cap")
    func capProRata() {
        let target = Target(indicator: .carbonTotal, kind: .cap(carbon(1_000)), firstYear: 2024)
        let figures = [2024: year(Array(repeating: month(carbon: 100), count: 6))]
        let p = ProgressEvaluator.evaluate(target, figures: figures)
        // to date 600; expected 1,000 × 6/12 = 500; forecast 600 ÷ 0.5 = 1,200; ratio 1.2 → red.
        #expect(p.throughMonth == 6)
        #expect(isClose(p.toDate?.value, 600))
        #expect(isClose(p.expectedToDate?.value, 500))
        #expect(isClose(p.forecast?.value, 1_200))
        #expect(isClose(p.ratio, 1.2))
        #expect(p.light == .red)
        #expect(p.reasons.contains(.aheadOfExpected(ratio: 1.2)))
    }

    @Test("a coal cap, pro rata: 4 months of 30 tce of coal within 100 tce of energy, against a 300 tce cap")
    func coalCap() {
        var coalMonth = month(energy: 100)
        coalMonth.coal = StandardCoal(30, .tonneCoalEquivalent)
        let target = Target(
            indicator: .coalTotal, kind: .cap(IndicatorAmount(300, of: .coalTotal)), firstYear: 2024)
        let p = ProgressEvaluator.evaluate(target, figures: [2024: year(Array(repeating: coalMonth, count: 4))])
        // Coal only, not the energy around it: to date 120; expected 300 × 4/12 = 100; forecast
        // 120 ÷ (4/12) = 360; ratio 1.2 → red.
        #expect(isClose(p.toDate?.value, 120))
        #expect(isClose(p.expectedToDate?.value, 100))
        #expect(isClose(p.forecast?.value, 360))
        #expect(p.light == .red && p.toDate?.indicator == .coalTotal)
        #expect(TargetIndicator.coalTotal.name(in: .zh) == "煤炭消费总量" && TargetIndicator.coalTotal.symbol == "tce")
        #expect(!TargetIndicator.ranked.contains(.coalTotal))
    }

    @Test("seasonal: last year's first quarter held 40 % of its year")
    func seasonal() {
        // Last year: Jan–Mar 200 t each (600), Apr–Dec 100 t each (900): 1,500 t; share by March 0.4.
        let last = year(Array(repeating: month(carbon: 200), count: 3) + Array(repeating: month(carbon: 100), count: 9))
        let now = year(Array(repeating: month(carbon: 180), count: 3))
        let target = Target(
            indicator: .carbonTotal, kind: .cap(carbon(1_500)), firstYear: 2024, expectation: .seasonal)
        let p = ProgressEvaluator.evaluate(target, figures: [2023: last, 2024: now])
        // to date 540; expected 1,500 × 0.4 = 600; forecast 540 ÷ 0.4 = 1,350; ratio 0.9 → green.
        #expect(isClose(p.expectedToDate?.value, 600))
        #expect(isClose(p.forecast?.value, 1_350))
        #expect(isClose(p.ratio, 0.9))
        #expect(p.light == .green)
        #expect(p.expectation == .seasonal)
        // Pro rata the same data would forecast 540 × 4 = 2,160: red.
        var proRata = target
        proRata.expectation = .proRata
        #expect(isClose(ProgressEvaluator.evaluate(proRata, figures: [2023: last, 2024: now]).forecast?.value, 2_160))
    }

    @Test("seasonal without last year's twelve months falls back to pro rata and says so")
    func seasonalFallsBack() {
        let target = Target(indicator: .carbonTotal, kind: .cap(carbon(1_200)), firstYear: 2024, expectation: .seasonal)
        let p = ProgressEvaluator.evaluate(
            target, figures: [2023: year([month(carbon: 1)]), 2024: year([month(carbon: 100), month(carbon: 100)])])
        #expect(p.expectation == .proRata)
        #expect(p.reasons.contains(.seasonalFellBack))
        #expect(isClose(p.forecast?.value, 1_200))
    }

    @Test(
        "lights at the thresholds' edges: 0.95 yellow, 1.0 yellow, just above 1.0 red, just below 0.95 green",
        arguments: [
            (0.9499, TrafficLight.green), (0.95, .yellow), (1.0, .yellow), (1.0001, .red),
        ])
    func edges(ratio: Double, light: TrafficLight) {
        // A whole year at `ratio` × 1,200 against a 1,200 t cap: the forecast is the year itself.
        let target = Target(indicator: .carbonTotal, kind: .cap(carbon(1_200)), firstYear: 2024)
        let p = ProgressEvaluator.evaluate(target, figures: [2024: flatYear(carbonPerMonth: 100 * ratio)])
        #expect(isClose(p.ratio, ratio))
        #expect(p.light == light)
        #expect(TrafficLightThresholds().light(for: ratio) == light)
    }

    @Test("thresholds are the target's own")
    func ownThresholds() {
        let thresholds = TrafficLightThresholds(yellowFrom: 0.8, redAbove: 0.9)
        #expect(thresholds.light(for: 0.79) == .green)
        #expect(thresholds.light(for: 0.8) == .yellow)
        #expect(thresholds.light(for: 0.9) == .yellow)
        #expect(thresholds.light(for: 0.91) == .red)
    }

    @Test("a carbon-intensity reduction from a base year, at constant prices")
    func intensityReduction() {
        // 2020: 1,200 t over value added of 2,400 万元 at 2020 prices → 0.5 t/万元.
        // 2024: value added 3,300 万元 at current prices, price index 110 (2020 = 100) → 3,000 at constant prices.
        let constant = atConstantPrices(Money(3_300, .tenThousandYuan), priceIndex: 110).value(in: .tenThousandYuan)
        #expect(isClose(constant, 3_000))
        let target = Target(
            indicator: .carbonIntensity, kind: .reduction(fraction: 0.18, baseYear: 2020), firstYear: 2021,
            lastYear: 2025)
        let figures = [
            2020: flatYear(carbonPerMonth: 100, valueAdded: 2_400),
            2024: year(Array(repeating: month(carbon: 110), count: 6), valueAdded: constant),
        ]
        let p = ProgressEvaluator.evaluate(target, figures: figures)
        // Limit in 2024: 0.5 × (1 − 0.18)^((2024 − 2020) ÷ (2025 − 2020)) = 0.5 × 0.82^0.8 = 0.426321…
        let limit = 0.5 * pow(0.82, 0.8)
        #expect(isClose(p.limit?.value, limit))
        #expect(isClose(p.periodEndLimit?.value, 0.41))
        // Forecast: 660 t in 6 months → 1,320 t for the year ÷ 3,000 万元 = 0.44 t/万元.
        #expect(isClose(p.forecast?.value, 0.44))
        #expect(isClose(p.toDate?.value, 0.44))
        #expect(isClose(p.expectedToDate?.value, limit))
        // 0.44 ÷ 0.426321 = 1.0321 → red.
        #expect(isClose(p.ratio, 0.44 / limit))
        #expect(p.light == .red)
    }

    @Test("an energy-intensity level with output value as the base")
    func intensityLevel() {
        let target = Target(
            indicator: .energyIntensity, kind: .cap(IndicatorAmount(0.25, of: .energyIntensity)), firstYear: 2024,
            basis: TargetBasis(economicBase: .outputValue))
        var figures = year(Array(repeating: month(energy: 20), count: 12))
        figures.year.figures.outputValue = Money(1_000, .tenThousandYuan)
        let p = ProgressEvaluator.evaluate(target, figures: [2024: figures])
        // 240 tce ÷ 1,000 万元 = 0.24 t/万元; 0.24 ÷ 0.25 = 0.96 → yellow.
        #expect(isClose(p.forecast?.value, 0.24))
        #expect(p.light == .yellow)
    }

    @Test("an intensity without an economic base is unknown, and says why")
    func intensityWithoutBase() {
        let target = Target(
            indicator: .carbonIntensity, kind: .cap(IndicatorAmount(1, of: .carbonIntensity)), firstYear: 2024)
        let p = ProgressEvaluator.evaluate(target, figures: [2024: flatYear(carbonPerMonth: 1)])
        #expect(p.light == .unknown)
        #expect(p.reasons.contains(.noEconomicBase(year: 2024)))
    }

    @Test("an energy cap with green power and feedstock deducted")
    func energyDeductions() {
        // Each month 110 tce of which 10 tce is green power; 120 tce of feedstock recorded for the year.
        let basis = TargetBasis(
            deductGreenPower: true, deductions: [2024: Deduction(feedstock: StandardCoal(120, .tonneCoalEquivalent))])
        let target = Target(
            indicator: .energyTotal, kind: .cap(IndicatorAmount(1_000, of: .energyTotal)), firstYear: 2024,
            basis: basis)
        let figures = year(Array(repeating: month(energy: 110, greenPowerEnergy: 10), count: 6))
        let p = ProgressEvaluator.evaluate(target, figures: [2024: figures])
        // Months: 100 tce each after green power → 600; forecast 600 ÷ 0.5 − 120 = 1,080;
        // to date 600 − 120 × 0.5 = 540; ratio 1.08 → red.
        #expect(isClose(p.forecast?.value, 1_080))
        #expect(isClose(p.toDate?.value, 540))
        #expect(p.light == .red)
    }

    @Test("a five-year cap follows a straight path from the year before the plan")
    func planCap() {
        // 2020 actual 1,200 t; cap 1,000 t in 2025: 2023's milestone 1,200 + (1,000 − 1,200) × 3/5 = 1,080.
        let target = Target(indicator: .carbonTotal, kind: .cap(carbon(1_000)), firstYear: 2021, lastYear: 2025)
        #expect(isClose(target.limit(in: 2023, startValue: carbon(1_200))?.value, 1_080))
        #expect(isClose(target.limit(in: 2025, startValue: carbon(1_200))?.value, 1_000))
        // A milestone set by hand wins.
        var set = target
        set.milestones = [2023: carbon(1_050)]
        #expect(set.limit(in: 2023, startValue: carbon(1_200))?.value == 1_050)
        // Forecast to 2025 from the trend: 2021 1,140, 2022 1,080, 2023 1,020 (whole years) → 900.
        let figures = [
            2020: flatYear(carbonPerMonth: 100), 2021: flatYear(carbonPerMonth: 95), 2022: flatYear(carbonPerMonth: 90),
            2023: flatYear(carbonPerMonth: 85),
        ]
        let p = ProgressEvaluator.evaluate(target, figures: figures)
        #expect(p.year == 2023)
        #expect(isClose(p.limit?.value, 1_080))
        #expect(isClose(p.periodEndForecast?.value, 900))
    }

    @Test("a peak target after its year: above the highest earlier year is red")
    func peakAfter() {
        let target = Target(indicator: .carbonTotal, kind: .peak(year: 2023), firstYear: 2021, lastYear: 2030)
        let figures = [
            2022: flatYear(carbonPerMonth: 100), 2023: flatYear(carbonPerMonth: 105),
            2024: year(Array(repeating: month(carbon: 110), count: 6)),
        ]
        let p = ProgressEvaluator.evaluate(target, figures: figures)
        // Highest earlier: 2023's 1,260; forecast 2024: 660 × 2 = 1,320; ratio 1.047619 → red.
        #expect(isClose(p.limit?.value, 1_260))
        #expect(isClose(p.ratio, 1_320.0 / 1_260))
        #expect(p.light == .red)
        // Falling 10 % below the peak: green.
        let falling = [2023: flatYear(carbonPerMonth: 100), 2024: flatYear(carbonPerMonth: 90)]
        #expect(ProgressEvaluator.evaluate(target, figures: falling).light == .green)
    }

    @Test("a peak target before its year: growth not slowing two years out is yellow")
    func peakBefore() {
        let target = Target(indicator: .carbonTotal, kind: .peak(year: 2026), firstYear: 2021, lastYear: 2030)
        // 2022 1,000 → 2023 1,050 (+5 %) → 2024 1,113 (+6 %): not slowing, 2 years out → yellow.
        let rising = [
            2022: flatYear(carbonPerMonth: 1_000 / 12), 2023: flatYear(carbonPerMonth: 1_050 / 12),
            2024: flatYear(carbonPerMonth: 1_113 / 12),
        ]
        let p = ProgressEvaluator.evaluate(target, figures: rising)
        #expect(p.light == .yellow)
        #expect(p.reasons.contains { if case .growthNotSlowing = $0 { true } else { false } })
        // Slowing (+5 % then +2 %): green.
        var slowing = rising
        slowing[2024] = flatYear(carbonPerMonth: 1_071 / 12)
        #expect(ProgressEvaluator.evaluate(target, figures: slowing).light == .green)
        // Three years out, not slowing: still green.
        var later = target
        later.kind = .peak(year: 2027)
        #expect(ProgressEvaluator.evaluate(later, figures: rising).light == .green)
    }

    @Test("no figures: unknown")
    func noFigures() {
        let target = Target(indicator: .carbonTotal, kind: .cap(carbon(1)), firstYear: 2024)
        let p = ProgressEvaluator.evaluate(target, figures: [:])
        #expect(p.light == .unknown)
        #expect(p.reasons == [.noFigures])
    }

    @Test("targets that cannot be kept are refused with the field named")
    func problems() {
        #expect(Target(indicator: .carbonTotal, kind: .cap(carbon(0)), firstYear: 2024).problem() == .amount)
        #expect(
            Target(indicator: .carbonTotal, kind: .reduction(fraction: 1, baseYear: 2020), firstYear: 2024).problem()
                == .fraction)
        #expect(
            Target(indicator: .carbonTotal, kind: .reduction(fraction: 0.1, baseYear: 2024), firstYear: 2024)
                .problem() == .baseYear)
        #expect(Target(indicator: .energyTotal, kind: .peak(year: 2030), firstYear: 2024).problem() == .peakNeedsCarbon)
        #expect(
            Target(indicator: .carbonTotal, kind: .cap(carbon(1)), firstYear: 2025, lastYear: 2024).problem() == .years
        )
        #expect(
            Target(
                indicator: .carbonTotal, kind: .cap(carbon(1)), firstYear: 2024,
                thresholds: TrafficLightThresholds(yellowFrom: 1.1, redAbove: 1.0)
            ).problem() == .thresholds)
        #expect(TargetProblem.fraction.message(.zh).hasPrefix("reduction"))
    }
}

import Foundation

import Accounting
import Assets
import Testing

/// The product method of GB/T 13234: ΔE_c = Σ (e_b − e_j) × M_b, negative when energy was saved.
@Suite("Savings by the product method of GB/T 13234")
struct ProductUnitSavingsTests {
    /// The worked example published at https://dawenbaishu.com/life/45334.html (a public page on
    /// 节能量 by unit consumption, S): last year 22,400 tce for 56,000 units of output, this year
    /// 29,640 tce for 78,000; "(22400/56000 − 29640/78000) × 78000 = 1560 吨 (正数为节能)", the page
    /// writing the formula per 总产量 (output quantity). GB/T 13234 writes the same difference the
    /// other way round (reporting − baseline, negative a saving): ΔE_c = −1,560 tce.
    @Test("the published example: 1,560 tce saved")
    func publishedExample() {
        let savings = ProductUnitSavings(products: [
            .init(
                name: "产品", baselinePerUnit: 22_400.0 / 56_000, reportingPerUnit: 29_640.0 / 78_000,
                reportingOutput: 78_000, unit: "t")
        ])
        #expect(abs(savings.change - -1_560) < 1e-9)
        #expect(abs(savings.saved - 1_560) < 1e-9)
        #expect(savings.problems.isEmpty)
        #expect(savings.saving.item == "烟煤" && savings.saving.unit == "tce")
    }

    /// By hand: product A 1.20 → 1.10 tce/t on 10,000 t (−1,000 tce), product B 0.50 → 0.55 tce/t on
    /// 4,000 t (+200 tce): ΔE_c = −800 tce, 800 tce saved.
    @Test("several products: the sum of each product's term, a rise in one offsetting the others")
    func severalProducts() {
        let savings = ProductUnitSavings(
            products: [
                .init(name: "A", baselinePerUnit: 1.20, reportingPerUnit: 1.10, reportingOutput: 10_000),
                .init(name: "B", baselinePerUnit: 0.50, reportingPerUnit: 0.55, reportingOutput: 4_000),
            ], carrier: "无烟煤")
        #expect(abs(savings.change - -800) < 1e-9)
        #expect(savings.saving.item == "无烟煤")
    }

    @Test("bad figures are named by product and field; no change and a carrier that is no fuel are refused")
    func badFigures() {
        let bad = ProductUnitSavings(products: [
            .init(name: "", baselinePerUnit: -1, reportingPerUnit: nil, reportingOutput: 0),
            .init(name: "B", baselinePerUnit: 1, reportingPerUnit: 1e13, reportingOutput: 5),
        ])
        #expect(
            bad.problems.map(\.field) == [
                "product_unit.products[1].name", "product_unit.products[1].baseline_per_unit",
                "product_unit.products[1].reporting_per_unit", "product_unit.products[1].reporting_output",
                "product_unit.products[2].reporting_per_unit",
            ])
        let same = ProductUnitSavings(products: [.init(name: "A", baselinePerUnit: 1, reportingPerUnit: 1, reportingOutput: 9)])
        #expect(same.problems.map(\.kind) == [.noChange])
        var electricity = ProductUnitSavings(products: [.init(name: "A", baselinePerUnit: 1, reportingPerUnit: 0.9, reportingOutput: 9)])
        electricity.carrier = "电力"
        #expect(electricity.problems.map(\.field) == ["product_unit.carrier"])
        electricity.carrier = "月光"
        #expect(electricity.problems.map(\.kind) == [.unknownItem])
        #expect(ProductUnitSavings(products: []).problems.map(\.field) == ["product_unit.products"])
    }

    /// 1,560 tce of bituminous coal through the cited library: 1,560 × 29.307 GJ/tce (STDCOAL-037)
    /// × 0.0261 tC/GJ (FUEL15-006) × 0.93 (FUEL15-007) × 44/12 = 4,069.03 tCO2 — a coal coefficient of
    /// 2.608352 tCO2 per tce, every part of it a cited factor in the saving's lineage.
    @Test("the saving's CO2e comes from the coal's cited factors: 2.608 tCO2 per tce of bituminous coal")
    func coalCoefficient() throws {
        let result = try Self.bituminousSaving(1_560)
        let coefficient = 29.307 * 0.0261 * 0.93 * 44 / 12
        #expect(abs(coefficient - 2.608352) < 1e-6)
        #expect(abs(result.avoidedLocationBased.value(in: .tonneCO2e) - 1_560 * coefficient) < 1e-6)
        #expect(abs(result.energyEquivalent.value(in: .tonneCoalEquivalent) - 1_560) < 1e-9)
        let ids = Set(result.lines.flatMap(\.factors).compactMap { $0.entry?.id })
        #expect(ids == ["STDCOAL-037", "FUEL15-006", "FUEL15-007"])
    }

    /// A project saving `tce` of bituminous coal, through the bundled library.
    static func bituminousSaving(_ tce: Double) throws -> ProjectSavings {
        let saving = ProjectSaving(
            item: try #require(ItemCatalog.bundled.item(named: "烟煤")),
            quantity: PhysicalQuantity(tce, .standardCoal(.tonneCoalEquivalent)))
        let project = ReductionProject(
            code: "P1", name: "工艺改进", unitCode: "U1", region: RegionCode("510104")!, type: .processChange,
            firstYear: 2024, lifetimeYears: 10, capex: Money(100, .tenThousandYuan), savings: [saving])
        return try ProjectSavingsCalculator(library: try FactorLibrary.standard()).savings(of: project)
    }

    /// The figures groups report for a biogas plant — "年节能量 1.7 万吨标准煤（等价值），减少二氧化碳排放
    /// 4.6 万吨" — against the library's coal coefficient (above, 2.608): some saving that rounds to
    /// 1.7 万 tce gives CO2 that rounds to 4.6 万 t (1.7445–1.75 万 tce × 2.608 = 4.55–4.56 万 t), so the
    /// pair is consistent with it within the figures' rounding; 1.7 万 tce exactly would be 4.43 万 t.
    /// (The demo's biogas plants reproduce 4.60 万 t from their carriers, natural gas and methane:
    /// AssetStoreTests.)
    @Test("the seed figures are consistent with the cited coal coefficient within their rounding")
    func seedFigures() throws {
        let coefficient = try Self.bituminousSaving(1).avoidedLocationBased.value(in: .tonneCO2e)
        let energy = (low: 1.65, high: 1.75), co2 = (low: 4.55, high: 4.65)
        let overlap = (low: max(energy.low, co2.low / coefficient), high: min(energy.high, co2.high / coefficient))
        #expect(overlap.low < overlap.high)
        #expect(((1.7 * coefficient) * 100).rounded() / 100 == 4.43)
    }
}

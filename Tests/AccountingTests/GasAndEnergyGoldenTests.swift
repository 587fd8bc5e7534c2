import Accounting
import Testing

/// Non-CO2 gases (mass × GWP; GWPs from the GHG Protocol table of Feb 2016 for SAR/AR4/AR5 and
/// IPCC AR6 WGI Table 7.SM.7 / 7.15 for AR6, china-data.md §5) and energy in tce (GB/T 2589
/// Appendix A coefficients, china-data.md §1.3; coal rates of power supply, §1.2).
@Suite("Golden: gases and comprehensive energy")
struct GasAndEnergyGoldenTests {
    struct GWPCase: Sendable, CustomTestStringConvertible {
        let gas: String
        let set: GWPSet
        let gwp: Double
        var testDescription: String { "\(gas) \(set.rawValue) = \(gwp)" }
    }

    static let gwps: [GWPCase] = [
        GWPCase(gas: "甲烷", set: .sar, gwp: 21), GWPCase(gas: "甲烷", set: .ar4, gwp: 25),
        GWPCase(gas: "甲烷", set: .ar5, gwp: 28), GWPCase(gas: "甲烷", set: .ar6, gwp: 27.9),
        GWPCase(gas: "化石甲烷", set: .ar6, gwp: 29.8), GWPCase(gas: "非化石甲烷", set: .ar6, gwp: 27.0),
        GWPCase(gas: "氧化亚氮", set: .sar, gwp: 310), GWPCase(gas: "N2O", set: .ar4, gwp: 298),
        GWPCase(gas: "n2o", set: .ar5, gwp: 265), GWPCase(gas: "氧化亚氮", set: .ar6, gwp: 273),
        GWPCase(gas: "六氟化硫", set: .sar, gwp: 23_900), GWPCase(gas: "SF6", set: .ar4, gwp: 22_800),
        GWPCase(gas: "六氟化硫", set: .ar5, gwp: 23_500), GWPCase(gas: "六氟化硫", set: .ar6, gwp: 25_200),
        GWPCase(gas: "三氟化氮", set: .ar4, gwp: 17_200), GWPCase(gas: "NF3", set: .ar5, gwp: 16_100),
        GWPCase(gas: "三氟化氮", set: .ar6, gwp: 17_400), GWPCase(gas: "HFC-134a", set: .ar5, gwp: 1_300),
        GWPCase(gas: "HFC-23", set: .ar6, gwp: 14_600), GWPCase(gas: "四氟化碳", set: .ar5, gwp: 6_630),
        GWPCase(gas: "六氟乙烷", set: .ar4, gwp: 12_200),
    ]

    @Test("mass × GWP of the chosen set", arguments: gwps)
    func gas_usesGWPOfChosenSet(_ c: GWPCase) throws {
        let line = try Fixture.line(Fixture.record(c.gas, 1500, "kg"), options: CalculationOptions(gwp: c.set))
        #expect(isClose(Fixture.tonnes(line.locationBased), 1.5 * c.gwp))
        #expect(line.gasMass?.value(in: .tonne) == 1.5)
        #expect(isClose(Fixture.tce(line.energyCalorific), 0))
    }

    @Test("fossil methane under AR5 uses the single CH4 value, and says so")
    func fossilMethane_underAR5UsesCH4() throws {
        let line = try Fixture.line(Fixture.record("化石甲烷", 1, "t"), options: CalculationOptions(gwp: .ar5))
        #expect(Fixture.tonnes(line.locationBased) == 28)
        #expect(line.factors[0].notes == [.singleMethaneGWP(.ar5)])
        #expect(line.gas == "CH4")
    }

    @Test("NF3 has no SAR value: the row is rejected, telling the user to choose another set")
    func nf3_underSARIsRejected() {
        let calculator = InventoryCalculator(library: Fixture.library, options: CalculationOptions(gwp: .sar))
        #expect {
            try calculator.calculate([Fixture.record("三氟化氮", 1, "t")])
        } throws: { error in
            guard let issues = error as? InputIssues else { return false }
            return issues.issues.count == 1 && issues.issues[0].message(in: .zh).contains("SAR 没有给出“三氟化氮”的 GWP")
        }
    }

    // tce: 当量值 from GB/T 2589 Appendix A; 等价值 of electricity from the previous year's coal rate.

    @Test("electricity: 1,000,000 kWh is 122.9 tce at 0.1229 kgce/kWh")
    func electricity_calorificValue() throws {
        let line = try Fixture.line(Fixture.record("电力", 1_000_000, "kWh", period: "2021-05"))
        #expect(isClose(Fixture.tce(line.energyCalorific), 122.9))
    }

    @Test("electricity 等价值 of 2021 uses the 2020 coal rate, 305.5 gce/kWh")
    func electricity_equivalentUsesPreviousYear() throws {
        let line = try Fixture.line(Fixture.record("电力", 1_000_000, "kWh", period: "2021-05"))
        #expect(isClose(Fixture.tce(line.energyEquivalent), 305.5))
        let rate = try #require(line.factors.first { $0.kind == .coalRate })
        #expect(rate.entry?.id == "EQV-001")
        #expect(rate.notes == [.previousYearCoalRate(activityYear: 2021)])
    }

    @Test("electricity 等价值 of 2025 uses the 2024 coal rate, 302.4 gce/kWh")
    func electricity_equivalentOf2025() throws {
        let line = try Fixture.line(Fixture.record("电力", 1000, "MWh", period: "2025-01"))
        #expect(isClose(Fixture.tce(line.energyEquivalent), 302.4))
    }

    @Test("fuels with a GB/T 2589 coefficient: diesel 1.4571, natural gas 1.33 kgce/m3, coke 0.9714")
    func fuels_useAppendixACoefficients() throws {
        let diesel = try Fixture.line(Fixture.record("柴油", 10, "t"))
        #expect(isClose(Fixture.tce(diesel.energyCalorific), 14.571))
        #expect(isClose(Fixture.tce(diesel.energyEquivalent), 14.571))
        let gas = try Fixture.line(Fixture.record("天然气", 10, "万立方米"))
        #expect(isClose(Fixture.tce(gas.energyCalorific), 133))
        let coke = try Fixture.line(Fixture.record("焦炭", 1000, "kg"))
        #expect(isClose(Fixture.tce(coke.energyCalorific), 0.9714))
    }

    @Test("a fuel without a coefficient is converted by its heat: NCV ÷ 29 307 kJ/kgce")
    func fuels_withoutCoefficientUseHeat() throws {
        let line = try Fixture.line(Fixture.record("烟煤", 100, "t"))
        #expect(isClose(Fixture.tce(line.energyCalorific), 100 * 19.570 / 29.307))
        let heatFactor = try #require(line.factors.first { $0.kind == .standardCoalHeat })
        #expect(heatFactor.notes == [.coalEquivalentFromHeat])
    }

    @Test("a measured NCV decides the tce as well (GB/T 2589: measured heat values first)")
    func fuels_measuredNCVDecidesTce() throws {
        let measured = MeasuredParameters(netCalorificValue: .init(gigajoulesPerBaseUnit: 44.0, of: .mass))
        let line = try Fixture.line(Fixture.record("柴油", 10, "t", measured: measured))
        #expect(isClose(Fixture.tce(line.energyCalorific), 10 * 44.0 / 29.307))
    }

    @Test("heat: 1,000 GJ is 34.12 tce, 当量值 for both bases")
    func heat_calorificValue() throws {
        let line = try Fixture.line(Fixture.record("热力", 1000, "GJ"))
        #expect(isClose(Fixture.tce(line.energyCalorific), 34.12))
        #expect(isClose(Fixture.tce(line.energyEquivalent), 34.12))
    }
}

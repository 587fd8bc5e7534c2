import Accounting
import Testing

/// Fuel combustion, E = FC × NCV × CC × OF × 44/12 (NDRC guidelines; GB/T 32150-2015).
///
/// Each case checks two independent numbers: the hand computation from the default parameters of
/// the NDRC 2015 table (as listed in `docs/factor-library.md`), to floating-point precision; and
/// the emission factor EF = NCV × CC × OF × 44/12 printed, to four decimals, in the reference
/// tables PeakZero's data comes from (china-data.md §2.2, column "EF (derived)").
@Suite("Golden: fuel combustion")
struct FuelCombustionGoldenTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let item: String
        let quantity: Double
        let uom: String
        let ncv: Double, cc: Double, of: Double
        /// tCO2 per unit of the NCV's base (t or 10⁴ Nm³), four decimals, from the reference table.
        let publishedEF: Double
        var testDescription: String { "\(quantity) \(uom) \(item)" }
    }

    static let cases: [Case] = [
        Case(item: "烟煤", quantity: 100, uom: "t", ncv: 19.570, cc: 0.0261, of: 0.93, publishedEF: 1.7417),
        Case(item: "无烟煤", quantity: 250, uom: "吨", ncv: 26.7, cc: 0.0274, of: 0.94, publishedEF: 2.5215),
        Case(item: "褐煤", quantity: 40, uom: "t", ncv: 11.9, cc: 0.028, of: 0.96, publishedEF: 1.1729),
        Case(item: "焦炭", quantity: 12.5, uom: "t", ncv: 28.435, cc: 0.0295, of: 0.93, publishedEF: 2.8604),
        Case(item: "原油", quantity: 3, uom: "t", ncv: 41.816, cc: 0.0201, of: 0.98, publishedEF: 3.0202),
        Case(item: "燃料油", quantity: 7, uom: "t", ncv: 41.816, cc: 0.0211, of: 0.98, publishedEF: 3.1705),
        Case(item: "汽油", quantity: 5, uom: "t", ncv: 43.070, cc: 0.0189, of: 0.98, publishedEF: 2.9251),
        Case(item: "柴油", quantity: 10, uom: "t", ncv: 42.652, cc: 0.0202, of: 0.98, publishedEF: 3.0959),
        Case(item: "液化石油气", quantity: 2, uom: "t", ncv: 50.179, cc: 0.0172, of: 0.98, publishedEF: 3.1013),
        Case(item: "液化天然气", quantity: 8, uom: "t", ncv: 51.498, cc: 0.0153, of: 0.98, publishedEF: 2.8313),
        Case(item: "天然气", quantity: 10, uom: "万Nm3", ncv: 389.31, cc: 0.0153, of: 0.99, publishedEF: 21.6219),
        Case(item: "焦炉煤气", quantity: 4, uom: "万立方米", ncv: 179.81, cc: 0.01358, of: 0.99, publishedEF: 8.8638),
        Case(item: "高炉煤气", quantity: 100, uom: "万Nm3", ncv: 33.00, cc: 0.0708, of: 0.99, publishedEF: 8.4811),
        Case(item: "转炉煤气", quantity: 20, uom: "万Nm3", ncv: 84.00, cc: 0.0496, of: 0.99, publishedEF: 15.1240),
    ]

    @Test("default parameters, NDRC 2015 set", arguments: cases)
    func emissions_matchHandComputationAndPublishedEF(_ c: Case) throws {
        let line = try Fixture.line(Fixture.record(c.item, c.quantity, c.uom))
        let handComputed = c.quantity * c.ncv * c.cc * c.of * 44 / 12
        #expect(isClose(Fixture.tonnes(line.locationBased), handComputed))
        // The published EF has four decimals: agree to within half a unit of its last place.
        #expect(abs(Fixture.tonnes(line.locationBased) / c.quantity - c.publishedEF) <= 0.00005)
        #expect(line.scope == .scope1)
        #expect(line.gas == "CO2")
    }

    @Test("a quantity written in kg or in m3 gives the same emissions as in t or 10^4 Nm3")
    func emissions_doNotDependOnUnitOfMeasure() throws {
        let tonnes = try Fixture.line(Fixture.record("柴油", 10, "t"))
        let kilograms = try Fixture.line(Fixture.record("柴油", 10_000, "千克"))
        #expect(isClose(Fixture.tonnes(tonnes.locationBased), Fixture.tonnes(kilograms.locationBased)))
        let tenThousand = try Fixture.line(Fixture.record("天然气", 3.5, "万立方米"))
        let cubic = try Fixture.line(Fixture.record("天然气", 35_000, "m3"))
        #expect(isClose(Fixture.tonnes(tenThousand.locationBased), Fixture.tonnes(cubic.locationBased)))
    }

    @Test("measured NCV, carbon content and oxidation rate override the defaults")
    func emissions_useMeasuredParametersOverDefaults() throws {
        let measured = MeasuredParameters(
            netCalorificValue: .init(gigajoulesPerBaseUnit: 21.3, of: .mass),
            carbonContent: CarbonContent(0.0258, .tonneCarbon, per: .gigajoule), oxidationRate: Fraction(0.92))
        let line = try Fixture.line(Fixture.record("烟煤", 1100, "t", measured: measured))
        // Hand computation with the measured values only.
        #expect(isClose(Fixture.tonnes(line.locationBased), 1100 * 21.3 * 0.0258 * 0.92 * 44 / 12))
        #expect(line.factors.filter { $0.kind != .standardCoalHeat }.allSatisfy { $0.entry == nil })
    }

    @Test("a measured NCV alone keeps the default CC and OF")
    func emissions_mixMeasuredNCVWithDefaultCarbon() throws {
        let measured = MeasuredParameters(netCalorificValue: .init(gigajoulesPerBaseUnit: 380.0, of: .volume))
        let line = try Fixture.line(Fixture.record("天然气", 10, "万Nm3", measured: measured))
        #expect(isClose(Fixture.tonnes(line.locationBased), 10 * 380.0 * 0.0153 * 0.99 * 44 / 12))
        #expect(line.factors.first { $0.kind == .carbonContent }?.entry?.id == "FUEL15-082")
    }

    @Test("the 2013 set gives natural gas its more precise carbon content, 15.32 tC/TJ")
    func emissions_use2013SetWhenAsked() throws {
        let options = CalculationOptions(fuelParameters: .ndrc2013)
        let line = try Fixture.line(Fixture.record("天然气", 10, "万Nm3"), options: options)
        #expect(isClose(Fixture.tonnes(line.locationBased), 10 * 389.31 * 0.01532 * 0.99 * 44 / 12))
    }

    @Test("the 2013 set has no coal rows, so bituminous coal falls back to the 2015 set and says so")
    func emissions_fallBackTo2015ForCoalUnder2013() throws {
        let options = CalculationOptions(fuelParameters: .ndrc2013)
        let line = try Fixture.line(Fixture.record("烟煤", 100, "t"), options: options)
        #expect(isClose(Fixture.tonnes(line.locationBased), 100 * 19.570 * 0.0261 * 0.93 * 44 / 12))
        let ncv = try #require(line.factors.first { $0.kind == .ncv })
        #expect(ncv.notes.contains(.otherParameterSet(preferred: "NDRC-2013", used: "NDRC-2015")))
    }

    @Test("a fuel given in GJ or tce is burned by its heat: 1 tce = 29.307 GJ (GB/T 2589)")
    func emissions_ofFuelGivenByHeat() throws {
        let byHeat = try Fixture.line(Fixture.record("柴油", 426.52, "GJ"))
        #expect(isClose(Fixture.tonnes(byHeat.locationBased), 426.52 * 0.0202 * 0.98 * 44 / 12))
        let byCoal = try Fixture.line(Fixture.record("柴油", 100, "tce"))
        #expect(isClose(Fixture.tonnes(byCoal.locationBased), 100 * 29.307 * 0.0202 * 0.98 * 44 / 12))
        #expect(isClose(Fixture.tce(byCoal.energyCalorific), 100))
    }

    @Test("raw coal has no default carbon content: the row is rejected with what to enter")
    func rawCoal_withoutMeasuredCarbonIsRejected() throws {
        let calculator = InventoryCalculator(library: Fixture.library)
        #expect(throws: InputIssues.self) { try calculator.calculate([Fixture.record("原煤", 10, "t")]) }
        do throws(InputIssues) {
            _ = try calculator.calculate([Fixture.record("原煤", 10, "t")])
        } catch {
            #expect(error.issues.map(\.column) == ["carbon_content", "oxidation_rate"])
            #expect(error.issues[0].row == 2)
            #expect(error.issues[0].message(in: .en).contains("has no default carbon content per heat"))
        }
        let measured = MeasuredParameters(
            carbonContent: CarbonContent(0.0262, .tonneCarbon, per: .gigajoule), oxidationRate: Fraction(0.93))
        let line = try Fixture.line(Fixture.record("原煤", 10, "t", measured: measured))
        // NCV from GB/T 2589 Appendix A (20 908 kJ/kg), CC and OF measured.
        #expect(isClose(Fixture.tonnes(line.locationBased), 10 * 20.908 * 0.0262 * 0.93 * 44 / 12))
    }
}

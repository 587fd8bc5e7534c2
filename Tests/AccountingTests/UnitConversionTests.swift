import Accounting
import PropertyBased
import Testing

@Suite("Units of measure")
struct UnitConversionTests {
    /// Every spelling the parser accepts, with the unit it must mean.
    static let spellings: [(String, UnitOfMeasure)] = [
        ("t", .mass(.tonne)), ("吨", .mass(.tonne)), ("T", .mass(.tonne)), ("kg", .mass(.kilogram)),
        ("千克", .mass(.kilogram)), ("公斤", .mass(.kilogram)), ("万t", .mass(.tenThousandTonnes)),
        ("万吨", .mass(.tenThousandTonnes)),
        ("m3", .volume(.normalCubicMetre)), ("m³", .volume(.normalCubicMetre)), ("Nm3", .volume(.normalCubicMetre)),
        ("立方米", .volume(.normalCubicMetre)), ("标准立方米", .volume(.normalCubicMetre)),
        ("万Nm3", .volume(.tenThousandNormalCubicMetres)), ("万m3", .volume(.tenThousandNormalCubicMetres)),
        ("万立方米", .volume(.tenThousandNormalCubicMetres)), ("10^4Nm3", .volume(.tenThousandNormalCubicMetres)),
        ("万 Nm³", .volume(.tenThousandNormalCubicMetres)), ("亿立方米", .volume(.hundredMillionNormalCubicMetres)),
        ("kWh", .energy(.kilowattHour)), ("KWH", .energy(.kilowattHour)), ("千瓦时", .energy(.kilowattHour)),
        ("度", .energy(.kilowattHour)), ("ｋＷｈ", .energy(.kilowattHour)), ("万千瓦时", .energy(.tenThousandKilowattHours)),
        ("万kWh", .energy(.tenThousandKilowattHours)), ("万度", .energy(.tenThousandKilowattHours)),
        ("MWh", .energy(.megawattHour)), ("兆瓦时", .energy(.megawattHour)), ("GWh", .energy(.gigawattHour)),
        ("kJ", .energy(.kilojoule)), ("MJ", .energy(.megajoule)), ("GJ", .energy(.gigajoule)),
        ("吉焦", .energy(.gigajoule)),
        ("百万千焦", .energy(.gigajoule)), ("TJ", .energy(.terajoule)),
        ("tce", .standardCoal(.tonneCoalEquivalent)), ("吨标准煤", .standardCoal(.tonneCoalEquivalent)),
        ("kgce", .standardCoal(.kilogramCoalEquivalent)), ("万吨标准煤", .standardCoal(.tenThousandTonnesCoalEquivalent)),
    ]

    @Test("parses the spellings users type", arguments: spellings)
    func parse_acceptsSpelling(_ text: String, _ expected: UnitOfMeasure) {
        #expect(UnitOfMeasure(parsing: text) == expected)
    }

    @Test("every table spelling parses to its own unit")
    func parse_everyTableSpellingRoundTrips() {
        for (spelling, unit) in UnitOfMeasure.acceptedSpellings {
            #expect(UnitOfMeasure(parsing: spelling) == unit, "\(spelling)")
        }
    }

    @Test(
        "rejects what it does not know", arguments: ["", "吨吨", "kwhh", "L", "升", "桶", "m2", "kt", "Wh", "kcal", "tCO2"])
    func parse_rejectsUnknown(_ text: String) {
        #expect(UnitOfMeasure(parsing: text) == nil)
    }

    /// Conversions to each family's base, from SI prefixes, 1 kWh = 3.6 MJ, and 万 = 10⁴.
    @Test("converts every unit to its base")
    func conversions_matchDefinitions() {
        #expect(Mass(1000, .kilogram).value(in: .tonne) == 1)
        #expect(Mass(1, .tenThousandTonnes).value(in: .kilogram) == 10_000_000)
        #expect(GasVolume(1, .tenThousandNormalCubicMetres).value(in: .normalCubicMetre) == 10_000)
        #expect(GasVolume(1, .hundredMillionNormalCubicMetres).value(in: .tenThousandNormalCubicMetres) == 10_000)
        #expect(isClose(Energy(1, .kilowattHour).value(in: .megajoule), 3.6))
        #expect(Energy(1, .megawattHour).value(in: .kilowattHour) == 1000)
        #expect(isClose(Energy(1, .megawattHour).value(in: .gigajoule), 3.6))
        #expect(Energy(1, .tenThousandKilowattHours).value(in: .megawattHour) == 10)
        #expect(Energy(1, .gigawattHour).value(in: .megawattHour) == 1000)
        #expect(isClose(Energy(1, .terajoule).value(in: .gigajoule), 1000))
        #expect(isClose(Energy(1000, .megajoule).value(in: .gigajoule), 1))
        #expect(isClose(Energy(1_000_000, .kilojoule).value(in: .gigajoule), 1))
        #expect(isClose(StandardCoal(1000, .kilogramCoalEquivalent).value(in: .tonneCoalEquivalent), 1))
        #expect(StandardCoal(1, .tenThousandTonnesCoalEquivalent).value(in: .tonneCoalEquivalent) == 10_000)
        #expect(isClose(StandardCoal(305.5, .gramCoalEquivalent).value(in: .kilogramCoalEquivalent), 0.3055))
        #expect(isClose(Emissions(1000, .kilogramCO2e).value(in: .tonneCO2e), 1))
        #expect(Emissions(1, .tenThousandTonnesCO2e).value(in: .tonneCO2e) == 10_000)
    }

    @Test("a rate applies through its own denominator: 0.5568 tCO2/MWh on 1,000 kWh is 0.5568 t")
    func rate_convertsQuantityIntoItsDenominator() {
        let grid = EmissionFactorPerEnergy(0.5568, .tonneCO2e, per: .megawattHour)
        #expect(isClose(grid.applied(to: Energy(1000, .kilowattHour)).value(in: .tonneCO2e), 0.5568))
        #expect(isClose(grid.value(in: .kilogramCO2e, per: .kilowattHour), 0.5568))
        let coal = Rate<StandardCoalUnit, EnergyUnit>(0.1229, .kilogramCoalEquivalent, per: .kilowattHour)
        #expect(isClose(coal.applied(to: Energy(1, .megawattHour)).value(in: .tonneCoalEquivalent), 0.1229))
    }

    @Test("adding quantities in different units adds the amounts, not the numbers")
    func sum_usesBaseUnit() {
        #expect(isClose((Mass(500, .kilogram) + Mass(1, .tonne)).value(in: .tonne), 1.5))
        #expect(Mass(1000, .kilogram) == Mass(1, .tonne))
    }

    // Property tests: conversions there and back are the identity, for every pair of units.

    @Test func roundTrip_mass() async {
        await propertyCheck(input: Gen.double(in: 0...1e9), Gen<MassUnit>.case, Gen<MassUnit>.case) { v, a, b in
            #expect(isClose(Mass(v, a).converted(to: b).value(in: a), v, relative: 1e-12))
        }
    }

    @Test func roundTrip_volume() async {
        await propertyCheck(input: Gen.double(in: 0...1e9), Gen<VolumeUnit>.case, Gen<VolumeUnit>.case) { v, a, b in
            #expect(isClose(GasVolume(v, a).converted(to: b).value(in: a), v, relative: 1e-12))
        }
    }

    @Test func roundTrip_energy() async {
        await propertyCheck(input: Gen.double(in: 0...1e9), Gen<EnergyUnit>.case, Gen<EnergyUnit>.case) { v, a, b in
            #expect(isClose(Energy(v, a).converted(to: b).value(in: a), v, relative: 1e-12))
        }
    }

    @Test func roundTrip_standardCoalAndEmissions() async {
        await propertyCheck(
            input: Gen.double(in: 0...1e9), Gen<StandardCoalUnit>.case, Gen<StandardCoalUnit>.case,
            Gen<EmissionUnit>.case
        ) { v, a, b, e in
            #expect(isClose(StandardCoal(v, a).converted(to: b).value(in: a), v, relative: 1e-12))
            #expect(isClose(Emissions(v, e).converted(to: .kilogramCO2e).value(in: e), v, relative: 1e-12))
        }
    }
}

@Suite("Totals do not depend on the unit a quantity is written in")
struct UnitIndependenceProperties {
    @Test func fuelByMass() async throws {
        await propertyCheck(input: Gen.double(in: 0...100_000), Gen<MassUnit>.case) { tonnes, unit in
            let reference = try Fixture.line(Fixture.record("柴油", tonnes, "t"))
            let written = try Fixture.line(Fixture.record("柴油", Mass(tonnes, .tonne).value(in: unit), unit.symbol))
            #expect(
                isClose(Fixture.tonnes(written.locationBased), Fixture.tonnes(reference.locationBased), relative: 1e-12)
            )
            #expect(
                isClose(Fixture.tce(written.energyCalorific), Fixture.tce(reference.energyCalorific), relative: 1e-12))
        }
    }

    @Test func gasByVolume() async throws {
        await propertyCheck(input: Gen.double(in: 0...10_000), Gen<VolumeUnit>.case) { tenThousand, unit in
            let reference = try Fixture.line(Fixture.record("天然气", tenThousand, "万Nm3"))
            let amount = GasVolume(tenThousand, .tenThousandNormalCubicMetres).value(in: unit)
            let written = try Fixture.line(Fixture.record("天然气", amount, unit.symbol))
            #expect(
                isClose(Fixture.tonnes(written.locationBased), Fixture.tonnes(reference.locationBased), relative: 1e-12)
            )
        }
    }

    @Test func electricityByEnergy() async throws {
        await propertyCheck(input: Gen.double(in: 0...1e7), Gen<EnergyUnit>.case) { megawattHours, unit in
            let reference = try Fixture.line(Fixture.record("电力", megawattHours, "MWh"))
            let written = try Fixture.line(
                Fixture.record("电力", Energy(megawattHours, .megawattHour).value(in: unit), unit.symbol))
            #expect(
                isClose(Fixture.tonnes(written.locationBased), Fixture.tonnes(reference.locationBased), relative: 1e-12)
            )
            #expect(
                isClose(Fixture.tce(written.energyEquivalent), Fixture.tce(reference.energyEquivalent), relative: 1e-12)
            )
        }
    }
}

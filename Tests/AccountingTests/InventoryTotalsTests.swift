import Accounting
import Testing

@Suite("Inventory totals")
struct InventoryTotalsTests {
    /// A small plant in Chengdu, 2023; every expected figure is a hand sum of the lines' hand values.
    static let records = [
        Fixture.record("烟煤", 100, "t", period: "2023-01"),  // 100 × 19.570 × 0.0261 × 0.93 × 44/12
        Fixture.record("电力", 1000, "MWh", period: "2023-01"),  // 1000 × 0.1564, market 1000 × 0.6096
        Fixture.record("绿电", 200, "MWh", period: "2023-02"),  // 200 × 0.1564, market 0
        Fixture.record("热力", 500, "GJ", period: "2023-02"),  // 500 × 0.11
        Fixture.record("甲烷", 2, "t", period: "2023"),  // 2 × 28 (AR5)
    ]
    static let coal = 100 * 19.570 * 0.0261 * 0.93 * 44 / 12

    @Test("scope totals add up, and co2e follows the chosen scope-2 method")
    func totals_byScopeAndMethod() throws {
        let location = try InventoryCalculator(library: Fixture.library).calculate(Self.records)
        #expect(isClose(Fixture.tonnes(location.scope1), Self.coal + 56))
        #expect(isClose(Fixture.tonnes(location.scope2LocationBased), 1200 * 0.1564 + 55))
        #expect(isClose(Fixture.tonnes(location.scope2MarketBased), 1000 * 0.6096 + 55))
        #expect(isClose(Fixture.tonnes(location.total), Self.coal + 56 + 1200 * 0.1564 + 55))

        let market = try InventoryCalculator(library: Fixture.library, options: CalculationOptions(scope2: .market))
            .calculate(Self.records)
        #expect(isClose(Fixture.tonnes(market.total), Self.coal + 56 + 1000 * 0.6096 + 55))
    }

    @Test("totals by gas, item and period partition the total")
    func totals_breakdownsSumToTotal() throws {
        let inventory = try InventoryCalculator(library: Fixture.library).calculate(Self.records)
        let total = Fixture.tonnes(inventory.total)
        #expect(isClose(inventory.byGas.map { Fixture.tonnes($0.subtotal.emissions) }.reduce(0, +), total))
        #expect(isClose(inventory.byItem.map { Fixture.tonnes($0.subtotal.emissions) }.reduce(0, +), total))
        #expect(isClose(inventory.byPeriod.map { Fixture.tonnes($0.subtotal.emissions) }.reduce(0, +), total))
        #expect(inventory.byGas.map(\.gas) == ["CH4", "CO2"])
        #expect(inventory.byPeriod.map(\.period.description) == ["2023", "2023-01", "2023-02"])
    }

    @Test("comprehensive energy both ways: electricity differs, fuels and heat do not")
    func totals_energyCalorificAndEquivalent() throws {
        let inventory = try InventoryCalculator(library: Fixture.library).calculate(Self.records)
        let coal = 100 * 19.570 / 29.307
        #expect(isClose(Fixture.tce(inventory.energyCalorific), coal + 1200 * 0.1229 + 500 * 0.03412))
        // 2023 activity: the 2022 coal rate is not in the library, so 2020's 305.5 gce/kWh applies.
        #expect(isClose(Fixture.tce(inventory.energyEquivalent), coal + 1200 * 0.3055 + 500 * 0.03412))
    }

    @Test("an inventory with a grade-U factor lists it with the rows that used it")
    func unverifiedFactors_areListed() throws {
        let record = Fixture.record("电力", 10, "MWh", period: "2021-03")  // market-based 2021: GRID-004, grade U
        let inventory = try InventoryCalculator(library: Fixture.library).calculate([record])
        #expect(inventory.unverifiedFactors.map(\.entry.id) == ["GRID-004"])
        #expect(inventory.unverifiedFactors.first?.rows == [2])
        let verified = try InventoryCalculator(library: Fixture.library).calculate([Fixture.record("柴油", 1, "t")])
        #expect(verified.unverifiedFactors.isEmpty)
    }

    @Test("records of one key share its factors: each line is its quantity times the key's template")
    func keys_shareTemplates() throws {
        let measured = MeasuredParameters(netCalorificValue: NetCalorificValue(gigajoulesPerBaseUnit: 40, of: .mass))
        let inventory = try InventoryCalculator(library: Fixture.library).calculate([
            Fixture.record("柴油", 10, "t", period: "2023-01"), Fixture.record("柴油", 25, "t", period: "2023-02"),
            Fixture.record("柴油", 10, "t", period: "2023-03", measured: measured),
        ])
        let lines = inventory.lines.map { Fixture.tonnes($0.locationBased) }
        // Hand values: diesel 10 t × 42.652 GJ/t × 0.0202 tC/GJ × 0.98 × 44/12; measured NCV 40 GJ/t instead.
        #expect(isClose(lines[0], 10 * 42.652 * 0.0202 * 0.98 * 44 / 12))
        #expect(isClose(lines[1], 25 * 42.652 * 0.0202 * 0.98 * 44 / 12))
        #expect(isClose(lines[2], 10 * 40 * 0.0202 * 0.98 * 44 / 12))
        #expect(inventory.lines[2].factors.first?.entry == nil)
    }

    @Test("a missing factor is reported for every record of the key, each by its own row")
    func keys_missingFactorNamesEveryRow() {
        var first = Fixture.record("烟煤", 5, "万Nm3")  // coal by volume: the library's NCV is per tonne
        first.sourceRow = 7
        var second = first
        second.sourceRow = 9
        second.quantity = PhysicalQuantity(6, first.quantity.unit)
        #expect(throws: InputIssues.self) {
            try InventoryCalculator(library: Fixture.library).calculate([first, Fixture.record("柴油", 1, "t"), second])
        }
        do {
            _ = try InventoryCalculator(library: Fixture.library).calculate([first, second])
        } catch {
            #expect(error.issues.map(\.row) == [7, 9])
            #expect(error.issues.allSatisfy { $0.column == "ncv" })
        }
    }
}

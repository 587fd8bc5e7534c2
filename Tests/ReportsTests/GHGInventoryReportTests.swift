import Accounting
import Reports
import Testing

@Suite("The GHG inventory report's model")
struct GHGInventoryReportTests {
    static func figures(scope1: Double, location: Double, market: Double, tce: Double = 0, output: Double? = nil)
        -> IndicatorFigures
    {
        IndicatorFigures(
            energyCalorific: StandardCoal(tce, .tonneCoalEquivalent), energyEquivalent: StandardCoal(tce * 2, .tonneCoalEquivalent),
            scope1: Emissions(scope1, .tonneCO2e), scope2LocationBased: Emissions(location, .tonneCO2e),
            scope2MarketBased: Emissions(market, .tonneCO2e), outputValue: output.map { Money($0, .tenThousandYuan) })
    }

    static func basis(_ method: Scope2Method) -> GHGInventoryReport.Basis {
        .init(
            unitCode: "G", unitName: "Group", year: 2023, inventoryId: 1, inventoryVersion: 1, computedAt: "2024-01-01",
            consolidation: .control, gwpSet: "AR6", scope2Method: method, factorLibrary: "bundled", records: 2,
            unapprovedRecords: 0, stale: false)
    }

    @Test("parts are ordered by the headline method's total; intensities only with a denominator")
    func orderingAndIntensities() {
        let a = GHGInventoryReport.Part(key: "A", name: "a", Self.figures(scope1: 10, location: 1, market: 50))
        let b = GHGInventoryReport.Part(key: "B", name: "b", Self.figures(scope1: 20, location: 1, market: 1))
        let totals = Self.figures(scope1: 30, location: 2, market: 51, tce: 4, output: 8)
        let location = GHGInventoryReport(
            basis: Self.basis(.location), totals: totals, byGas: [], byFacility: [a, b], bySource: [], byCarrier: [],
            factors: [])
        #expect(location.byFacility.map(\.key) == ["B", "A"])
        let market = GHGInventoryReport(
            basis: Self.basis(.market), totals: totals, byGas: [], byFacility: [a, b], bySource: [], byCarrier: [],
            factors: [])
        #expect(market.byFacility.map(\.key) == ["A", "B"])
        // By hand: (30 + 2) ÷ 8 and (30 + 51) ÷ 8 tCO2e per 万元; 4 ÷ 8 tce per 万元.
        #expect(location.intensities.count == 1)
        #expect(location.intensities[0].co2eLocationTPerTenThousandYuan == 4)
        #expect(location.intensities[0].co2eMarketTPerTenThousandYuan == 10.125)
        #expect(location.intensities[0].tceCalorificPerTenThousandYuan == 0.5)
        let without = GHGInventoryReport(
            basis: Self.basis(.location), totals: Self.figures(scope1: 1, location: 0, market: 0), byGas: [],
            byFacility: [], bySource: [], byCarrier: [], factors: [])
        #expect(without.intensities.isEmpty)
        #expect(without.total.totalLocationT == 1)
    }

    @Test("an issued report read in the other language names its sources, carriers and cities in it; facilities keep theirs")
    func namedInTheReadersLanguage() {
        let figures = Self.figures(scope1: 1, location: 1, market: 1, tce: 1)
        var report = GHGInventoryReport(
            basis: Self.basis(.location), totals: figures, byGas: [],
            byFacility: [.init(key: "F1", name: "一号工厂", figures)],
            bySource: [.init(key: "fuel_combustion", name: "燃料燃烧", figures)],
            byCarrier: [.init(key: "electricity", name: "电力", figures), .init(key: "自定义", name: "自定义", figures)],
            factors: [])
        report.byRegion = [.init(key: "5107", name: "绵阳市", figures)]
        let english = report.named(in: .en)
        #expect(english.bySource.map(\.name) == ["fuel combustion"])
        #expect(english.byCarrier.map(\.name) == ["Electricity", "自定义"])
        #expect(english.byRegion?.map(\.name) == ["Mianyang City"])
        #expect(english.byFacility.map(\.name) == ["一号工厂"])
        #expect(english.named(in: .zh).bySource.map(\.name) == ["燃料燃烧"])
    }
}


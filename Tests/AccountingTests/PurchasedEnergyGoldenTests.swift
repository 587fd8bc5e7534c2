import Accounting
import Testing

/// Purchased electricity and heat. Expected factors are the MEE/NBS notices' published values
/// (公告2024年第12号 for 2021, 2024年第33号 for 2022, 2025年第47号 for 2023; china-data.md §3.1),
/// and the NDRC default heat factor 0.11 tCO2/GJ (§4).
@Suite("Golden: purchased electricity and heat")
struct PurchasedEnergyGoldenTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let region: String
        let period: String
        let factor: Double
        var testDescription: String { "\(region) \(period) → \(factor)" }
    }

    static let provinces: [Case] = [
        Case(region: "510104", period: "2023-03", factor: 0.1564),  // 四川 2023
        Case(region: "510100", period: "2022", factor: 0.1404),  // 四川 2022
        Case(region: "510100", period: "2021-12", factor: 0.1255),  // 四川 2021
        Case(region: "110105", period: "2021-01", factor: 0.5688),  // 北京 2021
        Case(region: "320505", period: "2022-07", factor: 0.5978),  // 江苏 2022
        Case(region: "150102", period: "2023-05", factor: 0.6479),  // 内蒙古 2023
        Case(region: "440300", period: "2023-11", factor: 0.4419),  // 广东 2023
        Case(region: "650100", period: "2022-02", factor: 0.6231),  // 新疆 2022
    ]

    @Test("location-based: MWh × the province's factor for the activity year", arguments: provinces)
    func electricity_usesProvincialFactorOfTheYear(_ c: Case) throws {
        let line = try Fixture.line(Fixture.record("电力", 1_000_000, "kWh", region: c.region, period: c.period))
        #expect(isClose(Fixture.tonnes(line.locationBased), 1000 * c.factor))
        #expect(line.scope == .scope2)
        #expect(line.factors.first { $0.kind == .gridAverage }?.notes == [])
    }

    @Test("a year not yet published uses the latest earlier year, and the lineage says so")
    func gridFactor_fallsBackToLatestEarlierYear() throws {
        let line = try Fixture.line(Fixture.record("电力", 1000, "MWh", region: "510104", period: "2025-04"))
        #expect(isClose(Fixture.tonnes(line.locationBased), 1000 * 0.1564))
        let grid = try #require(line.factors.first { $0.kind == .gridAverage })
        #expect(grid.entry?.year == 2023)
        #expect(grid.notes == [.latestEarlierYear(requested: 2025, used: 2023)])
    }

    @Test("a year before any publication uses the earliest published year, and says so")
    func gridFactor_beforeFirstPublicationUsesEarliest() throws {
        let line = try Fixture.line(Fixture.record("电力", 1000, "MWh", region: "110105", period: "2019"))
        #expect(isClose(Fixture.tonnes(line.locationBased), 1000 * 0.5688))
        #expect(
            line.factors.first { $0.kind == .gridAverage }?.notes == [.earliestLaterYear(requested: 2019, used: 2021)])
    }

    @Test("Tibet has no provincial factor: its grid region's factor is used, marked as a fallback")
    func gridFactor_fallsBackToRegion() throws {
        let line = try Fixture.line(Fixture.record("电力", 1000, "MWh", region: "540102", period: "2022-01"))
        // 西南 regional average 2022: 0.2268.
        #expect(isClose(Fixture.tonnes(line.locationBased), 1000 * 0.2268))
        let grid = try #require(line.factors.first { $0.kind == .gridAverage })
        #expect(grid.notes.contains(.regionFallback(province: "54", used: "southwest")))
    }

    @Test("market-based: non-green power × the national factor excluding market-traded non-fossil power")
    func electricity_marketBasedUsesResidualFactor() throws {
        let line = try Fixture.line(Fixture.record("电力", 1000, "MWh", region: "510104", period: "2023-02"))
        #expect(isClose(Fixture.tonnes(line.marketBased), 1000 * 0.6096))  // 2023 table 4
        let y2022 = try Fixture.line(Fixture.record("电力", 1000, "MWh", region: "510104", period: "2022-02"))
        #expect(isClose(Fixture.tonnes(y2022.marketBased), 1000 * 0.5856))  // 2022 table 4
    }

    @Test("green power counts zero market-based and the provincial factor location-based")
    func greenPower_zeroMarketBased() throws {
        let line = try Fixture.line(Fixture.record("绿电", 600, "MWh", region: "320505", period: "2023-02"))
        #expect(Fixture.tonnes(line.marketBased) == 0)
        #expect(isClose(Fixture.tonnes(line.locationBased), 600 * 0.5827))  // 江苏 2023
        let flagged = try Fixture.line(
            Fixture.record("电力", 600, "MWh", region: "320505", period: "2023-02", category: .greenPower))
        #expect(Fixture.tonnes(flagged.marketBased) == 0)
    }

    @Test("purchased heat: GJ × 0.11 tCO2/GJ")
    func heat_usesDefaultFactor() throws {
        let line = try Fixture.line(Fixture.record("热力", 3200, "GJ"))
        #expect(isClose(Fixture.tonnes(line.locationBased), 352))
        let inMegajoules = try Fixture.line(Fixture.record("热力", 3_200_000, "MJ"))
        #expect(isClose(Fixture.tonnes(inMegajoules.locationBased), 352))
    }

    @Test("totals do not depend on the unit electricity is written in")
    func electricity_sameInEveryUnit() throws {
        let values = try [(2_450_000.0, "kWh"), (245, "万千瓦时"), (2450, "MWh"), (2.45, "GWh"), (2_450_000, "度")].map {
            Fixture.tonnes(try Fixture.line(Fixture.record("电力", $0.0, $0.1)).locationBased)
        }
        #expect(values.allSatisfy { isClose($0, 2450 * 0.1564) })
    }
}

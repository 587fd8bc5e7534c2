import Pathways
import Testing

@Suite("Forecasts")
struct ForecastTests {
    /// A five-year series often used to teach GM(1,1). The expected a, b and forecasts come from an
    /// independent least-squares solve of the same system with numpy.linalg.lstsq (B = [−z¹, 1],
    /// Y = x⁰(2…5)), and the time response written out.
    @Test("GM(1,1) reproduces an independent least-squares fit and its forecasts")
    func greyModel() throws {
        let history = [2016: 2.874, 2017: 3.278, 2018: 3.337, 2019: 3.390, 2020: 3.679]
        let forecast = try Forecast.greyModel(history, base: 2016...2020, horizon: 2023)
        #expect(forecast.method == .greyModel && forecast.baseYears == 2016...2020)
        expectClose(forecast.parameters["a"], -0.03720438194355841)
        expectClose(forecast.parameters["b"], 3.065363313001526)
        expectClose(forecast.values[2021], 3.750655814442794)
        expectClose(forecast.values[2022], 3.8928249040331906)
        expectClose(forecast.values[2023], 4.0403829311947845)
    }

    /// The GM(1,1) example of 司守奎、孙兆亮《数学建模算法与应用》(国防工业出版社, 灰色预测 chapter): a
    /// northern city's road-traffic noise, 1986–1992, in dB(A). The book prints the development
    /// coefficient a = 0.0023 and the grey input b = 72.6573; checked here to those four decimals. (The
    /// printed page was not at hand here to re-read; the series is the book's, as the public course code
    /// that reuses it shows, and an independent least-squares solve gives a = 0.0023438, b = 72.657270.)
    @Test("GM(1,1) reproduces a textbook example's printed coefficients")
    func greyModelTextbook() throws {
        let noise = [1986: 71.1, 1987: 72.4, 1988: 72.4, 1989: 72.1, 1990: 71.4, 1991: 72.0, 1992: 71.6]
        let forecast = try Forecast.greyModel(noise, base: 1986...1992, horizon: 1994)
        let a = try #require(forecast.parameters["a"]), b = try #require(forecast.parameters["b"])
        #expect((a * 10_000).rounded() / 10_000 == 0.0023)
        #expect((b * 10_000).rounded() / 10_000 == 72.6573)
        // A falling series: the forecasts keep falling, slowly (a > 0).
        #expect(forecast.values[1993]! < 71.6 && forecast.values[1994]! < forecast.values[1993]!)
    }

    @Test("GM(1,1) refuses too few or non-positive base values")
    func greyModelRefuses() {
        #expect(throws: Forecast.Problem.tooFewBaseYears(needed: 4)) {
            try Forecast.greyModel([2019: 1, 2020: 2, 2021: 3], base: 2019...2021, horizon: 2030)
        }
        #expect(throws: Forecast.Problem.badBaseValue(year: 2020)) {
            try Forecast.greyModel([2019: 1, 2020: 0, 2021: 3, 2022: 4], base: 2019...2022, horizon: 2030)
        }
    }

    @Test("compound growth: 100 → 121 over two years is 10 % a year, continued")
    func compoundGrowth() throws {
        let forecast = try Forecast.compoundGrowth([2018: 100, 2019: 105, 2020: 121], base: 2018...2020, horizon: 2022)
        expectClose(forecast.parameters["rate"], 0.1)
        expectClose(forecast.values[2021], 133.1)
        expectClose(forecast.values[2022], 146.41)
    }

    @Test("elasticity: energy grew 5 % a year while GDP grew 10 %; GDP then grows 6 %, energy 3 %")
    func elasticity() throws {
        let energy = [2019: 100.0, 2020: 105.0]
        let gdp = [2019: 1000.0, 2020: 1100.0, 2021: 1166.0]
        let forecast = try Forecast.elasticity(energy, base: 2019...2020, driver: gdp, horizon: 2021)
        expectClose(forecast.parameters["elasticity"], 0.5)
        expectClose(forecast.values[2021], 108.15)
        #expect(throws: Forecast.Problem.missingDriverYear(2022)) {
            try Forecast.elasticity(energy, base: 2019...2020, driver: gdp, horizon: 2022)
        }
    }

    @Test("a path to a target: 0.8 → 0.648 in two years is −10 % a year")
    func pathToTarget() throws {
        let forecast = try Forecast.pathToTarget(
            [2020: 0.8], base: 2020...2020, target: 0.648, targetYear: 2022, horizon: 2023)
        expectClose(forecast.parameters["rate"], -0.1)
        expectClose(forecast.values[2022], 0.648)
        expectClose(forecast.values[2023], 0.5832)
    }
}

import Accounting
import Testing

@testable import Footprint

/// The footprint's factors come from the bundled library, with their ids and sources.
@Suite struct LibraryFactorsTests {
    @Test func gasesAndGrid_areReadFromTheLibrary() throws {
        let factors = LibraryFactors(library: try FactorLibrary.standard(), gwp: .ar6)
        // factors.csv: GWP of CH4 in AR6 (IPCC AR6 WGI ch. 7 SM table 7.SM.7) and Sichuan's 2022
        // grid factor, 0.1404 tCO2/MWh (MEE/NBS announcement 2024 No. 33, table 3).
        let ch4 = try #require(factors.warmingPotential(of: "CH4"))
        #expect(ch4.value == 27.9)
        #expect(ch4.source.contains("AR6"))
        let grid = try #require(factors.gridElectricity(province: "51", year: 2022))
        #expect(abs(grid.value - 0.1404) < 1e-15)
        #expect(grid.id == "GRID-083")
        #expect(factors.warmingPotential(of: "SO2") == nil)
    }

    @Test func backgroundSet_readsCitedRows_andRefusesUncitedOnes() throws {
        let set = try BackgroundFactorSet(
            csv: "id,name,value,unit,source,year\nsteel,steel,2.1,tCO2e/t,\"a cited study, table 4\",2023\n",
            name: "mine.csv")
        let steel = try #require(set.factors["steel"])
        #expect(steel.factor.value == 2100)
        #expect(steel.unit == FlowUnit(parsing: "t"))
        #expect(throws: FootprintProblems.self) {
            try BackgroundFactorSet(
                csv: "id,name,value,unit,source,year\nx,x,1,kgCO2e/kg,,2020\ny,y,abc,kgCO2e/kg,s,2020\n",
                name: "bad.csv")
        }
        do {
            _ = try BackgroundFactorSet(csv: "id,name,value,unit,source,year\nx,x,1,kgCO2e/kg,,2020\n", name: "bad.csv")
        } catch {
            #expect(error.problems.map { $0.message(.en) } == ["bad.csv:2 source: every factor needs its source"])
        }
    }
}

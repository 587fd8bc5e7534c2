import Accounting
import Pathways
import Testing

@Suite("A region's history")
struct RegionalHistoryTests {
    static let factors = CarrierFactors(
        emission: [.coal: 2.5, .electricity: 4, .oil: 2], equivalent: [.electricity: 2.5], basis: [:])

    static var history: RegionalHistory {
        var y2020 = RegionalYear(gdp: 1000, population: 10)
        y2020.valueAdded = [.industry: 400]
        y2020.energy = [.industry: [.coal: 100, .electricity: 50], .households: [.electricity: 20]]
        return RegionalHistory(regionCode: "510000", years: [2020: y2020])
    }

    @Test("CO2 is each carrier's energy times its factor; the base year carries every area with energy")
    func co2AndBase() throws {
        let co2 = Self.history.co2(2020, factors: Self.factors)
        #expect(co2[.industry] == [.coal: 250, .electricity: 200] && co2[.households] == [.electricity: 80])
        let base = try #require(Self.history.planBase(year: 2020, factors: Self.factors))
        #expect(base.gdp == 1000 && base.areas[.industry] == AreaBase(activity: 400, energy: ["coal": 100, "electricity": 50]))
        // Households have no value added: a projection runs them on the population.
        #expect(base.areas[.households]?.activity == 10)
        #expect(base.carriers.first { $0.id == "electricity" }?.equivalentFactor == 2.5)
    }

    @Test("a decomposition takes the areas with value added; households without it are left out and reported")
    func decompositionLeavesOutAreasWithoutValueAdded() throws {
        var history = Self.history.years
        var y2021 = RegionalYear(gdp: 1100, population: 10)
        y2021.valueAdded = [.industry: 440]
        y2021.energy = [.industry: [.coal: 100, .electricity: 60], .households: [.electricity: 25]]
        history[2021] = y2021
        let twoYears = RegionalHistory(regionCode: "510000", years: history)
        #expect(twoYears.decomposableAreas == [.industry])
        let rows = twoYears.decompositionRows { _ in Self.factors }
        #expect(rows.count == 4 && rows.allSatisfy { $0.sector == "industry" })
        let result = try Decomposition(DecompositionData(rows: rows))
        // Industry: 450 t → 490 t; households 80 t → 100 t, reported beside.
        expectClose(result.total.totalChange, 40)
        #expect(twoYears.excludedChanges(from: 2020, to: 2021) { _ in Self.factors } == [.households: 20])
    }
}

@Suite("A unit's history by the six areas")
struct UnitHistoryByAreaTests {
    @Test("children summed into areas by their industry codes; one without a code is unassigned")
    func byArea() {
        let history = UnitHistory(
            unitCode: "G",
            years: [
                2024: [
                    .init(key: "1", name: "cement", energy: 10, co2: 25, valueAdded: 100),
                    .init(key: "2", name: "steel", energy: 20, co2: 50, valueAdded: nil),
                    .init(key: "3", name: "logistics", energy: 5, co2: 11, valueAdded: 30),
                    .init(key: "4", name: "holding", energy: 1, co2: 2, valueAdded: 7),
                ]
            ])
        // C30 and C31 are manufacturing (industry), G54 road transport, the holding has no code.
        let grouped = history.byArea(industries: ["1": "C3011", "2": "C3110", "3": "G5430", "4": nil])
        let children = grouped.years[2024] ?? []
        #expect(children.map(\.key) == ["industry", "transport", "unassigned"])
        #expect(children.map(\.energy) == [30, 5, 1] && children.map(\.co2) == [75, 11, 2])
        // Value added sums what is given: the steel works gives none.
        #expect(children.map(\.valueAdded) == [100, 30, 7])
    }
}

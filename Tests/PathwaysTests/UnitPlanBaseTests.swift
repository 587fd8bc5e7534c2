import Accounting
import Pathways
import Testing

@Suite("A unit's base year from its inventory")
struct UnitPlanBaseTests {
    static let regional = CarrierFactors(
        emission: [.coal: 2.6, .oil: 2.1, .gas: 1.6, .electricity: 4.4, .heat: 3.2, .other: 0],
        equivalent: [.coal: 1, .oil: 1, .gas: 1, .electricity: 2.5, .heat: 1, .other: 1], basis: [:])

    /// By hand: industry burns 100 tce of coal (270 t) in one unit and 50 tce (130 t) in another, so
    /// coal's own factor is 400 / 150 = 2.6667 t/tce; buildings use 40 tce of electricity at
    /// 等价值 100 tce and 180 t, so 4.5 t/tce and a ratio of 2.5. Oil, unused, keeps the regional 2.1.
    /// Industry's activity is its value added (600); buildings have only output value (300). GDP is the
    /// value added there is: 600.
    @Test("energy by area and carrier, the unit's own factors, activity by value added else output")
    func byHand() throws {
        let year = UnitPlanBase.Year(
            cells: [
                .init(area: .industry, carrier: .coal, energy: 100, equivalent: 100, co2: 270),
                .init(area: .industry, carrier: .coal, energy: 50, equivalent: 50, co2: 130),
                .init(area: .buildings, carrier: .electricity, energy: 40, equivalent: 100, co2: 180),
            ],
            economy: [.industry: .init(valueAdded: 600, outputValue: 2_000), .buildings: .init(outputValue: 300)])
        let base = try UnitPlanBase.make(unit: "G", year: 2024, year, regional: Self.regional)
        #expect(base.areas[.industry] == AreaBase(activity: 600, energy: ["coal": 150]))
        #expect(base.areas[.buildings] == AreaBase(activity: 300, energy: ["electricity": 40]))
        #expect(base.gdp == 600 && base.year == 2024)
        let carriers = Dictionary(uniqueKeysWithValues: base.carriers.map { ($0.id, $0) })
        #expect(abs(carriers["coal"]!.emissionFactor - 400.0 / 150) < 1e-12 && carriers["coal"]!.isCoal)
        #expect(carriers["electricity"]!.emissionFactor == 4.5 && carriers["electricity"]!.equivalentFactor == 2.5)
        #expect(carriers["oil"]!.emissionFactor == 2.1)
    }

    @Test("an area with energy but no activity, or a year without energy, is named")
    func refusals() {
        let lacking = UnitPlanBase.Year(
            cells: [.init(area: .transport, carrier: .oil, energy: 10, equivalent: 10, co2: 21)],
            economy: [.industry: .init(valueAdded: 100)])
        #expect(throws: ScenarioProblems.self) { try UnitPlanBase.make(unit: "G", year: 2024, lacking, regional: Self.regional) }
        do {
            _ = try UnitPlanBase.make(unit: "G", year: 2024, lacking, regional: Self.regional)
        } catch {
            #expect(error.problems.map(\.kind) == [.noUnitActivity])
            #expect(error.text(.zh).contains("交通") && error.text(.en).contains("transport area uses energy in 2024"))
        }
        do {
            _ = try UnitPlanBase.make(unit: "G", year: 2024, .init(cells: [], economy: [:]), regional: Self.regional)
            Issue.record("a year without energy made a base")
        } catch {
            #expect(error.problems.map(\.kind) == [.noUnitInventory] && error.text(.en).contains("unit G"))
        }
    }

    /// Two years, industry only, coal and electricity: the rows carry each area's activity, the
    /// decomposition sums to the change; an area without activity is left out, its change beside.
    @Test("rows for LMDI by area and carrier; an area without activity left out with its change")
    func rows() throws {
        let years: [Int: UnitPlanBase.Year] = [
            2022: .init(
                cells: [
                    .init(area: .industry, carrier: .coal, energy: 100, equivalent: 100, co2: 260),
                    .init(area: .transport, carrier: .oil, energy: 10, equivalent: 10, co2: 21),
                ], economy: [.industry: .init(valueAdded: 500)]),
            2024: .init(
                cells: [
                    .init(area: .industry, carrier: .coal, energy: 90, equivalent: 90, co2: 234),
                    .init(area: .industry, carrier: .electricity, energy: 20, equivalent: 50, co2: 90),
                    .init(area: .transport, carrier: .oil, energy: 12, equivalent: 12, co2: 25.2),
                ], economy: [.industry: .init(valueAdded: 600)]),
        ]
        let (rows, excluded) = UnitPlanBase.decompositionRows(years)
        #expect(rows.count == 3 && rows.allSatisfy { $0.sector == "industry" })
        #expect(abs(excluded - 4.2) < 1e-12)
        let result = try Decomposition(DecompositionData(rows: rows), from: 2022, to: 2024, form: .additive)
        #expect(abs(result.total.explained - (324 - 260)) < 1e-9)
    }
}

import Foundation
import Testing

@testable import Pathways

@Suite("Plan files: read, written back, refused by field")
struct PlanFileTests {
    static let text = """
        {"region": "510000", "base_year": 2023,
         "targets": [{"id": "peak", "indicator": "peak_by", "year": 2030}],
         "scenarios": [
          {"id": "baseline", "name": "基准", "horizon": 2060, "gdp_growth": {"2024": 0.05},
           "areas": {"industry": {"intensity_change": {"2024": -0.02}, "mix": {"2040": {"coal": 0.4, "electricity": 0.6}}}}},
          {"id": "policy", "name": "政策", "parent": "baseline",
           "emission_factors": {"electricity": {"2060": 0.5}},
           "levers": [{"id": "ccus", "area": "industry", "start_year": 2030, "co2_avoided": 1000}]}]}
        """

    @Test("a plan written back reads as the same plan, and leaves out the drivers it does not give")
    func roundTrip() throws {
        let plan = try PlanFile.decode(Data(Self.text.utf8))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let written = try encoder.encode(plan)
        #expect(try PlanFile.decode(written) == plan)
        let json = String(decoding: written, as: UTF8.self)
        #expect(!json.contains("activity_growth") && !json.contains("removed_levers") && !json.contains("equivalent_factors"))
        #expect(json.contains("\"intensity_change\":{\"2024\":-0.02}") && json.contains("\"start_year\":2030"))
    }

    @Test("a field of the wrong type is named by its path")
    func wrongType() {
        #expect(throws: PlanFileError.self) { try PlanFile.decode(Data(#"{"scenarios": [{"id": "a", "horizon": "x"}]}"#.utf8)) }
        do {
            _ = try PlanFile.decode(Data(#"{"scenarios": [{"id": "a", "levers": [{"id": "l", "area": "sky", "start_year": 2030}]}]}"#.utf8))
            Issue.record("an unknown area was read")
        } catch {
            #expect(error.field == "scenarios[0].levers[0].area")
        }
    }

    @Test("one driver set, changed or removed by the editor's form; a wrong scenario or area is named")
    func driverEdit() throws {
        let file = try PlanFile.decode(Data(#"{"base_year": 2020, "scenarios": [{"id": "baseline", "horizon": 2030, "gdp_growth": {"2021": 0.05}}]}"#.utf8))
        let set = try PlanDriverEdit(scenario: "baseline", area: .industry, driver: .intensityChange, year: 2025, value: -0.03)
            .applied(to: file)
        #expect(set.scenarios[0].areas[.industry]?.intensityChange.points == [2025: -0.03])
        let gdp = try PlanDriverEdit(scenario: "baseline", area: nil, driver: .gdpGrowth, year: 2026, value: 0.04).applied(to: set)
        #expect(gdp.scenarios[0].gdpGrowth.points == [2021: 0.05, 2026: 0.04])
        let removed = try PlanDriverEdit(scenario: "baseline", area: nil, driver: .gdpGrowth, year: 2021, value: nil).applied(to: gdp)
        #expect(removed.scenarios[0].gdpGrowth.points == [2026: 0.04])
        #expect(throws: PlanDriverEdit.Problem.unknownScenario) {
            try PlanDriverEdit(scenario: "policy", area: .industry, driver: .activityGrowth, year: 2025, value: 0.1).applied(to: file)
        }
        #expect(throws: PlanDriverEdit.Problem.areaDoesNotFit) {
            try PlanDriverEdit(scenario: "baseline", area: .industry, driver: .gdpGrowth, year: 2025, value: 0.1).applied(to: file)
        }
        #expect(throws: PlanDriverEdit.Problem.areaDoesNotFit) {
            try PlanDriverEdit(scenario: "baseline", area: nil, driver: .activityGrowth, year: 2025, value: 0.1).applied(to: file)
        }
    }
}

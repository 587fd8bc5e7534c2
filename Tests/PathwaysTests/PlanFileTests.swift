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
}

import Foundation
import Pathways

/// What a list of plans shows of each — every scenario's peak — kept with the plan when it is
/// saved and renewed when the region's statistics change, so that a province's page lists its
/// cities' peaks without running every city's plan.
public struct PlanSummary: Sendable, Equatable, Codable {
    public struct Scenario: Sendable, Equatable, Codable {
        public let id: String
        public let name: String
        public let peak: Peak?
    }

    public let scenarios: [Scenario]

    init(_ checked: CheckedPlan) {
        scenarios = checked.results().map { result in
            Scenario(id: result.scenario.id, name: result.scenario.name, peak: result.peak(tolerance: checked.tolerance))
        }
    }

    var json: String {
        String(decoding: (try? JSONEncoder().encode(self)) ?? Data("{\"scenarios\":[]}".utf8), as: UTF8.self)
    }

    static func read(_ text: String) -> PlanSummary? { try? JSONDecoder().decode(PlanSummary.self, from: Data(text.utf8)) }
}

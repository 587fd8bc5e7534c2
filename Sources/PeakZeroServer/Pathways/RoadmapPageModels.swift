import Charts

/// A region's roadmap page: its plan's scenarios with their peaks, the trajectories against the
/// targets, the selected scenario by area and against the baseline, why CO2 moved in the
/// statistics' years, and the cities' peaks.
struct RoadmapPage: Sendable {
    struct Fact: Sendable {
        let label: String
        let value: String
    }

    struct Card: Sendable {
        let name: String
        let id: String
        let peak: String
        let peaked: Bool
        let targetsMet: String
        let url: String
        let selected: Bool
    }

    struct TargetRow: Sendable {
        struct Cell: Sendable {
            let value: String
            let met: Bool
            let verdict: String
        }
        let name: String
        let limit: String
        let cells: [Cell]
    }

    struct CityRow: Sendable {
        let name: String
        let code: String
        let url: String
        let revision: Int
        let peaks: String
    }

    let layout: PageLayout
    let heading: String
    let crumbs: [Fact]
    let facts: [Fact]
    let hasPlan: Bool
    let problem: String?
    let editURL: String?
    let reviewsURL: String
    let exportURL: String?
    let cards: [Card]
    let co2Chart: LineChart?
    let energyChart: LineChart?
    let areasChart: StackedBarChart?
    let againstBaseline: WaterfallChart?
    let historyWaterfall: WaterfallChart?
    let scenarioNames: [String]
    let targetRows: [TargetRow]
    let hasTargets: Bool
    let cities: [CityRow]
    let hasCities: Bool
}

import Charts

/// Rankings (赛马) and carbon-efficiency grades (碳效码) with a unit's history.
struct RankingsPage: Sendable {
    struct Row: Sendable {
        let rank: String
        let change: String
        let changeClass: String
        let name: String
        let value: String
        let peerGroup: String
        let peerRank: String
        let url: String
    }

    let layout: PageLayout
    let heading: String
    let formAction: String
    let lang: String
    let unit: String
    let region: String
    let indicators: [RecordForm.Option]
    let measures: [RecordForm.Option]
    let years: [RecordForm.Option]
    let valueHeading: String
    let rows: [Row]
    /// Whether any unit has a figure on the measure chosen.
    let hasRows: Bool
    let emptyReason: String
}

struct GradesPage: Sendable {
    struct Row: Sendable {
        let name: String
        let url: String
        let industry: String
        let intensity: String
        let average: String
        let k: String
        let level: String
        let levelColour: String
        let grade: String
        let gradeColour: String
    }

    struct Band: Sendable {
        let name: String
        let colour: String
        let bound: String
    }

    struct IndustryRow: Sendable {
        let industry: String
        let counts: [Int]
    }

    let layout: PageLayout
    let heading: String
    let formAction: String
    let lang: String
    let unit: String
    let region: String
    let years: [RecordForm.Option]
    let distribution: BarChart
    let rows: [Row]
    let hasRows: Bool
    let grades: [Band]
    let levels: [Band]
    let byIndustry: [IndustryRow]
    let source: String
}

struct GradeHistoryPage: Sendable {
    let layout: PageLayout
    let heading: String
    let rows: [GradesPage.Row]
    let hasRows: Bool
    let chart: LineChart
}

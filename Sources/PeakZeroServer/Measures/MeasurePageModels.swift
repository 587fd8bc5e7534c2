import Charts

/// A unit's list of measures with its Gantt chart.
struct MeasuresPage: Sendable {
    struct Row: Sendable {
        let id: Int64
        let title: String
        let kind: String
        let owner: String
        let start: String
        let deadline: String
        let status: String
        let statusLabel: String
        let participants: String
        /// The reduction projects carrying the measure out.
        let projects: [Link]
        let notes: [String]
        let updateAction: String?
        let statuses: [RecordForm.Option]
    }

    struct Link: Sendable {
        let label: String
        let url: String
    }

    struct Bar: Sendable {
        let label: String
        let labelY: Int
        let x: Int
        let y: Int
        let width: Int
        let status: String
        let title: String
    }

    let layout: PageLayout
    let heading: String
    let rows: [Row]
    let hasRows: Bool
    let bars: [Bar]
    let ganttHeight: Int
    let todayX: Int?
    let startLabel: String
    let endLabel: String
    let createAction: String?
    let kinds: [RecordForm.Option]
    let problems: [String]
    let hasProblems: Bool
    let values: [String: String]
}

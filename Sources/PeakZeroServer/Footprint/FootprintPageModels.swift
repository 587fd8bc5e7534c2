/// A unit's product models, with the form that adds one.
struct FootprintsPage: Sendable {
    struct Row: Sendable {
        let name: String
        let url: String
        let unitCode: String
        let processes: Int
        let boundary: String
        let updated: String
    }

    let layout: PageLayout
    let heading: String
    let rows: [Row]
    let hasRows: Bool
    let createAction: String?
    /// The form that imports a model file, for those who may add models.
    let importAction: String?
    /// The blank product model template.
    let templateURL: String
    let problems: [String]
    let hasProblems: Bool
    let modelText: String
}

/// A product model's footprint: the total, its stages as bars, the flows with their factors'
/// sources, the processes, the contribution tree and, when asked, the Monte Carlo histogram.
struct FootprintModelPage: Sendable {
    struct Fact: Sendable {
        let label: String
        let value: String
    }

    struct Bar: Sendable {
        let label: String
        let value: String
        let labelY: Int
        let x: Int
        let y: Int
        let width: Int
        let height: Int
    }

    struct FlowRow: Sendable {
        let key: String
        let amount: String
        let unit: String
        let co2e: String
        let share: String
        let source: String
    }

    struct ProcessRow: Sendable {
        let name: String
        let stage: String
        let amount: String
        let co2e: String
        let share: String
    }

    /// A node of the contribution tree, flattened with its depth.
    struct TreeRow: Sendable {
        let indent: String
        let name: String
        let amount: String
        let total: String
        let share: String
    }

    struct Choice: Sendable {
        let label: String
        let url: String
        let current: Bool
    }

    struct Histogram: Sendable {
        let summary: String
        let bars: [Bar]
        let low: String
        let high: String
    }

    let layout: PageLayout
    let heading: String
    let listURL: String
    let total: String
    let facts: [Fact]
    let gwpChoices: [Choice]
    let stageBars: [Bar]
    let stageHeight: Int
    let flows: [FlowRow]
    let processes: [ProcessRow]
    let tree: [TreeRow]
    let histogram: Histogram?
    let monteCarloAction: String
    /// The numbers of draws the page offers.
    let drawChoices: [RecordForm.Option]
    /// The API's workbook of the same footprint (same GWP set and draws).
    let exportURL: String
    let gwp: String
    let notes: [String]
    let hasNotes: Bool
    let declaration: FootprintDeclarationView
    /// The model as the product model template.
    let templateURL: String
    /// The form that deletes the model, for those who may change it.
    let deleteAction: String?
    /// Just imported: the stages and boundary are to be checked.
    let imported: Bool
}

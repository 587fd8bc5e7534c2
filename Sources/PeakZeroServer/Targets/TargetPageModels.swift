import Charts

/// The targets list with its form, a target's page, and the warnings.
struct TargetsPage: Sendable {
    struct Row: Sendable {
        let name: String
        let subject: String
        let indicator: String
        let kind: String
        let years: String
        let light: String
        let lightLabel: String
        let forecast: String
        let limit: String
        let url: String
    }

    let layout: PageLayout
    let heading: String
    let warningsCount: Int
    let warningsURL: String
    let rows: [Row]
    let hasRows: Bool
    let form: TargetForm?
}

/// The fields of the form that sets a target, echoed back with the problems when refused.
struct TargetForm: Sendable {
    let action: String
    let values: [String: String]
    let indicators: [RecordForm.Option]
    let kinds: [RecordForm.Option]
    let expectations: [RecordForm.Option]
    let problems: [String]
    let hasProblems: Bool
}

struct TargetPage: Sendable {
    struct Fact: Sendable {
        let label: String
        let value: String
    }

    struct Child: Sendable {
        let rank: Int
        let name: String
        let kind: String
        let light: String
        let lightLabel: String
        let forecast: String
        let limit: String
        let ratio: String
        let reasons: String
        let url: String
    }

    struct Tile: Sendable {
        let x: Int
        let y: Int
        let textX: Int
        let textY: Int
        let name: String
        let light: String
        let title: String
        let url: String
    }

    let layout: PageLayout
    let heading: String
    let light: String
    let lightLabel: String
    let facts: [Fact]
    let reasons: [String]
    let trajectory: LineChart
    let children: [Child]
    let hasChildren: Bool
    let check: [Fact]
    let checkHolds: Bool
    let checkBroken: Bool
    let tiles: [Tile]
    let hasTiles: Bool
    let tileHeight: Int
    let splitAction: String?
    let deleteAction: String?
    let methods: [RecordForm.Option]
    /// For a region's target: split among its cities or its groups.
    let among: [RecordForm.Option]
    let hasAmong: Bool
    let problem: String?
    /// The reduction projects linked to the target and how much of its gap they close.
    /// The manual split's form, for those who set targets.
    var manual: ManualSplitForm? = nil
    var projects: TargetProjects? = nil
}

struct WarningsPage: Sendable {
    struct Row: Sendable {
        let light: String
        let lightLabel: String
        let since: String
        let kind: String
        let title: String
        let subject: String
        let reasons: String
        let url: String
    }

    let layout: PageLayout
    let rows: [Row]
    let hasRows: Bool
}

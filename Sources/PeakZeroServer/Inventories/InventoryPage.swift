/// An inventory's page: what was computed with which options, its totals, its lines a page at a
/// time (each number links to the line's lineage) and the factors it used with their sources.
struct InventoryPage: Sendable {
    struct Line: Sendable {
        let record: String
        let unit: String
        let period: String
        let item: String
        let scope: String
        let emissions: String
        let energy: String
        let url: String
    }

    struct Pager: Sendable {
        let text: String
        let previous: String?
        let next: String?
    }

    let layout: PageLayout
    let heading: String
    let crumbs: [DashboardPage.Crumb]
    let facts: [DashboardPage.Fact]
    let totals: [DashboardPage.Fact]
    let stale: Bool
    /// Says whose lines are listed when the page shows one unit's subtree.
    let scopeNote: String?
    let allLinesURL: String?
    let lines: [Line]
    let hasLines: Bool
    let pager: Pager
    let factors: [FactorRow]
    let exportURL: String
}

/// One line's lineage: the activity record and the batch it came in, the results, and each factor
/// used with its value, its notes and its source.
struct LineagePage: Sendable {
    struct Factor: Sendable {
        let kind: String
        let value: String
        let unit: String
        let notes: [String]
        /// The library entry with its citation; nil for a value measured on the record.
        let citation: FactorRow?
    }

    let layout: PageLayout
    let heading: String
    let crumbs: [DashboardPage.Crumb]
    let record: [DashboardPage.Fact]
    let recordMissing: Bool
    let batch: [DashboardPage.Fact]
    let results: [DashboardPage.Fact]
    let factors: [Factor]
}

import Accounting
import Persistence

/// A unit's page — and the overview, which is the page of the top of the tree: who the unit is,
/// the years to choose from, its dashboard, and its children with their figures.
struct UnitPage: Sendable {
    struct Fact: Sendable {
        let label: String
        let value: String
    }

    struct Crumb: Sendable {
        let name: String
        let url: String
    }

    struct YearOption: Sendable {
        let value: Int
        let selected: Bool
    }

    struct ChildRow: Sendable {
        let code: String
        let name: String
        let url: String
        let level: String
        let emissions: String
        let emissionsSort: String
        let energy: String
        let energySort: String
        let change: String
    }

    let layout: PageLayout
    let heading: String
    let isOverview: Bool
    let facts: [Fact]
    let crumbs: [Crumb]
    let formAction: String
    let lang: String
    let year: Int
    let years: [YearOption]
    let dashboard: Dashboard
    let children: [ChildRow]
    let hasChildren: Bool

    static func level(_ level: ReportingUnit.Level, _ t: [String: String]) -> String {
        t["level_\(level.rawValue)"] ?? level.rawValue
    }
}

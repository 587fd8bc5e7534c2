import Accounting
import Charts
import Persistence

/// A dashboard page — the overview, a unit's page or a region's page: who or where it is, the
/// years to choose from, the dashboard, the units or regions below with their figures, the
/// inventories the figures rest on and, for a unit, which months have been reported.
struct DashboardPage: Sendable {
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

    /// An inventory the figures rest on, linked to its lines.
    struct Basis: Sendable {
        let label: String
        let url: String
        let stale: Bool
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
    /// The heading of the children table ("units below", "cities", "counties").
    let childrenTitle: String
    let basis: [Basis]
    let hasBasis: Bool
    /// Warnings about the figures (a region's groups without an inventory for the year).
    let notes: [String]
    let coverage: CoverageGrid?
    /// Further pages about the same subject (its region, its units).
    let links: [Crumb]
    /// The red and yellow targets and overdue lists below the subject (at most eight).
    let lagging: [WarningsPage.Row]
    let hasLagging: Bool
    let warningsURL: String
    /// The button that computes the unit's inventory of the year, when records have none or a stale one.
    struct Compute: Sendable {
        let note: String
        let action: String
        let year: Int
        let label: String
    }
    let compute: Compute?
    /// A region's cities or counties as tiles, coloured by their targets' lights.
    let tileMap: TileMap?

    static func level(_ level: ReportingUnit.Level, _ t: Words) -> String {
        t.text(forKey: "level_\(level.rawValue)", else: level.rawValue)
    }
}

/// The submission status board of a unit's subtree: each unit's periods of a year in a grid of
/// months (a quarter spans three, a year twelve), each cell its state, late ones marked.
struct ReviewBoardPage: Sendable {
    struct Cell: Sendable {
        let label: String
        let status: String
        let span: Int
        let late: Bool
        let title: String
        let url: String
    }

    struct Row: Sendable {
        let name: String
        let url: String
        let cells: [Cell]
    }

    let layout: PageLayout
    let crumbs: [DashboardPage.Crumb]
    let heading: String
    let lang: String
    let formAction: String
    let years: [DashboardPage.YearOption]
    let months: [String]
    let summary: [DashboardPage.Fact]
    let rows: [Row]
    let hasRows: Bool
}

/// One unit's period: its state, due date and records, the steps the account may take on it, and
/// its history with the data each submission handed in.
struct ReviewPeriodPage: Sendable {
    struct Step: Sendable {
        let action: String
        let label: String
        /// Returning and correcting ask for a reason.
        let needsReason: Bool
        let confirm: String?
    }

    struct HistoryRow: Sendable {
        let version: String
        let step: String
        let actor: String
        let at: String
        let reason: String
        let data: String?
    }

    let layout: PageLayout
    let crumbs: [DashboardPage.Crumb]
    let heading: String
    let facts: [DashboardPage.Fact]
    let status: String
    let statusLabel: String
    let recordsURL: String
    let problem: String?
    let steps: [Step]
    let hasSteps: Bool
    let history: [HistoryRow]
    let hasHistory: Bool
    let findings: [Finding]
    let hasFindings: Bool
    /// Where a verifier's finding is posted; nil for an account that records none here.
    let findingAction: String?
}

extension ReviewPeriodPage {
    struct Finding: Sendable {
        let text: String
        let author: String
        let at: String
    }
}

import Accounting

/// A region's new-project reviews: the form (when the account plans the region and it has a
/// plan) and the reviews kept, newest first.
struct ProjectReviewsPage: Sendable {
    struct Carrier: Sendable {
        let id: String
        let name: String
        let value: String
    }

    struct Row: Sendable {
        let name: String
        let scenario: String
        let startYear: Int
        let verdict: String
        let verdictLabel: String
        let by: String
        let at: String
        let url: String
    }

    let layout: PageLayout
    let heading: String
    let roadmapURL: String
    let action: String?
    let hasPlan: Bool
    let scenarios: [RecordForm.Option]
    let areas: [RecordForm.Option]
    let carriers: [Carrier]
    let values: [String: String]
    let problems: [String]
    let hasProblems: Bool
    let rows: [Row]
    let hasRows: Bool
}

/// One review as kept: the project, each target's verdict with its figures, the effect on totals.
struct ProjectReviewPage: Sendable {
    struct Fact: Sendable {
        let label: String
        let value: String
    }

    struct Judgement: Sendable {
        let target: String
        let limit: String
        let without: String
        let with: String
        let verdict: String
        let verdictLabel: String
    }

    struct Effect: Sendable {
        let year: Int
        let cells: [String]
    }

    let layout: PageLayout
    let heading: String
    let reviewsURL: String
    let verdict: String
    let verdictLabel: String
    let facts: [Fact]
    let judgements: [Judgement]
    let hasJudgements: Bool
    let effectHeader: [String]
    let effects: [Effect]
}

/// 本月填报: a reporter's month on one page — which of their units owe which period by when, what
/// last year's same period held that this one lacks, the records entered, a form to add one, the
/// import, and the button that submits the period.
struct MonthPage: Sendable {
    /// A unit's period on the list of what is due.
    struct Due: Sendable {
        let name: String
        let url: String
        let period: String
        let due: String
        let status: String
        let statusClass: String
        let records: Int
        let late: Bool
        let selected: Bool
    }

    /// An item last year's same period had and this one has not (yet).
    struct Missing: Sendable {
        let item: String
        let lastYear: String
    }

    struct Entry: Sendable {
        let item: String
        let quantity: String
        let editURL: String
    }

    /// A unit of measure the form offers, with the items it fits (the script shows only those).
    struct MeasureOption: Sendable {
        let value: String
        /// The label in the page's language (the symbol with its Chinese name on a Chinese page).
        let label: String
        /// The symbol in ASCII, for an English page ("10^4t" for 万t).
        var englishLabel: String = ""
        let items: String
    }

    let layout: PageLayout
    let heading: String
    let lang: String
    let formAction: String
    let periods: [RecordForm.Option]
    let due: [Due]
    /// The unit chosen (the first on the list unless the query names one).
    let unitCode: String
    let period: String
    let facts: [DashboardPage.Fact]
    let missing: [Missing]
    let hasMissing: Bool
    let entries: [Entry]
    let hasEntries: Bool
    /// The entry form and the submit button, when the account may change the unit's data and the
    /// period is open for it.
    let mayEnter: Bool
    let items: [RecordForm.Option]
    let measures: [MeasureOption]
    let categories: [RecordForm.Option]
    let createAction: String
    let maySubmit: Bool
    let submitAction: String
    let importURL: String
    let recordsURL: String
    let periodURL: String
}

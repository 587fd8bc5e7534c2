/// The accounts a manager or administrator looks after: each with its roles, a button to disable
/// it, and the form to make one (a generated password is shown on the page that made it, once).
struct AccountsPage: Sendable {
    struct Row: Sendable {
        let name: String
        let roles: String
        let created: String
        let disableAction: String?
    }

    let layout: PageLayout
    let rows: [Row]
    let roles: [RecordForm.Option]
    let createAction: String
    let name: String
    let unit: String
    let region: String
    let problems: [String]
    let hasProblems: Bool
    let created: String?
    let generatedPassword: String?
}

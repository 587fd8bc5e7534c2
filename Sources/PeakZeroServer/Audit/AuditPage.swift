/// The audit trail's page: a filter by unit, account, period and action, the entries newest first
/// with what they changed, a link further back, and the same selection as a file.
struct AuditPage: Sendable {
    struct Row: Sendable {
        let id: String
        let at: String
        let actor: String
        let address: String
        let action: String
        /// What kind of thing changed, in the page's language.
        let subject: String
        /// Which one: its id or key as stored (`unit-2`, `cea:2024-12-31`).
        let subjectId: String
        let unit: String
        let unitURL: String?
        let period: String
        let before: String?
        let after: String?
        let hash: String
        let shortHash: String
    }

    let layout: PageLayout
    let lang: String
    let action: String
    let unit: String
    let actor: String
    let year: String
    let month: String
    let actions: [RecordForm.Option]
    let problem: String?
    let rows: [Row]
    let hasRows: Bool
    let older: String?
    let exportCSV: String
    let exportXLSX: String
}

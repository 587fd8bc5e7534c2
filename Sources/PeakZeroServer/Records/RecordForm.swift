/// A form to add or correct one record: each field with its label, the value typed, and the
/// problem with it, shown beside it.
struct RecordForm: Sendable {
    struct Option: Sendable {
        let value: String
        let label: String
        let selected: Bool
    }

    struct Field: Sendable {
        let name: String
        let label: String
        let value: String
        let error: String?
        let hint: String?
        let required: Bool
        /// Choices, for a select (`isSelect`); none for a text box.
        let options: [Option]
        let isSelect: Bool
        let inputMode: String
        /// The element id, `field-` and the name (mustache sees stored properties only).
        let id: String
    }

    let layout: PageLayout
    let heading: String
    let action: String
    let lang: String
    let fields: [Field]
    /// Problems not tied to one field.
    let errors: [String]
    let hasErrors: Bool
    let submit: String
    let cancelURL: String
}

/// A unit's records of a year: activity and economic, each with a link to correct it and a button
/// to delete it.
struct RecordsPage: Sendable {
    struct Row: Sendable {
        let id: String
        let unit: String
        let period: String
        let cells: [String]
        let editURL: String
        let deleteAction: String
    }

    struct Table: Sendable {
        let title: String
        let headers: [String]
        let rows: [Row]
        let hasRows: Bool
        let addURL: String
        let more: String?
        /// The whole table for the year as the template's workbook (the export API; the page's session signs it).
        let exportURL: String
        /// Pages of a long table (activity records come a window at a time).
        let pager: InventoryPage.Pager?
    }

    let layout: PageLayout
    let heading: String
    let crumbs: [DashboardPage.Crumb]
    let formAction: String
    let lang: String
    let years: [DashboardPage.YearOption]
    let saved: String?
    let tables: [Table]
}

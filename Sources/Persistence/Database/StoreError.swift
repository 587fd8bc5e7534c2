import Accounting

/// What a store refuses, mapped to HTTP in one place by the server (404, 409, 422).
public enum StoreError: Error, Sendable, Equatable {
    /// No such object (or not visible to the caller).
    case notFound(kind: String, id: String)
    /// The request is well-formed but conflicts with what is stored (e.g. deleting a unit with children).
    case conflict(String)
    /// Bad fields, each with its field and (for batches) the item's position, as `InputIssue`s whose
    /// `column` is the field name and `row` the 1-based position in the batch.
    case invalid([InputIssue])
    /// A change was to be audited, but no caller said who is making it (a programming error).
    case unattributed
}

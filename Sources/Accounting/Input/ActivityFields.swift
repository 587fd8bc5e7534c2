/// The fields of one activity record as text, wherever they come from: a CSV row, or a record
/// sent to the API. Field names are the template's (`unit`, `region`, `period`, `item`, …).
public protocol ActivityFields {
    /// The trimmed text of a field; empty when absent.
    func text(_ field: String) -> String
    /// The problem located at this record and field.
    func issue(_ field: String, _ problem: Problem) -> InputIssue
    /// The row or position to report and keep as the record's source row.
    var rowNumber: Int? { get }
}

extension ActivityFields {
    func has(_ field: String) -> Bool { !text(field).isEmpty }
}

extension TableRow: ActivityFields {
    public var rowNumber: Int? { number }
}

/// Fields given as a dictionary, e.g. a record of an API batch; `position` is its 1-based place.
public struct FieldValues: ActivityFields, Sendable {
    public var values: [String: String]
    public var position: Int?

    public init(_ values: [String: String], position: Int?) {
        self.values = values
        self.position = position
    }

    public func text(_ field: String) -> String { values[field]?.trimmed ?? "" }
    public func issue(_ field: String, _ problem: Problem) -> InputIssue {
        InputIssue(row: position, column: field, problem: problem)
    }
    public var rowNumber: Int? { position }
}

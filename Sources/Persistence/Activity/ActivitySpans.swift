import SQLKit

/// How activity records are found by unit: `activity_spans` holds runs of consecutive record ids
/// of one unit and year (migration 12 says why). Every writer of activity records records its runs
/// here in the same transaction, and every deleter tightens them, so that:
/// - each stored record lies in a span of its unit and year, and
/// - spans of one unit and year never overlap, and no span reaches past the largest stored id —
///   new ids (SQLite numbers a row the largest id plus one) never fall inside an older span.
/// Queries join a span to the records in its range and check the record's unit and year again.
enum ActivitySpans {
    struct Span: Equatable {
        let rootID: Int64
        let unitID: Int64
        let year: Int64
        let firstID: Int64
        var lastID: Int64
    }

    static let columns = ["root_id", "unit_id", "year", "first_id", "last_id"]

    /// The records of the spans `s`, as `a`: put after FROM, then filter on `s.root_id`, `s.unit_id`
    /// and `s.year` (the spans' key).
    static let recordsOfSpans =
        "activity_spans s JOIN activity_records a ON a.id BETWEEN s.first_id AND s.last_id AND a.unit_id = s.unit_id AND a.year = s.year"

    /// The spans of records written in turn: a new span whenever the unit, root or year changes or
    /// an id does not follow the one before.
    struct Builder {
        private(set) var spans: [Span] = []

        mutating func add(id: Int64, rootID: Int64, unitID: Int64, year: Int64) {
            if let last = spans.last, last.lastID + 1 == id, last.unitID == unitID, last.year == year,
                last.rootID == rootID
            {
                spans[spans.count - 1].lastID = id
            } else {
                spans.append(Span(rootID: rootID, unitID: unitID, year: year, firstID: id, lastID: id))
            }
        }

        /// Takes the spans made so far, leaving the last (which the next records may extend).
        mutating func takeClosed() -> [Span] {
            guard spans.count > 1 else { return [] }
            let closed = Array(spans.dropLast())
            spans.removeFirst(closed.count)
            return closed
        }
    }

    static func values(_ span: Span) -> [BulkValue] {
        [.int(span.rootID), .int(span.unitID), .int(span.year), .int(span.firstID), .int(span.lastID)]
    }

    /// Spans are few (one per unit and year of a file), so one prepared row at a time will do.
    static func write(_ spans: [Span], in raw: SQLiteRaw) throws {
        try BulkInsert.run(table: "activity_spans", columns: columns, rows: spans.lazy.map(values), in: raw)
    }

    static func write(_ spans: [Span], dialect: Dialect, in db: any SQLDatabase) async throws {
        try await BulkInsert.run(
            table: "activity_spans", columns: columns, rows: spans.map(values), dialect: dialect, in: db)
    }

    /// After records of these units were deleted: spans left without a record go, and none reaches
    /// past the largest stored id. Integers only, so the lists are inlined.
    static func statementsAfterDeleting(units: some Collection<Int64>) -> [String] {
        let largest = "(SELECT COALESCE(MAX(id), 0) FROM activity_records)"
        let empty = """
            NOT EXISTS (SELECT 1 FROM activity_records a WHERE a.id BETWEEN activity_spans.first_id AND activity_spans.last_id \
            AND a.unit_id = activity_spans.unit_id AND a.year = activity_spans.year)
            """
        return Array(Set(units)).chunked(by: 5_000).map {
            "DELETE FROM activity_spans WHERE unit_id IN (\($0.map(String.init).joined(separator: ","))) AND \(empty)"
        } + [
            "DELETE FROM activity_spans WHERE first_id > \(largest)",
            "UPDATE activity_spans SET last_id = \(largest) WHERE last_id > \(largest)",
        ]
    }

    static func tidyAfterDeleting(units: some Collection<Int64>, in raw: SQLiteRaw) throws {
        for statement in statementsAfterDeleting(units: units) { try raw.exec(statement) }
    }

    static func tidyAfterDeleting(units: some Collection<Int64>, in db: any SQLDatabase) async throws {
        for statement in statementsAfterDeleting(units: units) { try await db.raw(SQLQueryString(statement)).run() }
    }
}

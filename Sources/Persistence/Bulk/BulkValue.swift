import SQLKit

/// A value of a row written in bulk, so one function builds a row for both writers: SQLKit binds
/// (PostgreSQL) and the prepared statements of a bulk SQLite connection.
enum BulkValue: Sendable {
    case int(Int64)
    case double(Double)
    case text(String)
    case null

    init(_ value: Int?) { self = value.map { .int(Int64($0)) } ?? .null }
    init(_ value: Int64?) { self = value.map { .int($0) } ?? .null }
    init(_ value: Double?) { self = value.map { .double($0) } ?? .null }
    init(_ value: String?) { self = value.map { .text($0) } ?? .null }

    /// A bind, or a plain NULL: PostgreSQL would type a bound nil as text and refuse it in a number column.
    var bind: any SQLExpression {
        switch self {
        case .int(let v): SQLBind(v)
        case .double(let v): SQLBind(v)
        case .text(let v): SQLBind(v)
        case .null: SQLLiteral.null
        }
    }
}

extension SQLiteRaw.Statement {
    /// Binds a whole row (1-based parameters) and runs the statement once.
    func insert(_ row: [BulkValue]) throws {
        for (offset, value) in row.enumerated() {
            let index = Int32(offset + 1)
            switch value {
            case .int(let v): bind(index, v)
            case .double(let v): bind(index, v)
            case .text(let v): bind(index, v)
            case .null: bind(index, Int64?.none)
            }
        }
        try step()
        reset()
    }
}

/// Writes rows to a table: through SQLKit in batches on PostgreSQL, or one prepared statement on SQLite.
enum BulkInsert {
    static func run(
        table: String, columns: [String], rows: some Collection<[BulkValue]>, dialect: Dialect, in db: any SQLDatabase
    ) async throws {
        for batch in Array(rows).chunked(by: dialect.maxBinds / columns.count) {
            var insert = db.insert(into: table).columns(columns)
            for row in batch { insert = insert.values(row.map(\.bind)) }
            try await insert.run()
        }
    }

    static func run(table: String, columns: [String], rows: some Sequence<[BulkValue]>, in raw: SQLiteRaw) throws {
        let statement = try raw.prepare(sql(table: table, columns: columns))
        for row in rows { try statement.insert(row) }
    }

    /// Inserts `count` rows on a bulk SQLite connection with multi-row prepared statements
    /// (`perStatement` rows each, then one for the rest), so SQLite runs one statement per 64 rows
    /// rather than per row. `bind(statement, row, first)` binds row `row` from parameter `first` on.
    static func run(
        table: String, columns: [String], count: Int, perStatement: Int = 64, in raw: SQLiteRaw,
        bind: (SQLiteRaw.Statement, Int, Int32) -> Void
    ) throws {
        let width = Int32(columns.count)
        let full = count / perStatement
        if full > 0 {
            let statement = try raw.prepare(sql(table: table, columns: columns, rows: perStatement))
            for chunk in 0..<full {
                for r in 0..<perStatement { bind(statement, chunk * perStatement + r, Int32(r) * width + 1) }
                try statement.step()
                statement.rewind()
            }
        }
        let rest = count - full * perStatement
        if rest > 0 {
            let statement = try raw.prepare(sql(table: table, columns: columns, rows: rest))
            for r in 0..<rest { bind(statement, full * perStatement + r, Int32(r) * width + 1) }
            try statement.step()
        }
    }

    /// An INSERT of `rows` rows with a parameter per column. `OR FAIL`: a row that breaks a
    /// constraint stops the statement without undoing its earlier rows, so SQLite keeps no
    /// statement journal — which for a multi-row INSERT copies every page the statement touches
    /// into a temporary journal first (it showed in a million-row import's profile). Bulk writes
    /// run in one transaction, and a failure rolls the whole transaction back.
    static func sql(table: String, columns: [String], rows: Int) -> String {
        let tuple = "(" + columns.map { _ in "?" }.joined(separator: ", ") + ")"
        return "INSERT OR FAIL INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
            + Array(repeating: tuple, count: rows).joined(separator: ", ")
    }

    /// A one-row INSERT with a parameter per column.
    static func sql(table: String, columns: [String]) -> String {
        "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
    }
}

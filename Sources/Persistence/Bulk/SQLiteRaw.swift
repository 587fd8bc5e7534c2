import Foundation
import VaporCSQLite

/// A plain SQLite connection for bulk work (loading or computing millions of rows): one prepared
/// statement reused for every row inside one transaction, with no per-value encoding layer.
/// SQLKit through sqlite-nio stays the path for everything else; this one exists because a
/// province-sized import must run at a million rows a second. Not shared between tasks.
final class SQLiteRaw {
    private var handle: OpaquePointer?

    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { "SQLite: \(message)" }
    }

    /// Opens `path` (a file, or a `file:…?mode=memory&cache=shared` URI).
    init(path: String) throws {
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX
        guard sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil) == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "cannot open \(path)"
            sqlite_nio_sqlite3_close_v2(handle)
            throw Failure(message: message)
        }
        try exec("PRAGMA busy_timeout = 10000")
        try exec("PRAGMA foreign_keys = ON")
        try exec("PRAGMA synchronous = NORMAL")
        // A million-row write touches a few hundred MiB of pages; held in the cache until the commit,
        // each is written once (the default 2 MiB cache spills and rewrites them). A cap, not an allocation.
        try exec("PRAGMA cache_size = -524288")
    }

    deinit { sqlite_nio_sqlite3_close_v2(handle) }

    /// Made ready for the next use after one: a transaction a failure left open is rolled back, and
    /// the cache's clean pages are given back (a large import fills up to 512 MiB of them).
    func tidy() {
        if sqlite_nio_sqlite3_get_autocommit(handle) == 0 { try? exec("ROLLBACK") }
        sqlite_nio_sqlite3_db_release_memory(handle)
    }

    func exec(_ sql: String) throws {
        guard sqlite_nio_sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else { throw failure() }
    }

    func prepare(_ sql: String) throws -> Statement {
        var statement: OpaquePointer?
        guard sqlite_nio_sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw failure()
        }
        return Statement(statement: statement, connection: self)
    }

    /// Runs `body` in one write transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try exec("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try exec("COMMIT")
            return result
        } catch {
            try? exec("ROLLBACK")
            throw error
        }
    }

    /// Runs `body` with SQLite's per-row foreign-key checks off (outside any transaction: SQLite
    /// ignores the setting inside one). For bulk writes whose references the caller has checked once
    /// for the whole batch.
    func withoutForeignKeyChecks<T>(_ body: () throws -> T) throws -> T {
        try exec("PRAGMA foreign_keys = OFF")
        defer { try? exec("PRAGMA foreign_keys = ON") }
        return try body()
    }

    var lastInsertedID: Int64 { sqlite_nio_sqlite3_last_insert_rowid(handle) }

    /// The integer a query of one row and column gives, with integer parameters.
    func integer(_ sql: String, _ values: Int64...) throws -> Int64 {
        let statement = try prepare(sql)
        for (i, value) in values.enumerated() { statement.bind(Int32(i + 1), value) }
        guard try statement.step() else { throw Failure(message: "no row: \(sql)") }
        return statement.int64(0)
    }

    /// The largest id of a table (after a multi-row insert, the id of its last row).
    func lastInsertedIDOf(table: String) -> Int64 {
        (try? integer("SELECT COALESCE(MAX(id), 0) FROM \(table)")) ?? 0
    }

    func failure() -> Failure { Failure(message: String(cString: sqlite_nio_sqlite3_errmsg(handle))) }

    /// A text held as a C string until released, for binding to many rows without a copy each.
    final class StaticText {
        let pointer: UnsafeMutablePointer<CChar>
        let count: Int32

        init(_ text: String) {
            let bytes = Array(text.utf8)
            count = Int32(bytes.count)
            pointer = .allocate(capacity: bytes.count + 1)
            for (i, byte) in bytes.enumerated() { pointer[i] = CChar(bitPattern: byte) }
            pointer[bytes.count] = 0
        }

        deinit { pointer.deallocate() }
    }

    final class Statement {
        let statement: OpaquePointer
        unowned let connection: SQLiteRaw
        private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

        init(statement: OpaquePointer, connection: SQLiteRaw) {
            self.statement = statement
            self.connection = connection
        }

        deinit { sqlite_nio_sqlite3_finalize(statement) }

        func bind(_ index: Int32, _ value: Int64?) {
            if let value {
                sqlite_nio_sqlite3_bind_int64(statement, index, value)
            } else {
                sqlite_nio_sqlite3_bind_null(statement, index)
            }
        }

        func bind(_ index: Int32, _ value: Int?) { bind(index, value.map(Int64.init)) }

        func bind(_ index: Int32, _ value: Double?) {
            if let value {
                sqlite_nio_sqlite3_bind_double(statement, index, value)
            } else {
                sqlite_nio_sqlite3_bind_null(statement, index)
            }
        }

        func bind(_ index: Int32, _ value: String?) {
            guard var value else {
                sqlite_nio_sqlite3_bind_null(statement, index)
                return
            }
            value.withUTF8 { bytes in
                _ = bytes.withMemoryRebound(to: CChar.self) {
                    sqlite_nio_sqlite3_bind_text(statement, index, $0.baseAddress, Int32($0.count), Self.transient)
                }
            }
        }

        /// Binds a text SQLite reads in place: `text` must outlive the statement's next step.
        func bind(_ index: Int32, _ text: StaticText) {
            sqlite_nio_sqlite3_bind_text(statement, index, text.pointer, text.count, nil)
        }

        /// Steps once: true when a row is ready, false when done.
        @discardableResult
        func step() throws -> Bool {
            switch sqlite_nio_sqlite3_step(statement) {
            case SQLITE_ROW: return true
            case SQLITE_DONE: return false
            default: throw connection.failure()
            }
        }

        /// Readies the statement to run again with the same bindings (each run binds every parameter anew).
        func rewind() { sqlite_nio_sqlite3_reset(statement) }

        func reset() {
            sqlite_nio_sqlite3_reset(statement)
            sqlite_nio_sqlite3_clear_bindings(statement)
        }

        func int64(_ column: Int32) -> Int64 { sqlite_nio_sqlite3_column_int64(statement, column) }
        func isNull(_ column: Int32) -> Bool { sqlite_nio_sqlite3_column_type(statement, column) == SQLITE_NULL }
        func optionalInt(_ column: Int32) -> Int? { isNull(column) ? nil : Int(int64(column)) }
        func double(_ column: Int32) -> Double { sqlite_nio_sqlite3_column_double(statement, column) }
        func optionalDouble(_ column: Int32) -> Double? { isNull(column) ? nil : double(column) }
        /// A text column's bytes, valid until the next step.
        func bytes(_ column: Int32) -> UnsafeRawBufferPointer {
            guard let pointer = sqlite_nio_sqlite3_column_text(statement, column) else {
                return UnsafeRawBufferPointer(start: nil, count: 0)
            }
            return UnsafeRawBufferPointer(
                start: pointer, count: Int(sqlite_nio_sqlite3_column_bytes(statement, column)))
        }
        func text(_ column: Int32) -> String {
            guard let pointer = sqlite_nio_sqlite3_column_text(statement, column) else { return "" }
            return String(cString: pointer)
        }
    }
}

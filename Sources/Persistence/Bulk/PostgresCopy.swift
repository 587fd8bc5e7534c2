import Logging
import NIOCore
import PostgresKit
import SQLKit

/// Rows in the text format of PostgreSQL's `COPY … FROM STDIN`: fields separated by tabs, rows by
/// newlines, NULL as `\N`, and backslash, tab, newline and carriage return escaped in text.
/// Numbers are written as Swift prints them, which PostgreSQL reads back to the same value.
struct CopyTextRows: CopyRows {
    private(set) var buffer: ByteBuffer
    private var fieldsInRow = 0

    static let format = "text"

    init() { buffer = ByteBufferAllocator().buffer(capacity: 2 << 20) }

    var byteCount: Int { buffer.readableBytes }

    private mutating func separate() {
        if fieldsInRow > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
        fieldsInRow += 1
    }

    mutating func int(_ value: Int64) {
        separate()
        // Digits written straight into the buffer: a String per number was a tenth of a
        // recalculation's own time.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var rest = value.magnitude
            var start = 20
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            if value < 0 { buffer.writeInteger(UInt8(ascii: "-")) }
            buffer.writeBytes(UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: digits[start...])))
        }
    }

    mutating func double(_ value: Double) {
        separate()
        buffer.writeString(value.description)
    }

    mutating func text(_ value: String) {
        separate()
        var value = value
        value.withUTF8 { bytes in
            // Most texts need no escape: copied whole.
            guard bytes.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else {
                buffer.writeBytes(bytes)
                return
            }
            for byte in bytes {
                switch byte {
                case 0x5C: buffer.writeStaticString("\\\\")
                case 0x09: buffer.writeStaticString("\\t")
                case 0x0A: buffer.writeStaticString("\\n")
                case 0x0D: buffer.writeStaticString("\\r")
                default: buffer.writeInteger(byte)
                }
            }
        }
    }

    mutating func null() {
        separate()
        buffer.writeStaticString("\\N")
    }

    mutating func value(_ value: BulkValue) {
        switch value {
        case .int(let v): int(v)
        case .double(let v): double(v)
        case .text(let v): text(v)
        case .null: null()
        }
    }

    mutating func endRow() {
        buffer.writeInteger(UInt8(ascii: "\n"))
        fieldsInRow = 0
    }

    /// The rows written so far, leaving this empty for the next.
    mutating func take() -> ByteBuffer {
        let taken = buffer
        buffer = ByteBufferAllocator().buffer(capacity: taken.capacity)
        return taken
    }

    /// The text format has no trailer.
    mutating func finish() {}
}

/// Rows being written in one of `COPY`'s formats, sent in pieces as they grow.
protocol CopyRows: Sendable {
    /// The `FORMAT` option of the `COPY` statement.
    static var format: String { get }
    /// An empty buffer (with the format's header, if it has one), twice the size at which
    /// `PostgresCopy` sends, so that a buffer is sent before it must grow.
    init()
    var byteCount: Int { get }
    /// The rows written so far, leaving this empty for the next.
    mutating func take() -> ByteBuffer
    /// Writes what ends the data (after the last row).
    mutating func finish()
}

/// Bulk writes on PostgreSQL through `COPY … FROM STDIN`: rows stream to the server in chunks of
/// about a megabyte, with no SQL to parse and no parameter per value — a bulk load's rows/s are then
/// the server's. Runs on the connection of `db`, so inside its transaction when it is a session.
/// Tables and columns are PeakZero's own names, never a user's: PostgresNIO writes them into the
/// `COPY` statement as given.
enum PostgresCopy {
    /// Sends the rows `produce` writes and returns what it returns; it calls `flush` whenever it
    /// likes (every few thousand rows at least), and the rest is sent when it returns.
    static func run<T: Sendable, Rows: CopyRows>(
        table: String, columns: [String], in db: any SQLDatabase,
        produce: @escaping @Sendable (_ rows: inout Rows, _ flush: Flush<Rows>) async throws -> T
    ) async throws -> T {
        let logger = db.logger
        return try await withConnection(of: db) { connection in
            var result: T?
            // PostgresNIO (1.33) builds a text-format statement around the table's name as given;
            // the statement is therefore written whole here, with the format asked for, and
            // PostgresNIO's own ending is left in a comment. Names are PeakZero's, never a user's.
            let quoted = columns.map { "\"\($0)\"" }.joined(separator: ",")
            let statement = "\(table)\"(\(quoted)) FROM STDIN WITH (FORMAT \(Rows.format)) --"
            try await connection.copyFrom(table: statement, logger: logger) { writer in
                var rows = Rows()
                result = try await produce(&rows, Flush { try await writer.write($0) })
                rows.finish()
                if rows.byteCount > 0 { try await writer.write(rows.take()) }
            }
            return result!
        }
    }

    /// Sends what has been written: once it is about a megabyte, or all of it.
    struct Flush<Rows: CopyRows> {
        let send: (ByteBuffer) async throws -> Void

        func callAsFunction(_ rows: inout Rows) async throws {
            guard rows.byteCount >= 1 << 20 else { return }
            try await send(rows.take())
        }

        /// Everything written so far, so the server can finish its part while this one goes on.
        func all(_ rows: inout Rows) async throws {
            guard rows.byteCount > 0 else { return }
            try await send(rows.take())
        }
    }

    /// Runs `body` on the PostgreSQL connection behind `db`: a transaction's own (`PostgresSession`),
    /// or one taken from the pool for the while.
    static func withConnection<T: Sendable>(
        of db: any SQLDatabase, _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        if let session = db as? PostgresSession { return try await body(session.connection) }
        if let counting = db as? CountingSQLDatabase {
            counting.use.begin()
            defer { counting.use.end() }
            return try await withConnection(of: counting.database, body)
        }
        guard let postgres = db as? any PostgresDatabase else {
            throw StoreError.conflict("COPY needs a PostgreSQL connection, not \(type(of: db))")
        }
        return try await postgres.withConnection { connection in
            connection.eventLoop.makeFutureWithTask { try await body(connection) }
        }.get()
    }

    /// Sends whole rows of values.
    static func run(table: String, columns: [String], rows: [[BulkValue]], in db: any SQLDatabase) async throws {
        guard !rows.isEmpty else { return }
        try await run(table: table, columns: columns, in: db) { (copy: inout CopyTextRows, flush) in
            for row in rows {
                for value in row { copy.value(value) }
                copy.endRow()
                try await flush(&copy)
            }
        } as Void
    }
}

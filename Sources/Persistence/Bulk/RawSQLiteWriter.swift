import NIOPosix

/// The thread SQLite's direct writes run on, and the connection they share, kept open between them.
///
/// A write on a fresh connection paid for opening it and for parsing the schema (milliseconds), and
/// waited for a thread of the pool that also runs every read — while holding the write gate, so under
/// a mixed load every other write waited too (15 writes a second beside 160 reading connections).
/// On a thread of its own, with its connection kept, a write waits only for the writes before it.
final class RawSQLiteWriter: @unchecked Sendable {
    private let path: String
    private let thread = NIOThreadPool(numberOfThreads: 1)
    /// Touched only on `thread`, one job at a time.
    private var connection: SQLiteRaw?

    init(path: String) {
        self.path = path
        thread.start()
    }

    /// Runs `body` on the writer's thread with its connection (opened on first use).
    func run<T: Sendable>(_ body: @escaping @Sendable (SQLiteRaw) throws -> T) async throws -> T {
        try await thread.runIfActive {
            let connection = try self.connection ?? SQLiteRaw(path: self.path)
            self.connection = connection
            defer { connection.tidy() }
            return try body(connection)
        }
    }

    /// Closes the connection and stops the thread.
    func close() async throws {
        _ = try? await thread.runIfActive { self.connection = nil }
        try await thread.shutdownGracefully()
    }
}

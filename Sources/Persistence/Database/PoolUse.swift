import Foundation
import Logging
import NIOCore
import SQLKit

/// How much of the connection pool is in use, for the operators' metrics: the pool's size, the
/// queries and transactions running or waiting for a connection now, and the most seen at once
/// since the process started (a pool too small shows as a ceiling reached under load).
public final class PoolUse: Sendable {
    /// The most connections the pool opens.
    public let size: Int
    private let counts = LockedCounts()

    init(size: Int) { self.size = size }

    public struct Reading: Sendable, Equatable {
        /// Queries and transactions holding or awaiting a connection now.
        public let inFlight: Int
        /// The most at once so far.
        public let mostInFlight: Int
        /// Every query and transaction begun so far.
        public let begun: Int
    }

    public var reading: Reading { counts.reading }

    func begin() { counts.begin() }
    func end() { counts.end() }
}

/// The counts behind `PoolUse`, under a lock (they change on every query).
private final class LockedCounts: @unchecked Sendable {
    private let lock = NSLock()
    private var inFlight = 0
    private var most = 0
    private var begun = 0

    func begin() {
        lock.lock()
        inFlight += 1
        begun += 1
        most = max(most, inFlight)
        lock.unlock()
    }

    func end() {
        lock.lock()
        inFlight -= 1
        lock.unlock()
    }

    var reading: PoolUse.Reading {
        lock.lock()
        defer { lock.unlock() }
        return .init(inFlight: inFlight, mostInFlight: most, begun: begun)
    }
}

/// The pool's `SQLDatabase`, counting each query and session in `use` while it runs.
struct CountingSQLDatabase: SQLDatabase {
    let database: any SQLDatabase
    let use: PoolUse

    var logger: Logger { database.logger }
    var eventLoop: any EventLoop { database.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { database.version }
    var dialect: any SQLDialect { database.dialect }
    var queryLogLevel: Logger.Level? { database.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void)
        -> EventLoopFuture<Void>
    {
        use.begin()
        let use = use
        return database.execute(sql: query, onRow).always { _ in use.end() }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        use.begin()
        defer { use.end() }
        try await database.execute(sql: query, onRow)
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        use.begin()
        defer { use.end() }
        return try await database.withSession(closure)
    }
}

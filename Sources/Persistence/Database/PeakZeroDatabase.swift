@preconcurrency import AsyncKit
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit
import SQLiteKit

/// PeakZero's connection to its database, pooled, with the one SQL interface every store uses.
public final class PeakZeroDatabase: Sendable {
    public let sql: any SQLDatabase
    public let dialect: Dialect
    public let location: DatabaseLocation
    /// How bulk work runs here, fixed when the database opens.
    public let engine: StorageEngine
    /// For SQLite: one write transaction at a time within this process.
    let writeGate = WriteGate()
    /// For SQLite: the thread and connection direct writes run on.
    let rawWriter: RawSQLiteWriter?
    /// For PostgreSQL: the change counter, listening once someone asks for the change signal.
    let changeNotifications: ChangeNotifications?
    /// The connection pool's size and how much of it is in use, for the metrics.
    public let poolUse: PoolUse
    private let close: @Sendable () async throws -> Void

    private init(
        pool: any SQLDatabase, size: Int, dialect: Dialect, location: DatabaseLocation, engine: StorageEngine,
        changeNotifications: ChangeNotifications? = nil, close: @escaping @Sendable () async throws -> Void
    ) {
        poolUse = PoolUse(size: size)
        self.sql = CountingSQLDatabase(database: pool, use: poolUse)
        self.dialect = dialect
        self.location = location
        self.engine = engine
        self.changeNotifications = changeNotifications
        if case .sqliteBulk(let path) = engine {
            let writer = RawSQLiteWriter(path: path)
            rawWriter = writer
            self.close = {
                try await writer.close()
                try await close()
            }
        } else {
            rawWriter = nil
            self.close = close
        }
    }

    /// Runs blocking bulk work on the SQLite writer's thread and connection, off the async threads.
    func withRawSQLite<T: Sendable>(_ body: @escaping @Sendable (SQLiteRaw) throws -> T) async throws -> T {
        guard let rawWriter else { throw SQLiteRaw.Failure(message: "not a SQLite database") }
        // The writer's thread is outside this task: who is acting goes along by hand, for the audit trail.
        let actor = AuditActor.current
        return try await writeGate.run {
            try await rawWriter.run { connection in
                try AuditActor.$current.withValue(actor) { try body(connection) }
            }
        }
    }

    /// Opens (and for SQLite creates) the database. Call `shutdown()` when done.
    public static func open(_ location: DatabaseLocation, logger: Logger) async throws -> PeakZeroDatabase {
        let group = MultiThreadedEventLoopGroup.singleton
        switch location {
        case .sqliteFile(let path):
            return try await openSQLite(path: path, location: location, logger: logger, removeOnClose: false)
        case .sqliteMemory:
            // A private file in RAM (/dev/shm on Linux), removed on shutdown. Not SQLite's ":memory:",
            // which one connection alone can see: the pool and bulk connections must share the database.
            let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
            let path = URL(fileURLWithPath: folder).appendingPathComponent("peakzero-\(UUID().uuidString).sqlite").path
            return try await openSQLite(path: path, location: location, logger: logger, removeOnClose: true)
        case .postgres(let url):
            let configuration = try SQLPostgresConfiguration(url: url)
            let perLoop = 4
            let pool = EventLoopGroupConnectionPool(
                source: PostgresConnectionSource(sqlConfiguration: configuration), maxConnectionsPerEventLoop: perLoop,
                logger: logger, on: group)
            let notifications = ChangeNotifications(configuration: configuration.coreConfiguration, logger: logger)
            return PeakZeroDatabase(
                pool: pool.database(logger: logger).sql(), size: poolSize(perLoop, on: group),
                dialect: .postgres, location: location, engine: .portable,
                changeNotifications: notifications,
                close: {
                    await notifications.stop()
                    try await pool.shutdownAsync()
                })
        }
    }

    public func shutdown() async throws { try await close() }

    /// The most connections a pool opens: so many per event loop of the group.
    private static func poolSize(_ perLoop: Int, on group: any EventLoopGroup) -> Int {
        perLoop * Array(group.makeIterator()).count
    }

    /// Opens the database, optionally brings its schema up to date, runs `body`, and shuts it down
    /// whether `body` succeeds or throws.
    public static func with<T>(
        _ location: DatabaseLocation, logger: Logger, migrate: Bool = true, _ body: (PeakZeroDatabase) async throws -> T
    ) async throws -> T {
        let database = try await open(location, logger: logger)
        do {
            if migrate { try await Migrator().migrate(database) }
            let result = try await body(database)
            try await database.shutdown()
            return result
        } catch {
            try? await database.shutdown()
            throw error
        }
    }

    private static func openSQLite(
        path: String, location: DatabaseLocation, logger: Logger, removeOnClose: Bool
    ) async throws -> PeakZeroDatabase {
        let group = MultiThreadedEventLoopGroup.singleton
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let source = SQLiteSource(storage: .file(path: path))
        // WAL lets readers run beside the one writer; set once, it is a property of the file. So is
        // the page size, which only a new file takes: 16 KiB pages write a million rows faster.
        let first = try await source.makeConnection(logger: logger, on: group.any()).get()
        _ = try await first.query("PRAGMA page_size = 16384")
        _ = try await first.query("PRAGMA journal_mode=WAL")
        try await first.close()
        let perLoop = 2
        let pool = EventLoopGroupConnectionPool(
            source: source, maxConnectionsPerEventLoop: perLoop, logger: logger, on: group)
        let changeThread = NIOThreadPool(numberOfThreads: 1)
        changeThread.start()
        var changeSource = source
        changeSource.threadPool = changeThread
        let changes = EventLoopGroupConnectionPool(
            source: changeSource, maxConnectionsPerEventLoop: 1, logger: logger, on: group)
        return PeakZeroDatabase(
            pool: PooledSQLite(pool: pool, changes: changes, logger: logger).sql(), size: poolSize(perLoop, on: group),
            dialect: .sqlite, location: location,
            engine: .sqliteBulk(path: path),
            close: {
                try await pool.shutdownAsync()
                try await changes.shutdownAsync()
                try await changeThread.shutdownGracefully()
                if removeOnClose {
                    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
                }
            })
    }

    /// Runs `body` in one transaction on one connection: all of it is written, or none.
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws
        -> T
    {
        // SQLite: take the write lock at the start, so a transaction that reads before it writes
        // (the audit trail reads its last entry) waits its turn instead of failing to upgrade.
        let begin = dialect == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN"
        // The session's queries may run outside this task: who is acting goes along by hand.
        let actor = AuditActor.current
        let run = {
            try await self.withSession { session in
                try await AuditActor.$current.withValue(actor) {
                    try await session.raw(SQLQueryString(begin)).run()
                    do {
                        let result = try await body(session)
                        // PostgreSQL, while someone watches for changes: did this transaction write?
                        // If so the change signal moves now, before the caller can answer anyone.
                        let wrote = try await self.wroteInTransaction(session)
                        try await session.raw("COMMIT").run()
                        if wrote { self.changeNotifications?.moved() }
                        return result
                    } catch {
                        try? await session.raw("ROLLBACK").run()
                        throw error
                    }
                }
            }
        }
        return dialect == .sqlite ? try await writeGate.run(run) : try await run()
    }

    /// Runs `body` on one connection: on PostgreSQL a `PostgresSession`, whose connection bulk
    /// writes can take for `COPY`.
    private func withSession<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T)
        async throws -> T
    {
        guard dialect == .postgres else { return try await sql.withSession(body) }
        let logger = sql.logger
        return try await PostgresCopy.withConnection(of: sql) { connection in
            try await body(PostgresSession(connection, logger: logger))
        }
    }

    /// Whether the open transaction on `session` has written anything (it was given a transaction
    /// id); asked only on PostgreSQL when the change signal is in use.
    private func wroteInTransaction(_ session: any SQLDatabase) async throws -> Bool {
        guard let changeNotifications, changeNotifications.isStarted else { return false }
        let row = try await session.raw("SELECT txid_current_if_assigned() IS NOT NULL AS wrote").first()
        return try row?.decode(column: "wrote", as: Bool.self) ?? true
    }
}

/// Opens SQLite connections with the settings PeakZero relies on.
struct SQLiteSource: ConnectionPoolSource, Sendable {
    let storage: SQLiteConnection.Storage
    /// Where the connections' blocking calls run.
    var threadPool: NIOThreadPool = .singleton

    func makeConnection(logger: Logger, on eventLoop: any EventLoop) -> EventLoopFuture<SQLiteConnection> {
        SQLiteConnection.open(storage: storage, threadPool: threadPool, logger: logger, on: eventLoop).flatMap {
            connection in
            // Wait up to 10 s for another connection's write instead of failing at once;
            // NORMAL sync is durable in WAL mode except for the last transactions on power loss.
            connection.query("PRAGMA busy_timeout = 10000").flatMap { _ in
                connection.query("PRAGMA foreign_keys = ON")
            }.flatMap { _ in
                connection.query("PRAGMA synchronous = NORMAL")
            }.map { _ in connection }
        }
    }
}

/// A pool of SQLite connections seen as one `SQLiteDatabase`; each query or session takes one connection.
struct PooledSQLite: SQLiteDatabase {
    let pool: EventLoopGroupConnectionPool<SQLiteSource>
    /// The connections of requests that change data (`QueryLane.changes`), on a thread of their own.
    let changes: EventLoopGroupConnectionPool<SQLiteSource>
    let logger: Logger
    var eventLoop: any EventLoop { pool.eventLoopGroup.any() }

    /// The pool the asking task's queries go to.
    private var lane: EventLoopGroupConnectionPool<SQLiteSource> { QueryLane.changes ? changes : pool }

    func query(
        _ query: String, _ binds: [SQLiteData], logger: Logger, _ onRow: @escaping @Sendable (SQLiteRow) -> Void
    ) -> EventLoopFuture<Void> {
        lane.withConnection(logger: logger) { $0.query(query, binds, logger: logger, onRow) }
    }

    func withConnection<T>(_ closure: @escaping @Sendable (SQLiteConnection) -> EventLoopFuture<T>) -> EventLoopFuture<
        T
    > {
        lane.withConnection(logger: logger, closure)
    }
}

/// Which connections a task's SQLite queries use. SQLite's connections run their blocking calls on a
/// few shared threads, first come first served; under many readers a request that writes — whose
/// checks make several queries in turn, each waiting behind every read queued before it — took
/// seconds (15 writes a second beside 160 reading connections). Requests that change data set
/// `changes`, and their queries run on connections and a thread of their own.
public enum QueryLane {
    @TaskLocal public static var changes = false
}

import Foundation
@testable import Persistence
import PersistenceTestSupport
import SQLKit
import Testing

/// The change signal on both databases: still while nothing is written, moved at once by this
/// process's commits, and moved by another process's (on PostgreSQL through the triggers'
/// notifications, which arrive a moment after the commit).
@Suite("Change signal")
struct ChangeSignalTests {
    /// The signal once it can be relied on (PostgreSQL: once its connection listens).
    static func steadySignal(_ database: PeakZeroDatabase) async throws -> ChangeSignal {
        let signal = try #require(ChangeSignal(database))
        #expect(try await TestDatabases.untilSteady(signal), "the signal settles once listening")
        return signal
    }

    @Test("still while nothing writes; moved by this process's write at once, not by a read", arguments: TestDatabases.locations)
    func ownWrites(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { database in
            let signal = try await Self.steadySignal(database)
            let before = signal.current()
            _ = try await UnitStore(database).list(scope: .everything)
            _ = try await database.transaction { db in try await db.raw("SELECT 1 AS one").all().count }
            #expect(signal.current() == before, "reads, in a transaction or not, leave it")
            _ = try await UnitStore(database).create([
                NewUnit(code: "E9", name: "Enterprise 9", level: "enterprise", regionCode: "510104")
            ])
            #expect(signal.current() != before, "moved before the write returned")
        }
    }

    @Test("moved by another process's write (a second connection, as the command line makes)", arguments: TestDatabases.locations)
    func otherWrites(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { database in
            let signal = try await Self.steadySignal(database)
            let before = signal.current()
            try await PeakZeroDatabase.with(database.location, logger: TestDatabases.logger, migrate: false) { other in
                _ = try await UnitStore(other).create([
                    NewUnit(code: "E8", name: "Enterprise 8", level: "enterprise", regionCode: "510104")
                ])
            }
            var moved = false
            for _ in 0..<100 {
                if signal.current() != before { moved = true; break }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(moved, "seen within five seconds")
        }
    }

    /// The notification of a commit can arrive before the writer's task resumes, so "moved at
    /// once" alone cannot show that the commit moved the counter itself; the count can: one write,
    /// two moves (the commit's own and its notification's).
    @Test("PostgreSQL: this process's commit moves the counter itself, besides its notification")
    func ownCommitMovesTheCounter() async throws {
        guard TestDatabases.locations.contains("postgres") else { return }
        try await TestDatabases.withDatabase("postgres") { database in
            let signal = try await Self.steadySignal(database)
            let before = signal.current().first.0
            _ = try await UnitStore(database).create([
                NewUnit(code: "E7", name: "Enterprise 7", level: "enterprise", regionCode: "510104")
            ])
            for _ in 0..<100 where signal.current().first.0 < before + 2 {
                try await Task.sleep(for: .milliseconds(50))
            }
            try await Task.sleep(for: .milliseconds(200))
            #expect(signal.current().first.0 == before + 2)
        }
    }

    @Test("PostgreSQL: every table notifies its changes, sign-in failures excepted")
    func everyTableHasTheTrigger() async throws {
        guard TestDatabases.locations.contains("postgres") else { return }
        try await TestDatabases.withDatabase("postgres") { database in
            let missing = try await database.sql.raw(
                """
                SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relkind = 'r'
                AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = 'peakzero_change')
                """
            ).all().map { try $0.decode(column: "name", as: String.self) }
            #expect(missing == ["sign_in_failures"])
        }
    }
}

@Suite("Pool use")
struct PoolUseTests {
    @Test("a transaction counts as in flight while it runs; queries are counted as begun", arguments: TestDatabases.locations)
    func countsWhileRunning(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            let before = db.poolUse.reading
            #expect(before.inFlight == 0)
            #expect(db.poolUse.size >= 2)
            let inside = try await db.transaction { session in
                _ = try await session.raw("SELECT 1 AS one").all()
                return db.poolUse.reading
            }
            #expect(inside.inFlight == 1)
            _ = try await UnitStore(db).list(scope: .everything)
            let after = db.poolUse.reading
            #expect(after.inFlight == 0)
            #expect(after.mostInFlight >= 1)
            #expect(after.begun >= before.begun + 2)
        }
    }
}

import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// PostgreSQL's change signal: a counter that moves whenever the database may have changed.
///
/// Every table carries a statement trigger that sends `NOTIFY peakzero_change` (delivered when the
/// writing transaction commits, by any process: this server, the command line, a second server). One
/// connection of its own listens and moves the counter on each notification. This process's own
/// commits move it at once, before the transaction returns (`PeakZeroDatabase.transaction`), so the
/// request after a write never sees an answer from before it; another process's commit is seen when
/// its notification arrives, milliseconds later. While the listening connection is down — not yet
/// open, lost, reconnecting — every reading of the signal is new, so nothing remembered is used.
public final class ChangeNotifications: @unchecked Sendable {  // state only touched under `lock`
    /// The channel the triggers notify.
    static let channel = "peakzero_change"

    private let configuration: PostgresConnection.Configuration
    private let logger: Logger
    private let lock = NSLock()
    private var counter = 0
    /// Moves each time listening (re)starts: changes while it was down were not counted.
    private var epoch = 0
    private var listening = false
    /// Counts readings while not listening, so that each is different from every other.
    private var unknown = 0
    private var task: Task<Void, Never>?

    init(configuration: PostgresConnection.Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Starts listening (once; later calls do nothing).
    func start() {
        lock.withLock {
            guard task == nil else { return }
            task = Task { [weak self] in await self?.listenUntilCancelled() }
        }
    }

    var isStarted: Bool { lock.withLock { task != nil } }

    /// The signal now: the counter and epoch while listening; a reading never seen before while not.
    func current() -> (Int, Int, Int) {
        lock.withLock {
            if listening { return (counter, epoch, 0) }
            unknown += 1
            return (-1, -1, unknown)
        }
    }

    /// The database may have changed (a notification, or this process's own commit).
    func moved() { lock.withLock { counter += 1 } }

    func stop() async {
        let running = lock.withLock {
            defer { task = nil }
            return task
        }
        running?.cancel()
        await running?.value
    }

    private func setListening(_ on: Bool) {
        lock.withLock {
            listening = on
            if on { epoch += 1 }
        }
    }

    private func listenUntilCancelled() async {
        var failures = 0
        while !Task.isCancelled {
            do {
                let connection = try await PostgresConnection.connect(
                    on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 0,
                    logger: logger
                ).get()
                // Closed, and waited for, on every way out (PostgresNIO insists on it).
                var failure: (any Error)?
                do {
                    try await withTaskCancellationHandler {
                        try await connection.listen(on: Self.channel) { notifications in
                            setListening(true)
                            failures = 0
                            for try await _ in notifications { moved() }
                        }
                    } onCancel: {
                        let _: EventLoopFuture<Void> = connection.close()
                    }
                } catch {
                    failure = error
                }
                setListening(false)
                let _: EventLoopFuture<Void> = connection.close()
                try? await connection.closeFuture.get()
                if let failure { throw failure }
            } catch {
                if !Task.isCancelled && failures == 0 {
                    logger.warning("not listening for database changes, answers are not remembered: \(error)")
                }
                failures += 1
            }
            setListening(false)
            // Again soon, but not in a tight loop while the server is away.
            try? await Task.sleep(for: .milliseconds(min(5_000, 100 * (1 << min(failures, 6)))))
        }
    }

    /// The trigger function, and a statement trigger on every table that lacks one (run by the
    /// migrations, so that tables added later carry it too). Sign-in failures are left out: they
    /// change no answer, and a stranger's guesses should not make every answer be asked afresh.
    static let triggerStatements = [
        """
        CREATE OR REPLACE FUNCTION peakzero_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('\(channel)', '');
            RETURN NULL;
        END $$
        """,
        """
        DO $$
        DECLARE t record;
        BEGIN
            FOR t IN SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> 'sign_in_failures'
                AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = 'peakzero_change')
            LOOP
                EXECUTE format('CREATE TRIGGER peakzero_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                    || 'FOR EACH STATEMENT EXECUTE FUNCTION peakzero_notify_change()', t.name);
            END LOOP;
        END $$
        """,
    ]
}

import Dispatch
import Foundation
import Synchronization

/// Runs Bcrypt — a quarter of a second of one core per password at cost 12 — on threads of its own,
/// never on the threads that serve requests: forty simultaneous wrong passwords once held both
/// request threads of a two-core server for seconds, and every other request waited behind them.
/// At most `queueLimit` sign-in checks wait at once; beyond that a sign-in is refused as too many
/// attempts (retry after a second) instead of queueing without end. Setting a password (an
/// administrator's act, never a stranger's) always waits its turn.
final class PasswordWork: Sendable {
    /// Shared by every account store of the process, so the bound holds for the whole server.
    static let shared = PasswordWork(
        threads: max(1, ProcessInfo.processInfo.activeProcessorCount / 2), queueLimit: 64)

    private let queues: [DispatchQueue]
    private let queueLimit: Int
    private let state = Mutex((next: 0, waiting: 0))

    init(threads: Int, queueLimit: Int) {
        queues = (0..<max(1, threads)).map { DispatchQueue(label: "peakzero.password.\($0)") }
        self.queueLimit = queueLimit
    }

    /// How many checks run or wait now.
    var waiting: Int { state.withLock { $0.waiting } }

    /// Runs `work` on a password thread; throws `SignInRefusal.tooManyAttempts` when `bounded` and
    /// too many wait.
    func run<T: Sendable>(bounded: Bool = true, _ work: @escaping @Sendable () -> T) async throws -> T {
        let queue: DispatchQueue? = state.withLock { state in
            guard !bounded || state.waiting < queueLimit else { return nil }
            state.waiting += 1
            state.next = (state.next + 1) % queues.count
            return queues[state.next]
        }
        guard let queue else { throw SignInRefusal.tooManyAttempts(retryAfterSeconds: 1) }
        defer { state.withLock { $0.waiting -= 1 } }
        return await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }
}

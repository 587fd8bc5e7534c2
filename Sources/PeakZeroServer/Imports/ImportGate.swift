import Synchronization

/// How many imports run at once. Each holds its file and its checks in memory (a workbook up to
/// its unpacked limit); three large ones at once once took a server from 425 MB to 4.4 GB. Beyond
/// the limit an import is refused at once — 429 with `Retry-After` — rather than queued.
final class ImportGate: Sendable {
    let limit: Int
    private let running = Mutex(0)

    init(limit: Int = 2) { self.limit = limit }

    /// Takes a place, or returns false when all are taken; give it back with `leave()`.
    func enter() -> Bool {
        running.withLock { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    func leave() { running.withLock { $0 -= 1 } }

    /// Seconds a refused import is asked to wait.
    static let retryAfter = 10
}

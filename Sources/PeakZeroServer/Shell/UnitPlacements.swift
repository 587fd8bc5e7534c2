import Foundation
import Persistence

/// Where units sit, remembered while the database is unchanged (`ChangeSignal`). A request of an
/// account with a scope names a unit the scope must hold, and finding where the unit sits is a
/// query; the answer stands until a write — a unit moved, added or deleted — changes the signal.
/// On PostgreSQL there is no signal and every request asks.
final class UnitPlacements: @unchecked Sendable {  // `entries` and `version` only under `lock`
    private let signal: ChangeSignal
    private let lock = NSLock()
    private var entries: [Int64: AccessScope.Placement] = [:]
    private var version: ChangeSignal.Version?
    /// Past this many units, all are forgotten and found again.
    private let capacity = 100_000

    init?(database: PeakZeroDatabase) {
        guard let signal = ChangeSignal(database) else { return nil }
        self.signal = signal
    }

    /// Where the unit sits; nil when there is no such unit (not remembered: it may be made).
    func placement(of unitID: Int64, in database: PeakZeroDatabase) async throws -> AccessScope.Placement? {
        let now = signal.current()
        let known: AccessScope.Placement? = lock.withLock {
            if version != now {
                entries.removeAll(keepingCapacity: true)
                version = now
            }
            return entries[unitID]
        }
        if let known { return known }
        guard let found = try await AccessScope.placement(of: unitID, in: database) else { return nil }
        lock.withLock {
            guard version == now else { return }  // the database changed meanwhile: keep nothing
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[unitID] = found
        }
        return found
    }
}

import Foundation
import Persistence

/// Who a credential signs in, and the scopes of the account's grants, remembered between requests
/// while the database is unchanged. Finding them costs a few queries (the token or session, the
/// account, its grants, the units they name), more than answering a cached indicator query; so they
/// are kept, keyed by the credential's hash, with the database's change signal read before they
/// were found. Revoking a token, ending a session, disabling an account or changing a grant is a
/// write, which changes the signal: the next request finds them again. A remembered token or session
/// is also checked against its end. An in-memory SQLite database has no change signal: nothing is kept.
final class SignInCache: @unchecked Sendable {  // `entries` is only touched under `lock`
    struct Entry: Sendable {
        let signedIn: SignedIn
        let readScope: AccessScope
        let writeScope: AccessScope
        /// The signal before they were found; nil where there is none (in-memory SQLite).
        let version: ChangeSignal.Version?
        /// When the token or session ends, read once from `signedIn.expiresAt`.
        let expiry: Date?

        init(signedIn: SignedIn, readScope: AccessScope, writeScope: AccessScope, version: ChangeSignal.Version?) {
            self.signedIn = signedIn
            self.readScope = readScope
            self.writeScope = writeScope
            self.version = version
            expiry = AccountStore.moment(signedIn.expiresAt)
        }

        var identity: Identity {
            Identity(account: signedIn.account, credential: signedIn.csrfToken.map { .session(csrfToken: $0) } ?? .token)
        }
    }

    private let signal: ChangeSignal
    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    /// Enough for every account's sessions and tokens; past it, all are forgotten and found again.
    private let capacity = 10_000

    init?(database: PeakZeroDatabase) {
        guard let signal = ChangeSignal(database) else { return nil }
        self.signal = signal
    }

    /// The database's signal now: read it before finding what `remember` keeps.
    func version() -> ChangeSignal.Version { signal.current() }

    /// What `key` signed in, if the database is as it was (`now`, read by `version()`) when it was found.
    func entry(for key: String, at now: ChangeSignal.Version) -> Entry? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[key], entry.version == now else { return nil }
        return entry
    }

    func remember(_ entry: Entry, for key: String) {
        lock.lock()
        defer { lock.unlock() }
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = entry
    }
}

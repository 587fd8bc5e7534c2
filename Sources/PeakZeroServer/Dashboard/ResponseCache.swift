import Foundation
import HTTPTypes
import Hummingbird
import Persistence

/// Answers repeated indicator queries from memory. A response rests on stored inventories, which
/// never change, and on unit names and stale flags, which change only by writes; so a cached
/// response is served only while the database's `ChangeSignal` is as it was when it was made (SQLite:
/// the size and modification time of its file and WAL; PostgreSQL: the counter its tables' triggers
/// move — a commit by any process changes either).
final class ResponseCache: @unchecked Sendable {  // `entries` is only touched under `lock`
    struct Entry {
        let version: ChangeSignal.Version
        let body: ByteBuffer
    }

    // A lock, not an actor: a hit is a dictionary look-up, shorter than the hop onto an actor's
    // executor and back that every request paid.
    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    let signal: ChangeSignal
    private let capacity = 2_000

    init?(database: PeakZeroDatabase) {
        guard let signal = ChangeSignal(database) else { return nil }
        self.signal = signal
    }

    func response(for key: String, version: ChangeSignal.Version) -> Entry? {
        lock.withLock {
            guard let entry = entries[key], entry.version == version else { return nil }
            return entry
        }
    }

    func store(_ entry: Entry, for key: String) {
        lock.withLock {
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = entry
        }
    }
}

extension ResponseCache {
    /// The cached JSON for this request while the database is unchanged, else `make()`'s, remembered.
    func json(for request: Request, make: () async throws -> Data) async throws -> Response {
        let key = request.uri.description + "\u{1}" + request.language.rawValue
        let version = signal.current()
        let body: ByteBuffer
        if let hit = response(for: key, version: version) {
            body = hit.body
        } else {
            body = ByteBuffer(data: try await make())
            store(.init(version: version, body: body), for: key)
        }
        var response = Response.json(body)
        // It rests on the database alone: the connection may remember it for whoever asked.
        response.headers[RememberedAnswers.markerField] = ""
        return response
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import Persistence

/// Answers repeated indicator queries from memory. A response rests on stored inventories, which
/// never change, and on unit names and stale flags, which change only by writes; so a cached
/// response is served only while the database files are exactly as they were when it was made
/// (size and modification time of the SQLite file and its WAL — a commit by any process changes
/// them). PostgreSQL gives no such cheap signal, so there every request is computed.
actor ResponseCache {
    struct Entry {
        let version: DataVersion
        let body: ByteBuffer
    }

    struct DataVersion: Equatable {
        let parts: [Int]
    }

    private var entries: [String: Entry] = [:]
    private let files: [String]
    private let capacity = 2_000

    init?(database: PeakZeroDatabase) {
        guard case .sqliteFile(let path) = database.location else { return nil }
        files = [path, path + "-wal"]
    }

    /// The current state of the database files.
    nonisolated func currentVersion() -> DataVersion {
        var parts: [Int] = []
        for file in files {
            var info = stat()
            if stat(file, &info) == 0 {
                parts += [Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)]
            } else {
                parts += [-1, -1, -1]
            }
        }
        return DataVersion(parts: parts)
    }

    func response(for key: String, version: DataVersion) -> Entry? {
        guard let entry = entries[key], entry.version == version else { return nil }
        return entry
    }

    func store(_ entry: Entry, for key: String) {
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = entry
    }

    func clear() { entries.removeAll(keepingCapacity: true) }
}

extension ResponseCache {
    /// The cached JSON for this request while the database is unchanged, else `make()`'s, remembered.
    nonisolated func json(for request: Request, make: () async throws -> Data) async throws -> Response {
        let key = request.uri.description + "\u{1}" + request.language.rawValue
        let version = currentVersion()
        let body: ByteBuffer
        if let hit = await response(for: key, version: version) {
            body = hit.body
        } else {
            body = ByteBuffer(data: try await make())
            await store(.init(version: version, body: body), for: key)
        }
        return Response.json(Data(buffer: body))
    }
}

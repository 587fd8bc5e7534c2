import Foundation

/// A cheap sign that a SQLite database may have changed: the size and modification time of its
/// file and its write-ahead log, read with two `stat` calls. Every commit, by this process or
/// another (the command line), changes the log. Whoever remembers something read from the database
/// remembers the signal read *before* it, and reads again once the signal differs. PostgreSQL
/// gives no such signal: there is none, and nothing is remembered.
public struct ChangeSignal: Sendable {
    public struct Version: Sendable, Equatable {
        let parts: [Int]
    }

    private let files: [String]

    /// The signal of a database file; nil for PostgreSQL.
    public init?(_ database: PeakZeroDatabase) {
        guard case .sqliteFile(let path) = database.location else { return nil }
        files = [path, path + "-wal"]
    }

    /// The files' state now.
    public func current() -> Version {
        var parts: [Int] = []
        parts.reserveCapacity(6)
        for file in files {
            var info = stat()
            if stat(file, &info) == 0 {
                parts += [Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)]
            } else {
                parts += [-1, -1, -1]
            }
        }
        return Version(parts: parts)
    }
}

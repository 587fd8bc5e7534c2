import Foundation

/// A cheap sign that a SQLite database may have changed: the size and modification time of its
/// file and its write-ahead log, read with two `stat` calls. Every commit, by this process or
/// another (the command line), changes the log. Whoever remembers something read from the database
/// remembers the signal read *before* it, and reads again once the signal differs. PostgreSQL
/// gives no such signal: there is none, and nothing is remembered.
public struct ChangeSignal: Sendable {
    /// Size and modification time (seconds, nanoseconds) of the file and of its log; −1 for a file
    /// that is not there. Six numbers in the value itself: reading it allocates nothing.
    public struct Version: Sendable, Equatable {
        var file: (size: Int, seconds: Int, nanoseconds: Int)
        var log: (size: Int, seconds: Int, nanoseconds: Int)

        public static func == (a: Version, b: Version) -> Bool { a.file == b.file && a.log == b.log }
    }

    private let files: [String]

    /// The signal of a database file; nil for PostgreSQL.
    public init?(_ database: PeakZeroDatabase) {
        guard case .sqliteFile(let path) = database.location else { return nil }
        files = [path, path + "-wal"]
    }

    /// The files' state now.
    public func current() -> Version {
        Version(file: Self.state(of: files[0]), log: Self.state(of: files[1]))
    }

    private static func state(of file: String) -> (size: Int, seconds: Int, nanoseconds: Int) {
        var info = stat()
        guard stat(file, &info) == 0 else { return (-1, -1, -1) }
        return (Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec))
    }
}

import Foundation

/// A cheap sign that the database may have changed. Whoever remembers something read from the
/// database remembers the signal read *before* it, and reads again once the signal differs.
///
/// SQLite: the size and modification time of its file and its write-ahead log, read with two `stat`
/// calls; every commit, by this process or another (the command line), changes the log.
/// PostgreSQL: the counter of `ChangeNotifications`, moved by a trigger's notification on every
/// commit and at once by this process's own.
public struct ChangeSignal: Sendable {
    /// Six numbers in the value itself, so reading it allocates nothing. SQLite: size and
    /// modification time (seconds, nanoseconds) of the file and of its log, −1 for a file that is not
    /// there. PostgreSQL: the counter, the listening epoch, and a number that makes a reading taken
    /// while not listening unlike any other.
    public struct Version: Sendable, Equatable {
        var first: (Int, Int, Int)
        var second: (Int, Int, Int)

        public static func == (a: Version, b: Version) -> Bool { a.first == b.first && a.second == b.second }
    }

    private enum Source: Sendable {
        case files(String, String)
        case notifications(ChangeNotifications)
    }

    private let source: Source

    /// The signal of a database file, or of a PostgreSQL database (which starts listening); nil for
    /// an in-memory SQLite database, which only this process sees.
    public init?(_ database: PeakZeroDatabase) {
        switch database.location {
        case .sqliteFile(let path):
            source = .files(path, path + "-wal")
        case .postgres:
            guard let notifications = database.changeNotifications else { return nil }
            notifications.start()
            source = .notifications(notifications)
        case .sqliteMemory:
            return nil
        }
    }

    /// The database's state now.
    public func current() -> Version {
        switch source {
        case .files(let file, let log):
            return Version(first: Self.state(of: file), second: Self.state(of: log))
        case .notifications(let notifications):
            return Version(first: notifications.current(), second: (0, 0, 0))
        }
    }

    private static func state(of file: String) -> (Int, Int, Int) {
        var info = stat()
        guard stat(file, &info) == 0 else { return (-1, -1, -1) }
        return (Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec))
    }
}

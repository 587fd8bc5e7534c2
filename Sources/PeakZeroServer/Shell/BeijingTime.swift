import Foundation
import Synchronization

/// Times as the pages show them: Beijing time (UTC+8, China has no summer time), to the second
/// or the minute. Stored timestamps are UTC (`2026-11-21T23:57:20Z`).
enum BeijingTime {
    /// "2026-11-22 07:57:20" for a stored UTC timestamp; the text as stored when it is not one.
    static func show(_ stored: String) -> String {
        guard let date = parser.withLock({ $0.date(from: stored) }) else { return stored }
        return seconds.withLock { $0.string(from: date) }
    }

    /// "2026-11-22 07:57" for a stored UTC timestamp; the text as stored when it is not one.
    static func minute(of stored: String) -> String {
        guard let date = parser.withLock({ $0.date(from: stored) }) else { return stored }
        return minute(date)
    }

    /// "2026-11-22 07:57": when a page was made, for its print header.
    static func minute(_ date: Date) -> String { minutes.withLock { $0.string(from: date) } }

    private static func formatter(_ pattern: String) -> Mutex<DateFormatter> {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = pattern
        return Mutex(formatter)
    }

    private static let parser = Mutex(ISO8601DateFormatter())
    private static let seconds = formatter("yyyy-MM-dd HH:mm:ss")
    private static let minutes = formatter("yyyy-MM-dd HH:mm")
}

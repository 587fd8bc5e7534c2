import Foundation
import Intake

/// The date in China, read from the one clock the server is built with (tests give theirs): this
/// month for imports and coverage grids, today for due dates and warnings, this year for the pages'
/// defaults. Handlers read it here rather than asking the system clock each on its own.
public struct ChinaClock: Sendable {
    public let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) { self.now = now }

    /// The machine's clock.
    public static let system = ChinaClock { Date() }

    /// This month in China.
    var month: ImportClock { ImportClock(today: now()) }

    var year: Int { month.year }

    /// Today's date in China, `YYYY-MM-DD`: due dates are Beijing dates.
    var today: String { Self.date(now()) }

    public static func date(_ moment: Date) -> String {
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return formatter.string(from: moment)
    }
}

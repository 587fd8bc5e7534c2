import Accounting
import Foundation

/// The current month in China, against which an import refuses periods that have not begun and
/// the pages tell months that have ended from months still running.
public struct ImportClock: Sendable {
    public let year: Int
    public let month: Int

    public init(today: Date) {
        let now = Calendar(identifier: .gregorian).dateComponents(
            in: TimeZone(identifier: "Asia/Shanghai")!, from: today)
        year = now.year ?? 0
        month = now.month ?? 0
    }

    /// A month after this one, or a year after this one.
    public func isFuture(_ period: Period) -> Bool {
        period.year > year || (period.year == year && (period.month ?? 1) > month)
    }
}

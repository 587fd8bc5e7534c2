import Foundation

/// A reporting period: a whole year (`2024`) or a month (`2024-03`).
public struct Period: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int?

    public init?(year: Int, month: Int? = nil) {
        guard (1900...2200).contains(year) else { return nil }
        if let month, !(1...12).contains(month) { return nil }
        self.year = year
        self.month = month
    }

    /// Reads `YYYY`, `YYYY-MM`, `YYYY-M`, `YYYY/MM` or `YYYY年MM月`.
    public init?(parsing text: String) {
        var t = text.trimmed
        if t.hasSuffix("月") { t.removeLast() }
        if t.contains(where: { $0 == "年" || $0 == "/" }) {
            t = String(t.map { $0 == "年" || $0 == "/" ? "-" : $0 })
        }
        if t.hasSuffix("-") { t.removeLast() }
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2, parts[0].count == 4, let year = Int(parts[0]) else { return nil }
        if parts.count == 1 {
            self.init(year: year)
            return
        }
        guard (1...2).contains(parts[1].count), let month = Int(parts[1]) else { return nil }
        self.init(year: year, month: month)
    }

    public var description: String {
        guard let month else { return String(year) }
        return month < 10 ? "\(year)-0\(month)" : "\(year)-\(month)"
    }

    public static func < (lhs: Period, rhs: Period) -> Bool {
        (lhs.year, lhs.month ?? 0) < (rhs.year, rhs.month ?? 0)
    }
}

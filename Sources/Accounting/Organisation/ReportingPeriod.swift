/// A period a unit reports for, by its reporting class: a month (月报), a quarter (季报) or the
/// year (年报). A record belongs to the period holding its month; a whole-year record (no month)
/// to the period that ends the year.
public struct ReportingPeriod: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let firstMonth: Int
    public let lastMonth: Int

    /// A month, a calendar quarter or the whole year; nil for any other span.
    public init?(year: Int, firstMonth: Int, lastMonth: Int) {
        guard (1900...2200).contains(year), (1...12).contains(firstMonth), (1...12).contains(lastMonth) else {
            return nil
        }
        let isMonth = firstMonth == lastMonth
        let isQuarter = lastMonth == firstMonth + 2 && firstMonth % 3 == 1
        let isYear = firstMonth == 1 && lastMonth == 12
        guard isMonth || isQuarter || isYear else { return nil }
        self.year = year
        self.firstMonth = firstMonth
        self.lastMonth = lastMonth
    }

    /// The period of a unit of `reportingClass` that holds `month` of `year` (nil: the whole year's records).
    public init(containing month: Int?, of year: Int, for reportingClass: ReportingUnit.ReportingClass) {
        let month = month ?? 12
        switch reportingClass {
        case .monthly: (firstMonth, lastMonth) = (month, month)
        case .quarterly: (firstMonth, lastMonth) = ((month - 1) / 3 * 3 + 1, (month - 1) / 3 * 3 + 3)
        case .yearly: (firstMonth, lastMonth) = (1, 12)
        }
        self.year = year
    }

    /// Every period of a year for a reporting class, in order.
    public static func all(in year: Int, for reportingClass: ReportingUnit.ReportingClass) -> [ReportingPeriod] {
        let firsts: [Int] =
            switch reportingClass {
            case .monthly: Array(1...12)
            case .quarterly: [1, 4, 7, 10]
            case .yearly: [1]
            }
        return firsts.map { ReportingPeriod(containing: $0, of: year, for: reportingClass) }
    }

    /// Reads `2024-03`, `2024-Q1` or `2024`.
    public init?(parsing text: String) {
        let parts = text.uppercased().split(separator: "-")
        guard let first = parts.first, first.count == 4, let year = Int(first), parts.count <= 2 else { return nil }
        guard parts.count == 2 else {
            self.init(year: year, firstMonth: 1, lastMonth: 12)
            return
        }
        let part = parts[1]
        if part.hasPrefix("Q"), let quarter = Int(part.dropFirst()), (1...4).contains(quarter) {
            self.init(year: year, firstMonth: quarter * 3 - 2, lastMonth: quarter * 3)
        } else if (1...2).contains(part.count), let month = Int(part) {
            self.init(year: year, firstMonth: month, lastMonth: month)
        } else {
            return nil
        }
    }

    public func contains(month: Int?) -> Bool { (firstMonth...lastMonth).contains(month ?? 12) }

    public var description: String {
        if firstMonth == lastMonth { return "\(year)-" + (firstMonth < 10 ? "0" : "") + String(firstMonth) }
        if firstMonth == 1 && lastMonth == 12 { return String(year) }
        return "\(year)-Q\(lastMonth / 3)"
    }

    public static func < (a: Self, b: Self) -> Bool {
        (a.year, a.firstMonth, a.lastMonth) < (b.year, b.firstMonth, b.lastMonth)
    }
}

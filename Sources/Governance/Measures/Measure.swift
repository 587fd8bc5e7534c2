import Foundation

/// An item of a responsibility or measure list (责任清单、措施清单): who does what by when,
/// toward which target. Trainings and campaigns are items too, with their participants counted.
public enum MeasureKind: String, Sendable, Codable, CaseIterable {
    case measure, responsibility, training, campaign
}

/// The state an item's owner sets; `overdue` is never set, it is read from the deadline.
public enum MeasureStatus: String, Sendable, Codable, CaseIterable {
    case planned
    case inProgress = "in_progress"
    case done
    case overdue

    /// The status as it stands on `today` (yyyy-MM-dd): an unfinished item past its deadline is overdue.
    public static func effective(_ set: MeasureStatus, deadline: String, today: String) -> MeasureStatus {
        set != .done && deadline < today ? .overdue : set
    }

    /// Statuses an owner may set.
    public static let settable: [MeasureStatus] = [.planned, .inProgress, .done]
}

/// Days as `yyyy-MM-dd` text (ISO 8601, so text order is date order), checked.
public enum DayText {
    public static func parse(_ text: String) -> Date? {
        let parts = text.split(separator: "-")
        guard text.count == 10, parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            (1...12).contains(m), (1...31).contains(d)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: y, month: m, day: d)
        guard let date = calendar.date(from: components),
            calendar.component(.day, from: date) == d, calendar.component(.month, from: date) == m
        else { return nil }
        return date
    }

    /// Whole days from one day to another.
    public static func days(from a: String, to b: String) -> Int? {
        guard let x = parse(a), let y = parse(b) else { return nil }
        return Int((y.timeIntervalSince(x) / 86_400).rounded())
    }
}

import Foundation

/// Excel's serial dates: days since an epoch, with the time as the fraction of a day. The 1900
/// system counts 1900-02-29, a day that never was (kept for Lotus 1-2-3 compatibility), so serials
/// from 61 on are one more than the days since 1899-12-31; the 1904 system (old Mac workbooks)
/// counts from 1904-01-01.
public enum ExcelDate {
    static let secondsPerDay = 86_400.0
    /// 1899-12-30 and 1904-01-01, 00:00 UTC.
    static let epoch1900 = Date(timeIntervalSince1970: -2_209_161_600)
    static let epoch1904 = Date(timeIntervalSince1970: -2_082_844_800)

    public static func date(serial: Double, uses1904: Bool) -> Date {
        if uses1904 { return epoch1904.addingTimeInterval(serial * secondsPerDay) }
        // Serials 1…59 (1900-01-01 … 1900-02-28) sit one day later than the count from 1899-12-30.
        let days = serial < 61 ? serial + 1 : serial
        return epoch1900.addingTimeInterval(days * secondsPerDay)
    }

    /// The 1900-system serial of a date (PeakZero writes only that system).
    public static func serial(of date: Date) -> Double {
        let days = date.timeIntervalSince(epoch1900) / secondsPerDay
        return days < 61 ? days - 1 : days
    }

    static let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    /// `yyyy-MM-dd`, or `yyyy-MM-dd HH:mm:ss` when the time is not midnight.
    public static func text(_ date: Date) -> String {
        // Rounded to the second: serials carry binary noise in their fraction.
        let rounded = Date(timeIntervalSince1970: (date.timeIntervalSince1970).rounded())
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: rounded)
        let day = String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
        if c.hour == 0, c.minute == 0, c.second == 0 { return day }
        return day + String(format: " %02d:%02d:%02d", c.hour!, c.minute!, c.second!)
    }
}

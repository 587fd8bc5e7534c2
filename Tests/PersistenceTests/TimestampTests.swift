import Foundation
import Testing

@testable import Persistence

@Suite("Timestamps")
struct TimestampTests {
    @Test("written by hand as Foundation's ISO 8601 formatter writes them, and read back")
    func sameAsFoundation() {
        let formatter = ISO8601DateFormatter()
        var seed: UInt64 = 3
        var dates = [
            Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -86_400.5),
            Date(timeIntervalSince1970: 951_782_400),
        ]
        for _ in 0..<2_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // Any moment from 1970 to 2100, fractions of a second included.
            dates.append(Date(timeIntervalSince1970: Double(seed >> 33) / Double(1 << 31) * 4_102_444_800))
        }
        for date in dates {
            #expect(Timestamp.string(date) == formatter.string(from: date), "\(date.timeIntervalSince1970)")
            #expect(
                Timestamp.date(Timestamp.string(date))
                    == Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)))
            // Read by hand exactly as Foundation's formatter reads it.
            #expect(Timestamp.date(Timestamp.string(date)) == formatter.date(from: Timestamp.string(date)))
        }
        // Not the written form: the formatter decides (a fraction of a second, an offset, nonsense).
        for text in ["2024-13-01T00:00:00Z", "2024-02-30T00:00:00Z", "2023-12-31T23:59:60Z", "2024-02-30T00:00:00+08:00", "2024-01-01 00:00:00Z", "20x4-01-01T00:00:00Z", ""] {
            #expect(Timestamp.date(text) == formatter.date(from: text), "\(text)")
        }
    }
}

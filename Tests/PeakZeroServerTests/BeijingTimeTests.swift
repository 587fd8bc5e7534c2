import Foundation
import Testing

@testable import PeakZeroServer

@Suite("Times on the pages are Beijing time")
struct BeijingTimeTests {
    @Test("a stored UTC stamp is shown eight hours on, across midnight; anything else as stored")
    func stamps() {
        #expect(BeijingTime.show("2026-11-21T23:57:20Z") == "2026-11-22 07:57:20")
        #expect(BeijingTime.show("2026-12-31T16:00:00Z") == "2027-01-01 00:00:00")
        #expect(BeijingTime.show("not a time") == "not a time")
        #expect(BeijingTime.minute(Date(timeIntervalSince1970: 0)) == "1970-01-01 08:00")
    }
}

import Testing

@testable import PeakZeroServer

@Suite("Numbers on the pages")
struct WebNumbersTests {
    @Test(
        "Chinese readers get 万 and 亿 for large amounts; English readers thousands separators",
        arguments: [
            (0.0, "0", "0"), (0.1234, "0.123", "0.123"), (12.34, "12.3", "12.3"), (1234.0, "1,234", "1,234"),
            (455_012.0, "45.50 万", "455,012"), (123_456_789.0, "1.23 亿", "123,456,789"),
            (-98_765.0, "−9.88 万", "−98,765"),
        ])
    func amounts(value: Double, zh: String, en: String) {
        #expect(WebNumbers.amount(value, .zh) == zh)
        #expect(WebNumbers.amount(value, .en) == en)
    }

    @Test("changes are signed per cents with a true minus sign")
    func changes() {
        #expect(WebNumbers.change(0.0321) == "+3.2%")
        #expect(WebNumbers.change(-0.05) == "−5.0%")
        #expect(WebNumbers.change(0.00001) == "0.0%")
        #expect(WebNumbers.intensity(0.246_213) == "0.2462")
    }
}

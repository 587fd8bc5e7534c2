import Testing

@testable import PeakZeroServer

@Suite("Numbers on the pages")
struct WebNumbersTests {
    @Test(
        "Chinese readers get 万 and 亿 for large amounts, English readers k and M; both group thousands below that",
        arguments: [
            (0.0, "0", "0"), (0.1234, "0.123", "0.123"), (12.34, "12.3", "12.3"), (1234.0, "1,234", "1,234"),
            (9_999.0, "9,999", "9,999"), (455_012.0, "45.50 万", "455.01 k"), (123_456_789.0, "1.23 亿", "123.46 M"),
            (-98_765.0, "−9.88 万", "−98.77 k"), (12_345_678_901.0, "123.46 亿", "12,345.68 M"),
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

    @Test(
        "intensities keep four significant digits and never an exponent",
        arguments: [
            (0.246_213, "0.2462"), (2.265, "2.265"), (0.9, "0.9"), (12.3456, "12.35"), (999.96, "1000"),
            (12_345.6, "12,346"), (0.000_012_34, "0.00001234"), (-0.5089, "−0.5089"), (0.0, "0"),
        ])
    func intensities(value: Double, text: String) {
        #expect(WebNumbers.intensity(value) == text)
    }
}

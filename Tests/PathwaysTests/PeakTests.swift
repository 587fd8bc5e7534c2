import Pathways
import Testing

@Suite("Peak year")
struct PeakTests {
    static func series(_ values: [Double], from year: Int = 2025) -> [(year: Int, value: Double)] {
        values.enumerated().map { (year + $0.offset, $0.element) }
    }

    @Test("a rise, a peak and a decline: the year of the largest value")
    func clearPeak() {
        #expect(Peak.find(Self.series([90, 95, 100, 97, 92])) == .peaked(year: 2027, value: 100, plateauFrom: 2027))
    }

    @Test("a rise to the horizon is no peak")
    func risingToHorizon() {
        #expect(Peak.find(Self.series([90, 95, 100, 101])) == .risingAtHorizon(largest: 101))
    }

    @Test("a plateau that has not declined by the horizon is no peak; one that declines peaks at its top")
    func plateau() {
        // Within 1 % of 100.5 to the end: still on the plateau.
        #expect(Peak.find(Self.series([95, 100, 100.5, 100.2, 99.8])) == .plateauAtHorizon(year: 2027, value: 100.5))
        // The same plateau, then below 99.495: peaked in 2027, the plateau having begun in 2026.
        #expect(
            Peak.find(Self.series([95, 100, 100.5, 100.2, 99.8, 97])) == .peaked(year: 2027, value: 100.5, plateauFrom: 2026))
        // A wider tolerance keeps 97 on the plateau.
        #expect(Peak.find(Self.series([95, 100, 100.5, 100.2, 99.8, 97]), tolerance: 0.05)?.year == nil)
    }

    @Test("a dip and a rebound: the rebound's top is the peak when it is higher; the first top when not")
    func dipAndRebound() {
        #expect(Peak.find(Self.series([100, 95, 105, 96])) == .peaked(year: 2027, value: 105, plateauFrom: 2027))
        #expect(Peak.find(Self.series([100, 95, 99.5, 90])) == .peaked(year: 2025, value: 100, plateauFrom: 2025))
        // A rebound that ends the horizon higher than the first top: rising.
        #expect(Peak.find(Self.series([100, 95, 101])) == .risingAtHorizon(largest: 101))
    }
}

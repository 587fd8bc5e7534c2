import Testing

@testable import Charts

@Suite("Chart geometry")
struct ChartGeometryTests {
    @Test(
        "ticks are 1, 2 or 5 × 10ⁿ, cover the values and zero",
        arguments: [
            ([0.0, 87], [0.0, 20, 40, 60, 80, 100]),
            ([12.0, 48], [0.0, 10, 20, 30, 40, 50]),
            ([-30.0, 70], [-40.0, -20, 0, 20, 40, 60, 80]),
            ([0.0, 0.37], [0.0, 0.1, 0.2, 0.3, 0.4]),
            ([940_400.0], [0.0, 200_000, 400_000, 600_000, 800_000, 1_000_000]),
            ([Double](), [0.0, 0.2, 0.4, 0.6, 0.8, 1]),
        ])
    func ticks(values: [Double], expected: [Double]) {
        let ticks = NiceScale(covering: values).ticks
        #expect(ticks.count == expected.count)
        for (tick, want) in zip(ticks, expected) { #expect(abs(tick - want) <= 1e-9 * max(1, abs(want))) }
    }

    @Test("a sparkline's scale need not reach zero")
    func withoutZero() {
        #expect(NiceScale(covering: [96, 104], count: 2, includingZero: false).ticks == [95, 100, 105])
    }

    @Test("a target's chart fits its axis to the figures: an actual 1.4 % under its limit stands apart")
    func fittedAxis() {
        // The demo supervisor's emissions cap (953,369.5 t) and its actual (940,436.1 t).
        let points: [(String, [Double?])] = [("limit", [953_369.5]), ("actual", [940_436.1])]
        let zeroBased = LineChart(id: "a", title: "", summary: "", categories: ["2024"], series: points, unit: "t") { "\($0)" }
        let fitted = LineChart(
            id: "b", title: "", summary: "", categories: ["2024"], series: points, fromZero: false, unit: "t") { "\($0)" }
        func gap(_ chart: LineChart) -> Double {
            abs(Double(chart.series[0].points[0].y)! - Double(chart.series[1].points[0].y)!)
        }
        // On a 0-based axis the two dots are under 3 px apart and overlap (they are 6 px wide).
        #expect(gap(zeroBased) < 3)
        #expect(gap(fitted) > 40)
        #expect(fitted.axes.yTicks.first.map { Double($0.label)! } ?? 0 > 900_000)
        // A single value still gets an axis around it.
        #expect(NiceScale(covering: [500], includingZero: false).ticks.count >= 2)
    }

    @Test("a line breaks at a missing month instead of dropping to zero; the table shows a dash")
    func lineGaps() {
        let chart = LineChart(
            id: "t", title: "emissions", summary: "", categories: ["1", "2", "3", "4"],
            series: [("2024", [10, nil, 30, 40])], unit: "tCO2e", format: { String(Int($0)) })
        // Plot from x 64 to 624: four slots of 140, centred; y from 212 (0) to 14 (40).
        #expect(chart.series[0].path == "M134 162.5M414 63.5L554 14")
        #expect(chart.series[0].points.map(\.title) == ["2024 1: 10", "2024 3: 30", "2024 4: 40"])
        #expect(chart.table.rows.map(\.cells) == [["10"], ["—"], ["30"], ["40"]])
        #expect(chart.axes.yTicks.map(\.label) == ["0", "10", "20", "30", "40"])
    }

    @Test("bars are as long as their share of the largest; a tiny value still shows")
    func bars() {
        let chart = BarChart(
            id: "b", title: "by item", summary: "", entries: [("coal", 200), ("gas", 50), ("tiny", 0.001)],
            format: { String($0) })
        #expect(chart.bars.map(\.width) == ["356", "89", "1"])
        #expect(chart.height == 80)
    }

    @Test("a name too long for the space left of the bars is shortened where drawn, kept whole in tooltip and table")
    func longLabels() {
        let long = "川农牧与新材料集团有限公司（虚构）"  // 17 wide characters: 204 px at 12 px
        let chart = BarChart(
            id: "b", title: "by unit", summary: "", entries: [(long, 2), ("Short Co.", 1)], format: { String($0) })
        #expect(chart.bars[0].shownLabel == "川农牧与新材料集团有限公司（虚…", "15 characters and the ellipsis fill 192 px")
        #expect(chart.bars[0].label == long && chart.table.rows[0].label == long)
        #expect(chart.bars[1].shownLabel == "Short Co.")
    }

    @Test("slices share the ring in proportion; a single part is a whole ring of two halves")
    func donut() {
        let chart = DonutChart(
            id: "d", title: "by scope", summary: "", parts: [("scope 1", 75), ("scope 2", 25), ("none", 0)],
            format: { String(Int($0)) })
        #expect(chart.slices.map(\.share) == ["75.0%", "25.0%"])
        // Three quarters of the turn ends at nine o'clock: x = 100 − 92.
        #expect(chart.slices[0].path.hasPrefix("M100 8A92 92 0 1 1 8 100"))
        #expect(chart.table.rows.map(\.cells) == [["75", "75.0%"], ["25", "25.0%"], ["0", "—"]])
        let whole = DonutChart(id: "w", title: "", summary: "", parts: [("all", 5)], format: { String($0) })
        #expect(whole.slices[0].path.components(separatedBy: "Z").count == 3)
    }

    @Test("a column's parts stack in proportion to their values; a missing or zero part draws nothing")
    func stacked() throws {
        let chart = StackedBarChart(
            id: "s", title: "by scope", summary: "", categories: ["1", "2", "3"],
            parts: [("scope 1", [10, 20, nil]), ("scope 2", [30, 0, 5])], totalName: "total",
            unit: "tCO2e", format: { String(Int($0)) })
        #expect(chart.axes.unit == "tCO2e")
        // Totals 40, 20, 5: the axis runs 0…40 over y 212…14, 4.95 per unit; columns are 70 % of
        // their 560/3 slot, centred.
        #expect(chart.axes.yTicks.map(\.label) == ["0", "10", "20", "30", "40"])
        #expect(chart.barWidth == "130.7" && chart.columns.map(\.x) == ["92", "278.7", "465.3"])
        let first = chart.columns[0].segments
        #expect(first.map(\.index) == [1, 2] && first.map(\.height) == ["49.5", "148.5"])
        #expect(first.map(\.y) == ["162.5", "14"], "scope 2 sits on top of scope 1")
        #expect(chart.columns[1].segments.map(\.height) == ["99"])
        #expect(chart.columns[2].segments.map(\.index) == [2])
        #expect(chart.columns[2].segments.map(\.title) == ["scope 2 3: 5"])
        #expect(chart.table.header == ["", "scope 1", "scope 2", "total"])
        #expect(chart.table.rows.map(\.cells) == [["10", "30", "40"], ["20", "0", "20"], ["—", "5", "5"]])
        #expect(chart.keys.map(\.name) == ["scope 1", "scope 2"])
    }

    @Test("a negative part hangs below the axis, a positive one stands on it")
    func stackedNegative() throws {
        let chart = StackedBarChart(
            id: "n", title: "", summary: "", categories: ["1"], parts: [("up", [10]), ("down", [-5])],
            totalName: "total", unit: "tCO2e", format: { String(Int($0)) })
        #expect(chart.axes.yTicks.map(\.label) == ["-5", "0", "5", "10"])
        let zero = try #require(chart.axes.yTicks.first { $0.label == "0" }).y
        let segments = chart.columns[0].segments
        let up = try #require(Double(segments[0].y)) + (try #require(Double(segments[0].height)))
        #expect(abs(up - (try #require(Double(zero)))) < 0.11, "the positive part ends at zero")
        #expect(segments[1].y == zero, "the negative part starts at zero")
        #expect(segments[0].height == "132" && segments[1].height == "66", "twice as tall for twice the value")
    }

    @Test("a tick drops the zeros a round figure does not need, and keeps the rest of its label")
    func tickLabels() {
        #expect(tickLabel("100.00 k") == "100 k")
        #expect(tickLabel("2.50 万") == "2.5 万")
        #expect(tickLabel("1,234.5") == "1,234.5")
        #expect(tickLabel("0.0020") == "0.002")
        #expect(tickLabel("−1.00 亿") == "−1 亿")
        #expect(tickLabel("2030") == "2030")
        let axes = CategoryAxes(covering: [0, 100_000], categories: ["1"], unit: "t") { String(format: "%.2f k", $0 / 1000) }
        #expect(axes.yTicks.map(\.label).contains("100 k"))
    }
}


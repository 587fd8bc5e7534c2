import Testing

@testable import Charts

@Suite("Roadmap charts: long runs of years, references, peaks and waterfalls")
struct RoadmapChartTests {
    @Test("of a run of years only the first (when not crowding the next fifth) and every fifth are labelled")
    func yearLabels() {
        let from2020 = CategoryAxes(covering: [1], categories: (2020...2060).map(String.init), unit: "t", format: { "\($0)" })
        #expect(from2020.xTicks.map(\.label) == stride(from: 2020, through: 2060, by: 5).map(String.init))
        let from2023 = CategoryAxes(covering: [1], categories: (2023...2060).map(String.init), unit: "t", format: { "\($0)" })
        #expect(from2023.xTicks.first?.label == "2025")
        let from2021 = CategoryAxes(covering: [1], categories: (2021...2040).map(String.init), unit: "t", format: { "\($0)" })
        #expect(from2021.xTicks.map(\.label) == ["2021", "2025", "2030", "2035", "2040"])
        // A year's months keep every label.
        #expect(CategoryAxes(covering: [1], categories: (1...12).map(String.init), unit: "t", format: { "\($0)" }).xTicks.count == 12)
    }

    @Test("a reference line sits at its value, a deadline at its category, a peak mark on its point")
    func referencesAndMarks() {
        let chart = LineChart(
            id: "t", title: "CO2", summary: "", categories: ["2023", "2024", "2025", "2026"],
            series: [("policy", [30, 40, 35, 20])], references: [("cap", 50)], deadlines: [(2, "2025")],
            marks: [(0, 1, "peak")], unit: "t", format: { String(Int($0)) })
        // y runs from 212 (0) to 14 (50); x slots of 140 centred from 64.
        #expect(chart.references.map(\.y) == ["14"] && chart.references[0].label == "cap 50")
        #expect(chart.deadlines.map(\.x) == ["414"])
        #expect(chart.marks.map(\.x) == ["274"] && chart.marks.map(\.y) == ["53.6"])
        #expect(chart.marks[0].title == "policy 2024: peak")
        // A mark on a missing point or series draws nothing.
        let missing = LineChart(
            id: "t", title: "", summary: "", categories: ["a", "b"], series: [("s", [1, nil])],
            marks: [(0, 1, "x"), (3, 0, "y")], unit: "t", format: { "\($0)" })
        #expect(missing.marks.isEmpty)
    }

    @Test("each effect floats from the running total; the start and end stand on zero")
    func waterfall() {
        let chart = WaterfallChart(
            id: "w", title: "change", summary: "", start: ("2020", 100), effects: [("activity", 40), ("intensity", -60)],
            end: ("2023", 80), unit: "t", format: { String(Int($0)) })
        // Ticks in steps of 50 cover 0–140: y from 212 (0) to 14 (150); four slots of 140 from x 64.
        #expect(chart.axes.yTicks.map(\.label).last == "150")
        let scale = 198.0 / 150
        func y(_ v: Double) -> String { coordinate(212 - v * scale) }
        #expect(chart.steps.map(\.kind) == ["total", "up", "down", "total"])
        #expect(chart.steps.map(\.y) == [y(100), y(140), y(140), y(80)])
        #expect(chart.steps[2].height == coordinate(60 * scale))
        #expect(chart.steps.map(\.title) == ["2020: 100", "activity: +40", "intensity: -60", "2023: 80"])
        #expect(chart.table.rows.map(\.cells) == [["100"], ["40"], ["-60"], ["80"]])
    }
}

/// How a total moved from one value to another, step by step: the start as a column from zero,
/// each effect as a column floating from where the last one ended (up when it adds, down when it
/// takes away), and the end as a column from zero. The effects must sum to the change for the
/// last step to land on the end; the figures are shown as given.
public struct WaterfallChart: Sendable {
    public struct Step: Sendable {
        public let x: String
        public let y: String
        public let height: String
        /// `total` for the start and the end, `up` or `down` for an effect.
        public let kind: String
        public let title: String
    }

    /// Names the chart's title and description for `aria-labelledby`; unique in its page.
    public let id: String
    public let title: String
    public let summary: String
    public let width = 640
    public let height = 240
    public let axes: CategoryAxes
    public let barWidth: String
    public let steps: [Step]
    public let table: ChartTable
    public var isEmpty: Bool { steps.isEmpty }

    public init(
        id: String, title: String, summary: String, start: (label: String, value: Double),
        effects: [(label: String, value: Double)], end: (label: String, value: Double), unit: String,
        format: ChartNumberFormat
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        // Where each column runs from and to: the start and end from zero, each effect from the
        // running total before it to the one after.
        var spans: [(from: Double, to: Double, kind: String, label: String, value: Double)] = [
            (0, start.value, "total", start.label, start.value)
        ]
        var running = start.value
        for effect in effects {
            spans.append((running, running + effect.value, effect.value < 0 ? "down" : "up", effect.label, effect.value))
            running += effect.value
        }
        spans.append((0, end.value, "total", end.label, end.value))
        let axes = CategoryAxes(
            covering: spans.flatMap { [$0.from, $0.to] }, categories: spans.map(\.label), unit: unit, format: format)
        self.axes = axes
        let barWidth = axes.step * 0.6
        self.barWidth = coordinate(barWidth)
        steps = spans.enumerated().map { index, span in
            let top = axes.y(max(span.from, span.to)), bottom = axes.y(min(span.from, span.to))
            return Step(
                x: coordinate(axes.centre(index) - barWidth / 2), y: coordinate(top),
                height: coordinate(max(bottom - top, span.value == 0 ? 0 : 1)), kind: span.kind,
                title: "\(span.label): \(span.kind == "up" ? "+" : "")\(format(span.value))")
        }
        table = ChartTable(header: ["", title], rows: spans.map { ($0.label, [format($0.value)]) })
    }
}

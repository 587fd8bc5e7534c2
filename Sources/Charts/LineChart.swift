/// Lines over a run of categories (months): a y axis with nice ticks, one path per series, a dot
/// per value with its figure as a tooltip, and the same figures as a table.
public struct LineChart: Sendable {
    public struct Point: Sendable { public let x, y, title: String }
    public struct Series: Sendable {
        public let name: String
        /// 1-based, for the stylesheet's series colours.
        public let index: Int
        public let path: String
        public let points: [Point]
    }

    /// Names the chart's title and description for `aria-labelledby`; unique in its page.
    public let id: String
    public let title: String
    public let summary: String
    public let width = 640
    public let height = 240
    public let axes: CategoryAxes
    public let series: [Series]
    public let table: ChartTable
    public var isEmpty: Bool { series.allSatisfy { $0.points.isEmpty } }

    public init(
        id: String, title: String, summary: String, categories: [String],
        series input: [(name: String, values: [Double?])],
        format: ChartNumberFormat
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        let axes = CategoryAxes(
            covering: input.flatMap { $0.values.compactMap { $0 } }, categories: categories, format: format)
        self.axes = axes
        func x(_ index: Int) -> Double { axes.centre(index) }
        func y(_ value: Double) -> Double { axes.y(value) }
        series = input.enumerated().map { index, line in
            var path = ""
            var points: [Point] = []
            var drawing = false
            for (i, value) in line.values.enumerated() {
                // A missing month breaks the line rather than drawing it through zero.
                guard let value, i < categories.count else {
                    drawing = false
                    continue
                }
                path += "\(drawing ? "L" : "M")\(coordinate(x(i))) \(coordinate(y(value)))"
                drawing = true
                points.append(
                    Point(
                        x: coordinate(x(i)), y: coordinate(y(value)),
                        title: "\(line.name) \(categories[i]): \(format(value))"))
            }
            return Series(name: line.name, index: index + 1, path: path, points: points)
        }
        table = ChartTable(
            header: [""] + input.map(\.name),
            rows: categories.enumerated().map { i, category in
                (
                    category,
                    input.map { line in line.values.indices.contains(i) ? line.values[i].map(format) ?? "—" : "—" }
                )
            })
    }
}

/// Lines over a run of categories (months): a y axis with nice ticks, one path per series, a dot
/// per value with its figure as a tooltip, and the same figures as a table.
public struct LineChart: Sendable {
    public struct Point: Sendable { public let x, y, title: String }
    /// A horizontal line at a reference value (a cap, a limit), labelled at its right end.
    public struct Reference: Sendable { public let y, labelX, labelY, label: String }
    /// A vertical line at a category (a deadline year), labelled at its top.
    public struct Deadline: Sendable { public let x, top, bottom, label: String }
    /// A point singled out on a series (a peak), drawn larger with its label beside it.
    public struct Mark: Sendable {
        public let x, y, labelY, label, title: String
        public let index: Int
    }
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
    public let references: [Reference]
    public let deadlines: [Deadline]
    public let marks: [Mark]
    public let table: ChartTable
    public var isEmpty: Bool { series.allSatisfy { $0.points.isEmpty } }

    public init(
        id: String, title: String, summary: String, categories: [String],
        series input: [(name: String, values: [Double?])],
        references referenceInput: [(label: String, value: Double)] = [],
        deadlines deadlineInput: [(category: Int, label: String)] = [],
        marks markInput: [(series: Int, category: Int, label: String)] = [],
        fromZero: Bool = true,
        unit: String,
        format: ChartNumberFormat
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        let axes = CategoryAxes(
            covering: input.flatMap { $0.values.compactMap { $0 } } + referenceInput.map(\.value),
            categories: categories, unit: unit, format: format, fromZero: fromZero)
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
        references = referenceInput.map { reference in
            Reference(
                y: coordinate(y(reference.value)), labelX: coordinate(CategoryAxes.right - 4),
                labelY: coordinate(y(reference.value) - 4), label: "\(reference.label) \(format(reference.value))")
        }
        deadlines = deadlineInput.filter { categories.indices.contains($0.category) }.map { deadline in
            Deadline(
                x: coordinate(x(deadline.category)), top: coordinate(CategoryAxes.top),
                bottom: coordinate(CategoryAxes.bottom), label: deadline.label)
        }
        marks = markInput.compactMap { mark in
            guard input.indices.contains(mark.series), input[mark.series].values.indices.contains(mark.category),
                let value = input[mark.series].values[mark.category]
            else { return nil }
            return Mark(
                x: coordinate(x(mark.category)), y: coordinate(y(value)), labelY: coordinate(y(value) - 8),
                label: mark.label, title: "\(input[mark.series].name) \(categories[mark.category]): \(mark.label)",
                index: mark.series + 1)
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

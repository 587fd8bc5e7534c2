/// Columns over a run of categories (months), each split into its parts (scope 1, scope 2 …) laid
/// one on another: how a total is made up and how that changes. Parts above zero stack upwards
/// from the axis, parts below zero downwards, so a negative part never hides a positive one.
public struct StackedBarChart: Sendable {
    public struct Segment: Sendable {
        /// 1-based, for the stylesheet's series colours.
        public let index: Int
        public let y: String
        public let height: String
        public let title: String
    }
    public struct Column: Sendable {
        public let x: String
        public let segments: [Segment]
    }
    public struct Key: Sendable {
        public let name: String
        public let index: Int
    }

    /// Names the chart's title and description for `aria-labelledby`; unique in its page.
    public let id: String
    public let title: String
    public let summary: String
    public let width = 640
    public let height = 240
    public let axes: CategoryAxes
    public let barWidth: String
    public let columns: [Column]
    public let keys: [Key]
    public let table: ChartTable
    public var isEmpty: Bool { columns.allSatisfy { $0.segments.isEmpty } }

    /// The share of a category's width its column takes; the rest is the gap between columns.
    static let fill = 0.7

    /// - Parameter parts: each part's values by category; nil where a category has no figure.
    public init(
        id: String, title: String, summary: String, categories: [String],
        parts: [(name: String, values: [Double?])], totalName: String, unit: String,
        format: ChartNumberFormat
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        func value(_ part: Int, _ category: Int) -> Double? {
            parts[part].values.indices.contains(category)
                ? parts[part].values[category].flatMap { $0.isFinite ? $0 : nil } : nil
        }
        let stacks = categories.indices.map { category in
            parts.indices.compactMap { value($0, category) }
        }
        let axes = CategoryAxes(
            covering: stacks.map { $0.filter { $0 > 0 }.reduce(0, +) }
                + stacks.map { $0.filter { $0 < 0 }.reduce(0, +) },
            categories: categories, unit: unit, format: format)
        self.axes = axes
        let barWidth = axes.step * Self.fill
        self.barWidth = coordinate(barWidth)
        func y(_ value: Double) -> Double { axes.y(value) }
        columns = categories.enumerated().map { category, label in
            var above = 0.0
            var below = 0.0
            var segments: [Segment] = []
            for part in parts.indices {
                guard let amount = value(part, category), amount != 0 else { continue }
                let start = amount > 0 ? above : below
                let end = start + amount
                if amount > 0 { above = end } else { below = end }
                segments.append(
                    Segment(
                        index: part + 1, y: coordinate(min(y(start), y(end))),
                        height: coordinate(abs(y(end) - y(start))),
                        title: "\(parts[part].name) \(label): \(format(amount))"))
            }
            return Column(x: coordinate(axes.centre(category) - barWidth / 2), segments: segments)
        }
        keys = parts.enumerated().map { Key(name: $0.element.name, index: $0.offset + 1) }
        table = ChartTable(
            header: [""] + parts.map(\.name) + [totalName],
            rows: categories.enumerated().map { category, label in
                let values = parts.indices.map { value($0, category) }
                let present = values.compactMap { $0 }
                return (
                    label, values.map { $0.map(format) ?? "—" } + [present.isEmpty ? "—" : format(present.reduce(0, +))]
                )
            })
    }
}

/// The frame of a chart drawn over a run of categories (months): the plot area, a y axis of nice
/// ticks with grid lines, and each category's label under its slot.
public struct CategoryAxes: Sendable {
    public struct Tick: Sendable { public let x, y, label: String }

    public let plotLeft = coordinate(Self.left)
    public let plotRight = coordinate(Self.right)
    public let plotTop = coordinate(Self.top)
    public let plotBottom = coordinate(Self.bottom)
    /// What the y axis counts ("tCO2e", "万吨标准煤"), written above it.
    public let unit: String
    public let yTicks: [Tick]
    public let xTicks: [Tick]
    let scale: NiceScale
    /// The width of one category's slot.
    let step: Double

    /// The plot area in a 640 × 240 drawing: room on the left for the ticks' figures, below for the labels.
    static let left = 64.0, right = 624.0, top = 14.0, bottom = 212.0

    /// - Parameter fromZero: false to fit the axis to the values, so that a gap of 1 % between two
    ///   lines (an actual and its limit) shows rather than vanishing near the top of a 0-based axis.
    init(
        covering values: [Double], categories: [String], unit: String, format: ChartNumberFormat, fromZero: Bool = true
    ) {
        self.unit = unit
        scale = NiceScale(covering: values, includingZero: fromZero)
        step = (Self.right - Self.left) / Double(max(1, categories.count))
        let scale = scale
        yTicks = scale.ticks.map {
            Tick(
                x: coordinate(Self.left - 6), y: coordinate(scale.position($0, from: Self.bottom, to: Self.top)),
                label: tickLabel(format($0)))
        }
        let step = step
        let shown = Self.labelled(categories)
        xTicks = categories.enumerated().filter { shown.contains($0.offset) }.map {
            Tick(
                x: coordinate(Self.left + step * (Double($0.offset) + 0.5)), y: coordinate(Self.bottom + 16),
                label: $0.element)
        }
    }

    /// The categories whose labels fit under the axis: all of up to 16 (a year's months); of a run
    /// of years, the first and every fifth; of other long runs, an evenly spaced dozen.
    static func labelled(_ categories: [String]) -> Set<Int> {
        guard categories.count > 16 else { return Set(categories.indices) }
        let years = categories.compactMap { Int($0) }
        if years.count == categories.count {
            return Set(years.indices.filter { $0 == 0 ? years[0] % 5 <= 2 : years[$0] % 5 == 0 })
        }
        let every = (categories.count + 11) / 12
        return Set(categories.indices.filter { $0 % every == 0 })
    }

    /// The middle of a category's slot.
    func centre(_ index: Int) -> Double { Self.left + step * (Double(index) + 0.5) }

    /// Where a value falls on the y axis.
    func y(_ value: Double) -> Double { scale.position(value, from: Self.bottom, to: Self.top) }
}

/// A marginal abatement cost curve: one block per measure, as wide as what it abates and as high
/// as what a tonne costs, side by side from the cheapest to the dearest; blocks below zero save
/// money. The x axis is the running total of abatement, the y axis cost per tonne.
public struct CostCurveChart: Sendable {
    public struct Block: Sendable {
        public let x: String
        public let y: String
        public let width: String
        public let height: String
        /// `saving` below zero, `cost` above.
        public let kind: String
        public let title: String
    }

    public struct Tick: Sendable { public let x, y, label: String }

    /// Names the chart's title and description for `aria-labelledby`; unique in its page.
    public let id: String
    public let title: String
    public let summary: String
    public let width = 640
    public let height = 260
    public let plotLeft = coordinate(Self.left)
    public let plotRight = coordinate(Self.right)
    public let zeroY: String
    /// What each axis counts: the cost per unit up the side, the amount along the bottom (the
    /// table's second and third headings).
    public let yUnit: String
    public let xUnit: String
    public let xUnitY = coordinate(Self.bottom + 20)
    public let yTicks: [Tick]
    public let xTicks: [Tick]
    public let blocks: [Block]
    public let table: ChartTable
    public var isEmpty: Bool { blocks.isEmpty }

    // Room on the right for the last tick's label, centred on the axis's end.
    static let left = 72.0, right = 596.0, top = 14.0, bottom = 226.0

    /// - Parameter blocks: in the curve's order: a label, the cost per unit and the width (amount).
    public init(
        id: String, title: String, summary: String, blocks: [(label: String, cost: Double, amount: Double)],
        header: [String], costFormat: ChartNumberFormat, amountFormat: ChartNumberFormat
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        yUnit = header.count > 1 ? header[1] : ""
        xUnit = header.count > 2 ? header[2] : ""
        let total = blocks.reduce(0) { $0 + max($1.amount, 0) }
        let yScale = NiceScale(covering: blocks.map(\.cost))
        let xScale = NiceScale(covering: [0, total])
        func y(_ v: Double) -> Double { yScale.position(v, from: Self.bottom, to: Self.top) }
        func x(_ v: Double) -> Double { xScale.position(v, from: Self.left, to: Self.right) }
        zeroY = coordinate(y(0))
        yTicks = yScale.ticks.map { Tick(x: coordinate(Self.left - 6), y: coordinate(y($0)), label: tickLabel(costFormat($0))) }
        xTicks = xScale.ticks.map { Tick(x: coordinate(x($0)), y: coordinate(Self.bottom + 16), label: tickLabel(amountFormat($0))) }
        var start = 0.0
        var drawn: [Block] = []
        for block in blocks where block.amount > 0 {
            let left = x(start), right = x(start + block.amount)
            let top = y(max(block.cost, 0)), bottom = y(min(block.cost, 0))
            drawn.append(
                Block(
                    x: coordinate(left), y: coordinate(top), width: coordinate(max(right - left, 1)),
                    height: coordinate(max(bottom - top, 1)), kind: block.cost < 0 ? "saving" : "cost",
                    title: "\(block.label): \(costFormat(block.cost)) × \(amountFormat(block.amount))"))
            start += block.amount
        }
        self.blocks = drawn
        table = ChartTable(
            header: header, rows: blocks.map { ($0.label, [costFormat($0.cost), amountFormat($0.amount)]) })
    }
}

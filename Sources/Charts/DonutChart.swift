import Foundation

/// Shares of a whole as a ring, each slice with its share in per cent; negative or zero parts are
/// left out of the ring (a share of a whole cannot be drawn below zero) but kept in the table.
public struct DonutChart: Sendable {
    public struct Slice: Sendable {
        public let label: String
        public let index: Int
        public let path: String
        public let share: String
        public let value: String
    }

    /// Names the chart's title and description for `aria-labelledby`; unique in its page.
    public let id: String
    public let title: String
    public let summary: String
    public let size = 200
    public let slices: [Slice]
    public let table: ChartTable
    public var isEmpty: Bool { slices.isEmpty }

    public init(
        id: String, title: String, summary: String, parts: [(label: String, value: Double)], format: ChartNumberFormat
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        let positive = parts.filter { $0.value > 0 && $0.value.isFinite }
        let total = positive.reduce(0) { $0 + $1.value }
        var start = 0.0
        var slices: [Slice] = []
        for (index, part) in positive.enumerated() {
            let fraction = part.value / total
            slices.append(
                Slice(
                    label: part.label, index: index + 1, path: Self.arc(from: start, to: start + fraction),
                    share: Self.percent(fraction), value: format(part.value)))
            start += fraction
        }
        self.slices = slices
        table = ChartTable(
            header: ["", title, "%"],
            rows: parts.map { part in
                (
                    part.label,
                    [format(part.value), part.value > 0 && total > 0 ? Self.percent(part.value / total) : "—"]
                )
            })
    }

    static func percent(_ fraction: Double) -> String { String(format: "%.1f%%", fraction * 100) }

    /// The ring segment between two fractions of the turn, clockwise from twelve o'clock.
    static func arc(from: Double, to: Double) -> String {
        let (cx, cy, outer, inner) = (100.0, 100.0, 92.0, 56.0)
        // A whole ring cannot be one arc (its ends coincide): draw it as two halves.
        if to - from >= 0.9999 { return arc(from: 0, to: 0.5) + arc(from: 0.5, to: 1) }
        func point(_ fraction: Double, _ radius: Double) -> String {
            let angle = fraction * 2 * Double.pi - Double.pi / 2
            return "\(coordinate(cx + radius * cos(angle))) \(coordinate(cy + radius * sin(angle)))"
        }
        let large = to - from > 0.5 ? 1 : 0
        return "M\(point(from, outer))A\(Int(outer)) \(Int(outer)) 0 \(large) 1 \(point(to, outer))"
            + "L\(point(to, inner))A\(Int(inner)) \(Int(inner)) 0 \(large) 0 \(point(from, inner))Z"
    }
}

/// Horizontal bars, largest first as given: one per item, unit or scope, each labelled with its
/// name and figure (long names stay readable, as they would not under vertical bars).
public struct BarChart: Sendable {
    public struct Bar: Sendable {
        public let label: String
        /// The label as drawn: shortened with "…" when it would not fit left of the bars (the
        /// tooltip and the table keep it whole).
        public let shownLabel: String
        public let value: String
        public let y: String
        public let textY: String
        public let width: String
        public let valueX: String
        public let negative: Bool
    }

    /// Names the chart's title and description for `aria-labelledby`; unique in its page.
    public let id: String
    public let title: String
    public let summary: String
    public let width = 640
    public let height: Int
    public let labelRight = coordinate(Self.barStart - 8)
    public let barLeft = coordinate(Self.barStart)
    public let bars: [Bar]
    public let table: ChartTable
    public var isEmpty: Bool { bars.isEmpty }

    /// Where bars start: the names take the space to the left.
    static let barStart = 204.0
    static let rowHeight = 24.0
    static let barSpace = 356.0

    public init(
        id: String, title: String, summary: String, entries: [(label: String, value: Double)], format: ChartNumberFormat
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        let largest = entries.map { abs($0.value) }.max() ?? 0
        bars = entries.enumerated().map { index, entry in
            let top = Double(index) * Self.rowHeight + 4
            let length = largest > 0 ? abs(entry.value) / largest * Self.barSpace : 0
            let drawn = max(length, entry.value == 0 ? 0 : 1)
            return Bar(
                label: entry.label, shownLabel: Self.fitted(entry.label), value: format(entry.value),
                y: coordinate(top), textY: coordinate(top + 15),
                width: coordinate(drawn), valueX: coordinate(Self.barStart + drawn + 6), negative: entry.value < 0)
        }
        height = Int(Double(entries.count) * Self.rowHeight + 8)
        table = ChartTable(header: ["", title], rows: entries.map { ($0.label, [format($0.value)]) })
    }

    /// Room for a label, in pixels at the chart's 12-pixel type: from the left edge to the bars.
    static let labelRoom = barStart - 12

    /// The label cut to fit `labelRoom`, wide (CJK) characters counted as a full em, others as half.
    static func fitted(_ label: String) -> String {
        func width(_ character: Character) -> Double {
            character.unicodeScalars.first.map { $0.value >= 0x2E80 ? 12 : 6.6 } ?? 6.6
        }
        guard label.reduce(0, { $0 + width($1) }) > labelRoom else { return label }
        var used = 12.0  // the ellipsis
        var kept = ""
        for character in label {
            used += width(character)
            if used > labelRoom { break }
            kept.append(character)
        }
        return kept + "…"
    }
}

/// A chart's figures as a table: the text alternative a screen reader, a printout or a curious
/// reader gets instead of the picture.
public struct ChartTable: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public let label: String
        public let cells: [String]
    }

    public let header: [String]
    public let rows: [Row]

    public init(header: [String], rows: [(String, [String])]) {
        self.header = header
        self.rows = rows.map { Row(label: $0.0, cells: $0.1) }
    }
}

/// Writes a number as the page's language shows it (the chart module knows no language).
public typealias ChartNumberFormat = @Sendable (Double) -> String

/// Coordinates written with at most one decimal: exact enough for a screen, short in the page.
func coordinate(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
}

import Foundation

/// Places on a grid of equal tiles in roughly their geographic arrangement — north up, neighbours
/// beside each other — so that every place is one legible, clickable tile whatever its area. (A
/// boundary map of China may only be published from an approved standard map; tiles need none.)
public struct TileMap: Sendable {
    public struct Place: Sendable {
        public let label: String
        /// A second line: the figure the tile is coloured by, or a dash.
        public let detail: String
        /// The stylesheet class that colours the tile (a traffic light).
        public let style: String
        public let url: String
        /// Where the place lies, when known; places without it fill the grid's last cells.
        public let longitude: Double?
        public let latitude: Double?

        public init(
            label: String, detail: String, style: String, url: String, longitude: Double?, latitude: Double?
        ) {
            self.label = label
            self.detail = detail
            self.style = style
            self.url = url
            self.longitude = longitude
            self.latitude = latitude
        }
    }

    public struct Tile: Sendable {
        public let x, y, labelX, labelY, detailY: String
        public let label, detail, style, url, title: String
    }

    public static let tileWidth = 96.0, tileHeight = 56.0, gap = 4.0

    public let title: String
    public let width: String
    public let height: String
    public let tiles: [Tile]
    public var isEmpty: Bool { tiles.isEmpty }

    public init(title: String, places: [Place]) {
        self.title = title
        let cells = Self.arrange(places.map { place in place.longitude.flatMap { x in place.latitude.map { (x, $0) } } })
        let columns = (cells.map(\.column).max() ?? 0) + 1
        let rows = (cells.map(\.row).max() ?? 0) + 1
        width = coordinate(Double(columns) * (Self.tileWidth + Self.gap))
        height = coordinate(Double(rows) * (Self.tileHeight + Self.gap))
        tiles = zip(places, cells).map { place, cell in
            let x = Double(cell.column) * (Self.tileWidth + Self.gap)
            let y = Double(cell.row) * (Self.tileHeight + Self.gap)
            return Tile(
                x: coordinate(x), y: coordinate(y), labelX: coordinate(x + Self.tileWidth / 2),
                labelY: coordinate(y + 22), detailY: coordinate(y + 42),
                label: Self.shortened(place.label), detail: place.detail, style: place.style, url: place.url,
                title: "\(place.label) \(place.detail)")
        }
    }

    /// A grid cell for each place: its geographic position scaled onto a grid about as wide as the
    /// places are spread, then the nearest free cell, placing the places in turn from the north.
    static func arrange(_ positions: [(longitude: Double, latitude: Double)?]) -> [(column: Int, row: Int)] {
        let known = positions.compactMap { $0 }
        let count = positions.count
        guard count > 0 else { return [] }
        let west = known.map(\.longitude).min() ?? 0, east = known.map(\.longitude).max() ?? 0
        let south = known.map(\.latitude).min() ?? 0, north = known.map(\.latitude).max() ?? 0
        // A degree of longitude is shorter than one of latitude away from the equator.
        let squeeze = cos((south + north) / 2 * .pi / 180)
        let spanX = max((east - west) * squeeze, 1e-9), spanY = max(north - south, 1e-9)
        let columns = max(1, Int((Double(count) * spanX / spanY).squareRoot().rounded(.up)))
        let rows = max(1, Int((Double(count) / Double(columns)).rounded(.up))) + 1
        var taken = Set<Int>()
        var cells = Array(repeating: (column: 0, row: 0), count: count)
        let order = positions.indices.sorted { a, b in
            (positions[a]?.latitude ?? -.infinity) > (positions[b]?.latitude ?? -.infinity)
        }
        for index in order {
            guard let position = positions[index] else { continue }
            let wantX = (position.longitude - west) * squeeze / spanX * Double(columns - 1)
            let wantY = (north - position.latitude) / spanY * Double(rows - 1)
            var best: (column: Int, row: Int, distance: Double)?
            for row in 0..<(rows + 2) {
                for column in 0..<(columns + 2) where !taken.contains(row * 1000 + column) {
                    let distance = pow(Double(column) - wantX, 2) + pow(Double(row) - wantY, 2)
                    if best == nil || distance < best!.distance { best = (column, row, distance) }
                }
            }
            let cell = best!
            taken.insert(cell.row * 1000 + cell.column)
            cells[index] = (cell.column, cell.row)
        }
        // Places without a position take the rows after the others, in reading order.
        let first = known.isEmpty ? 0 : (cells.indices.filter { positions[$0] != nil }.map { cells[$0].row }.max() ?? -1) + 1
        var next = 0
        for index in positions.indices where positions[index] == nil {
            cells[index] = (next % columns, first + next / columns)
            next += 1
        }
        return cells
    }

    /// A label that fits a tile: at most six characters of Chinese or fourteen of Latin letters; an
    /// English name first loses its last words ("Ganzi Autonomous Prefecture" → "Ganzi").
    static func shortened(_ label: String) -> String {
        let wide = label.unicodeScalars.contains { $0.value >= 0x2E80 }
        let limit = wide ? 6 : 14
        var text = label
        while !wide, text.count > limit, let space = text.lastIndex(of: " ") { text = String(text[..<space]) }
        return text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}

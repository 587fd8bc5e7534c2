/// A driver's values at chosen years. Read as *steps* (a yearly rate holds from its year until the
/// next given year) or *interpolated* (a level — a carrier's share, an emission factor — runs in a
/// straight line between given years and holds after the last).
public struct YearPath: Sendable, Equatable, Codable {
    public var points: [Int: Double] {
        didSet { years = points.keys.sorted() }
    }
    /// The given years in order, kept with the points: a scenario reads its paths every year for
    /// every area and carrier.
    public private(set) var years: [Int]

    public init(_ points: [Int: Double]) {
        self.points = points
        years = points.keys.sorted()
    }

    /// Written as an object of years: `{"2021": 0.05, "2026": 0.045}`.
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode([Int: Double].self))
    }

    public static func == (a: YearPath, b: YearPath) -> Bool { a.points == b.points }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(points)
    }

    public var isEmpty: Bool { points.isEmpty }
    /// The value of the latest given year at or before `year`; nil before the first.
    public func step(_ year: Int) -> Double? {
        years.last { $0 <= year }.map { points[$0]! }
    }

    /// The straight line between the given years around `year`; the first value before the first
    /// year and the last after the last.
    public func interpolated(_ year: Int) -> Double? {
        let sorted = years
        guard let first = sorted.first, let last = sorted.last else { return nil }
        if year <= first { return points[first] }
        if year >= last { return points[last] }
        let index = sorted.firstIndex { $0 >= year }!
        let after = sorted[index]
        let before = after == year ? after : sorted[index - 1]
        if after == before { return points[after] }
        let share = Double(year - before) / Double(after - before)
        return points[before]! + share * (points[after]! - points[before]!)
    }

    /// This path with `other`'s years laid over it (a child scenario's overrides).
    public func overlaid(by other: YearPath) -> YearPath {
        YearPath(points.merging(other.points) { _, new in new })
    }
}

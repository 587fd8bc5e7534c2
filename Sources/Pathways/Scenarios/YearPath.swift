/// A driver's values at chosen years. Read as *steps* (a yearly rate holds from its year until the
/// next given year) or *interpolated* (a level — a carrier's share, an emission factor — runs in a
/// straight line between given years and holds after the last).
public struct YearPath: Sendable, Equatable, Codable {
    public var points: [Int: Double]

    public init(_ points: [Int: Double]) { self.points = points }

    /// Written as an object of years: `{"2021": 0.05, "2026": 0.045}`.
    public init(from decoder: any Decoder) throws {
        points = try decoder.singleValueContainer().decode([Int: Double].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(points)
    }

    public var isEmpty: Bool { points.isEmpty }
    public var years: [Int] { points.keys.sorted() }

    /// The value of the latest given year at or before `year`; nil before the first.
    public func step(_ year: Int) -> Double? {
        points.filter { $0.key <= year }.max { $0.key < $1.key }?.value
    }

    /// The straight line between the given years around `year`; the first value before the first
    /// year and the last after the last.
    public func interpolated(_ year: Int) -> Double? {
        let sorted = years
        guard let first = sorted.first, let last = sorted.last else { return nil }
        if year <= first { return points[first] }
        if year >= last { return points[last] }
        let after = sorted.first { $0 >= year }!
        let before = sorted.last { $0 <= year }!
        if after == before { return points[after] }
        let share = Double(year - before) / Double(after - before)
        return points[before]! + share * (points[after]! - points[before]!)
    }

    /// This path with `other`'s years laid over it (a child scenario's overrides).
    public func overlaid(by other: YearPath) -> YearPath {
        YearPath(points.merging(other.points) { _, new in new })
    }
}

/// How much of a target's gap the projects linked to it would close: the projects delivering by the
/// target's year, their yearly savings in the target's own measure (tCO2e, or tce at the target's
/// basis), against how far the forecast stands above the limit.
public struct GapCoverage: Sendable, Equatable {
    /// The forecast above the limit (zero when the target is on course).
    public let gap: Double
    /// What the projects that deliver by the year save in a year.
    public let saved: Double
    /// The projects counted, and those that start too late to count.
    public let counted: [String]
    public let late: [String]

    /// - Parameters:
    ///   - forecast, limit: the target's forecast and limit for `year`, in its measure.
    ///   - projects: each linked project's code, first year of operation and yearly saving.
    public init(forecast: Double, limit: Double, year: Int, projects: [(code: String, firstYear: Int, saving: Double)]) {
        gap = max(0, forecast - limit)
        let inTime = projects.filter { $0.firstYear <= year }
        counted = inTime.map(\.code)
        late = projects.filter { $0.firstYear > year }.map(\.code)
        saved = inTime.reduce(0) { $0 + $1.saving }
    }

    /// The share of the gap the projects close (at most all of it); nil when there is no gap.
    public var closedShare: Double? { gap > 0 ? min(max(saved, 0) / gap, 1) : nil }

    /// What is left of the gap after the projects.
    public var remaining: Double { max(0, gap - max(saved, 0)) }
}

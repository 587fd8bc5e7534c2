/// When a trajectory peaks. A peak counts only when the trajectory then declines within the
/// horizon: its last value lies below the peak by more than the plateau tolerance (a share of the
/// peak). Otherwise it is still rising at the horizon (its largest value is the last) or on a
/// plateau (its last value is within the tolerance of its largest).
public enum Peak: Sendable, Equatable, Codable {
    /// Peaked in `year` at `value`; the plateau around it began in `plateauFrom` (the first year of
    /// the run of values within the tolerance of the peak that holds the peak).
    case peaked(year: Int, value: Double, plateauFrom: Int)
    case risingAtHorizon(largest: Double)
    case plateauAtHorizon(year: Int, value: Double)

    /// The default plateau tolerance: a level within 1 % of the peak is still the peak's plateau.
    public static let defaultTolerance = 0.01

    /// The peak of values by year (ascending years, one value each).
    public static func find(_ series: [(year: Int, value: Double)], tolerance: Double = defaultTolerance) -> Peak? {
        guard let last = series.last else { return nil }
        var top = 0
        for index in series.indices where series[index].value > series[top].value { top = index }
        let peak = series[top]
        if top == series.count - 1 { return .risingAtHorizon(largest: peak.value) }
        let floor = peak.value - tolerance * abs(peak.value)
        if last.value >= floor { return .plateauAtHorizon(year: peak.year, value: peak.value) }
        var start = top
        while start > 0, series[start - 1].value >= floor { start -= 1 }
        return .peaked(year: peak.year, value: peak.value, plateauFrom: series[start].year)
    }

    /// The peak year, when the trajectory has peaked.
    public var year: Int? {
        if case .peaked(let year, _, _) = self { return year }
        return nil
    }
}

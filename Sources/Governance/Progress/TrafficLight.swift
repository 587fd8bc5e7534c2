/// 红黄绿灯: how a target stands.
public enum TrafficLight: String, Sendable, Codable, CaseIterable, Comparable {
    case green, yellow, red
    /// Not enough data to judge (no figures this year, no base year, no economic base).
    case unknown

    /// Worse lights sort first: red, yellow, unknown, green.
    var severity: Int {
        switch self {
        case .red: 0
        case .yellow: 1
        case .unknown: 2
        case .green: 3
        }
    }

    public static func < (a: TrafficLight, b: TrafficLight) -> Bool { a.severity < b.severity }
}

/// Where yellow and red begin, as the forecast's share of the limit: yellow from `yellowFrom`
/// (inclusive), red above `redAbove` (exclusive). With the defaults, a forecast at 95 % of its
/// limit is yellow, at exactly 100 % still yellow, and above 100 % red. Configurable per target.
public struct TrafficLightThresholds: Sendable, Equatable, Codable {
    public var yellowFrom: Double
    public var redAbove: Double

    public init(yellowFrom: Double = 0.95, redAbove: Double = 1.0) {
        self.yellowFrom = yellowFrom
        self.redAbove = redAbove
    }

    public func light(for ratio: Double) -> TrafficLight {
        if ratio > redAbove { return .red }
        if ratio >= yellowFrom { return .yellow }
        return .green
    }

    func problem() -> TargetProblem? {
        yellowFrom > 0 && yellowFrom <= redAbove && redAbove.isFinite ? nil : .thresholds
    }
}

/// How much of the year's limit is expected to be used by a month.
public enum Expectation: String, Sendable, Codable, CaseIterable {
    /// Evenly: by the end of month n, n ÷ 12 of the year.
    case proRata = "pro_rata"
    /// By last year's monthly profile: by the end of month n, last year's months 1…n ÷ last year's total.
    case seasonal
}

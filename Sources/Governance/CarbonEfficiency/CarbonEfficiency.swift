import Accounting

/// 碳效码 (Zhejiang method): for each industrial unit, L = tCO2 per 万元 of value added with
/// zero-carbon power deducted; K = L ÷ the average L of its industry; a level by L and a grade by
/// K on the scale in force.
///
/// The industry average is a published benchmark when one is given for the unit's industry
/// division, else the units' own: Σ emissions ÷ Σ value added over the units of that division
/// with value added (an aggregate intensity, as provincial statistics compute one).
public enum CarbonEfficiency {
    public struct Unit: Sendable, Equatable {
        public var id: Int64
        /// GB/T 4754-2017 code; its division (`C38`) is the peer group.
        public var industryCode: String?
        /// Emissions with zero-carbon power (green power bought) deducted: scope 1 + market-based scope 2.
        public var emissions: Emissions
        public var valueAdded: Money?

        public init(id: Int64, industryCode: String?, emissions: Emissions, valueAdded: Money?) {
            self.id = id
            self.industryCode = industryCode
            self.emissions = emissions
            self.valueAdded = valueAdded
        }

        /// L in tCO2e per 万元; nil without a positive value added.
        public var intensity: Double? {
            guard let money = valueAdded?.value(in: .tenThousandYuan), money > 0 else { return nil }
            return emissions.value(in: .tonneCO2e) / money
        }
    }

    public struct Result: Sendable, Equatable {
        public var id: Int64
        public var industry: String?
        /// L, tCO2e per 万元.
        public var intensity: Double?
        /// The industry average L the unit was compared with, and whether it is a published benchmark.
        public var industryAverage: Double?
        public var benchmarked: Bool
        public var k: Double?
        public var level: Int?
        public var grade: Int?
    }

    /// Grades the units; `benchmarks` maps an industry division (`C38`) to its published average L.
    public static func grade(_ units: [Unit], benchmarks: [String: Double], scale: CarbonEfficiencyScale) -> [Result] {
        var sums: [String: (emissions: Double, money: Double)] = [:]
        for unit in units {
            guard let division = Ranking.peerGroup(ofIndustry: unit.industryCode),
                let money = unit.valueAdded?.value(in: .tenThousandYuan), money > 0
            else { continue }
            let sum = sums[division, default: (0, 0)]
            sums[division] = (sum.emissions + unit.emissions.value(in: .tonneCO2e), sum.money + money)
        }
        return units.map { unit in
            let division = Ranking.peerGroup(ofIndustry: unit.industryCode)
            let published = division.flatMap { benchmarks[$0] }
            let own = division.flatMap { sums[$0] }.map { $0.emissions / $0.money }
            let average = published ?? own
            let intensity = unit.intensity
            let k = intensity.flatMap { l in average.flatMap { $0 > 0 ? l / $0 : nil } }
            return Result(
                id: unit.id, industry: division, intensity: intensity, industryAverage: average,
                benchmarked: published != nil, k: k, level: intensity.map(scale.level(of:)),
                grade: k.map(scale.grade(of:)))
        }
    }

    /// How many units hold each grade (1…n), and how many have none.
    public static func distribution(_ results: [Result], scale: CarbonEfficiencyScale) -> (counts: [Int], ungraded: Int)
    {
        var counts = Array(repeating: 0, count: scale.grades.count)
        var ungraded = 0
        for result in results {
            if let grade = result.grade, grade >= 1, grade <= counts.count {
                counts[grade - 1] += 1
            } else {
                ungraded += 1
            }
        }
        return (counts, ungraded)
    }
}

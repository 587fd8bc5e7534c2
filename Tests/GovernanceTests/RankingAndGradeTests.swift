import Accounting
import Governance
import Testing

@Suite("Rankings with ties, and carbon-efficiency grades at every edge")
struct RankingAndGradeTests {
    @Test("competition ranks: 0.5, 0.7, 0.7, 0.9 and one without a value → 1, 2, 2, 4, unranked")
    func ties() {
        let now: [String: Double?] = ["a": 0.7, "b": 0.5, "c": 0.9, "d": 0.7, "e": nil]
        let before: [String: Double?] = ["a": 0.4, "b": 0.6, "c": 0.9, "d": 1.0, "e": 0.3]
        let ranked = Ranking.rank(now, previous: before, order: .lowerIsBetter)
        #expect(ranked.map(\.key) == ["b", "a", "d", "c", "e"])
        #expect(ranked.map(\.rank) == [1, 2, 2, 4, nil])
        // Before: e 0.3 (1), a 0.4 (2), b 0.6 (3), c 0.9 (4), d 1.0 (5).
        #expect(ranked.map(\.previousRank) == [3, 2, 5, 4, 1])
        #expect(ranked.map(\.change) == [2, 0, 3, 0, nil])
    }

    @Test("sums in another order still tie; higher is better reverses")
    func nearTies() {
        let ranks = Ranking.ranks(["x": 0.1 + 0.2, "y": 0.3, "z": 1.0], order: .higherIsBetter)
        #expect(ranks == ["z": 1, "x": 2, "y": 2])
    }

    @Test("peer groups are GB/T 4754 divisions")
    func peerGroups() {
        #expect(Ranking.peerGroup(ofIndustry: "C3821") == "C38")
        #expect(Ranking.peerGroup(ofIndustry: "c3011") == "C30")
        #expect(Ranking.peerGroup(ofIndustry: nil) == nil)
    }

    @Test(
        "grades at every K edge of the bundled scale: ≤ 0.6 is 1, ≤ 0.8 is 2, ≤ 1.2 is 3, ≤ 2.0 is 4, above is 5",
        arguments: [
            (0.6, 1), (0.6000001, 2), (0.8, 2), (0.8000001, 3), (1.2, 3), (1.2000001, 4), (2.0, 4), (2.0000001, 5),
            (0.0, 1),
        ])
    func gradeEdges(k: Double, grade: Int) {
        #expect(CarbonEfficiencyScale.bundled.grade(of: k) == grade)
    }

    @Test(
        "levels at the L edges: ≤ 0.6 low, ≤ 2.0 medium, above high",
        arguments: [(0.6, 1), (0.60001, 2), (2.0, 2), (2.00001, 3)])
    func levelEdges(l: Double, level: Int) {
        #expect(CarbonEfficiencyScale.bundled.level(of: l) == level)
    }

    @Test("the bundled scale cites its source and is sound")
    func bundled() {
        let scale = CarbonEfficiencyScale.bundled
        #expect(scale.grades.count == 5)
        #expect(scale.levels.count == 3)
        #expect(scale.source.contains("规上工业企业碳效等级评价方法"))
        #expect(scale.problem() == nil)
        var broken = scale
        broken.grades[1].upperBound = 0.5
        #expect(broken.problem() != nil)
    }

    @Test("K against the units' own industry average, and against a published benchmark")
    func kValues() {
        // C38: A 120 t / 100 万元 (L 1.2), B 240 t / 400 万元 (L 0.6): average 360 ÷ 500 = 0.72.
        // K: A 1.2 ÷ 0.72 = 1.6667 → grade 4; B 0.6 ÷ 0.72 = 0.8333 → grade 3.
        // C30 with a published average of 2.0: C 300 t / 100 万元 (L 3.0) → K 1.5 → grade 4, level high.
        // D has no value added: ungraded.
        let units = [
            CarbonEfficiency.Unit(
                id: 1, industryCode: "C3821", emissions: Emissions(120, .tonneCO2e),
                valueAdded: Money(100, .tenThousandYuan)),
            CarbonEfficiency.Unit(
                id: 2, industryCode: "C3899", emissions: Emissions(240, .tonneCO2e),
                valueAdded: Money(400, .tenThousandYuan)),
            CarbonEfficiency.Unit(
                id: 3, industryCode: "C3011", emissions: Emissions(300, .tonneCO2e),
                valueAdded: Money(100, .tenThousandYuan)),
            CarbonEfficiency.Unit(id: 4, industryCode: "C3011", emissions: Emissions(1, .tonneCO2e), valueAdded: nil),
        ]
        let results = CarbonEfficiency.grade(units, benchmarks: ["C30": 2.0], scale: .bundled)
        #expect(isClose(results[0].industryAverage, 0.72))
        #expect(isClose(results[0].k, 1.2 / 0.72))
        #expect(results[0].grade == 4)
        #expect(results[0].level == 2)
        #expect(isClose(results[1].k, 0.6 / 0.72))
        #expect(results[1].grade == 3)
        #expect(results[1].level == 1)
        #expect(results[2].benchmarked)
        #expect(isClose(results[2].k, 1.5))
        #expect(results[2].grade == 4)
        #expect(results[2].level == 3)
        #expect(results[3].grade == nil)
        let distribution = CarbonEfficiency.distribution(results, scale: .bundled)
        #expect(distribution.counts == [0, 0, 1, 2, 0])
        #expect(distribution.ungraded == 1)
    }

    @Test("measures: overdue is read from the deadline, done never is")
    func overdue() {
        #expect(MeasureStatus.effective(.inProgress, deadline: "2024-06-30", today: "2024-07-01") == .overdue)
        #expect(MeasureStatus.effective(.planned, deadline: "2024-06-30", today: "2024-06-30") == .planned)
        #expect(MeasureStatus.effective(.done, deadline: "2024-06-30", today: "2025-01-01") == .done)
        #expect(DayText.parse("2024-02-30") == nil)
        #expect(DayText.days(from: "2024-02-28", to: "2024-03-01") == 2)
    }
}

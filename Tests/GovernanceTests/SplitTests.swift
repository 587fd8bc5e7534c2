import Accounting
import Governance
import Testing

/// Three children with base-year (2020) carbon of 600, 300 and 100 t and value added of 1,000,
/// 1,500 and 500 万元; the expected values are worked by hand beside each check.
@Suite("Decomposition: each method, and the check that the children add up")
struct SplitTests {
    static let children = [
        SplitChild(id: 1, baseTotal: carbon(600), baseEconomic: Money(1_000, .tenThousandYuan)),
        SplitChild(id: 2, baseTotal: carbon(300), baseEconomic: Money(1_500, .tenThousandYuan)),
        SplitChild(id: 3, baseTotal: carbon(100), baseEconomic: Money(500, .tenThousandYuan)),
    ]

    @Test("a cap by base-year share: 900 t splits 540 / 270 / 90, and the check holds with no gap")
    func baseShare() throws {
        let parent = Target(indicator: .carbonTotal, kind: .cap(carbon(900)), firstYear: 2021, lastYear: 2025)
        let split = try TargetSplit.split(parent, parentBase: nil, among: Self.children, by: .baseShare)
        #expect(split[1]?.kind == .cap(carbon(540)))
        #expect(split[2]?.kind == .cap(carbon(270)))
        #expect(split[3]?.kind == .cap(carbon(90)))
        let check = SplitCheck.check(
            parent, parentStart: carbon(1_000), children: Self.children.map { ($0, split[$0.id]!) })
        #expect(isClose(check.childrenCombined, 900))
        #expect(isClose(check.gap, 0))
        #expect(check.holds == true)
    }

    @Test("a cap by equal reduction against the parent's own base (1,250 t): each child × 0.72")
    func equalReductionOfCap() throws {
        // The parent's base includes 250 t of its own: 900 ÷ 1,250 = 0.72 → 432 / 216 / 72.
        let parent = Target(indicator: .carbonTotal, kind: .cap(carbon(900)), firstYear: 2025)
        let split = try TargetSplit.split(
            parent, parentBase: SplitChild(id: 0, baseTotal: carbon(1_250)), among: Self.children, by: .equalReduction)
        #expect(isClose(split[1].flatMap { if case .cap(let a) = $0.kind { a.value } else { nil } }, 432))
        #expect(isClose(split[3].flatMap { if case .cap(let a) = $0.kind { a.value } else { nil } }, 72))
    }

    @Test("an intensity level by equal reduction: each child's base intensity × (0.3 ÷ 1/3)")
    func equalReductionOfLevel() throws {
        // Children's intensities 0.6, 0.2, 0.2; combined 1,000 t ÷ 3,000 万元 = 1/3; level 0.3 → × 0.9.
        let parent = Target(
            indicator: .carbonIntensity, kind: .cap(IndicatorAmount(0.3, of: .carbonIntensity)), firstYear: 2025)
        let split = try TargetSplit.split(parent, parentBase: nil, among: Self.children, by: .equalReduction)
        let levels = Self.children.map { child in
            split[child.id].flatMap { if case .cap(let a) = $0.kind { a.value } else { nil } }
        }
        #expect(isClose(levels[0], 0.54))
        #expect(isClose(levels[1], 0.18))
        #expect(isClose(levels[2], 0.18))
        // Weighted by value added: (0.54·1,000 + 0.18·1,500 + 0.18·500) ÷ 3,000 = 0.3 — holds.
        let check = SplitCheck.check(parent, parentStart: nil, children: Self.children.map { ($0, split[$0.id]!) })
        #expect(isClose(check.childrenCombined, 0.3))
        #expect(check.holds == true)
    }

    @Test("a reduction by hand that falls short shows the gap")
    func manualReductionGap() throws {
        // Parent: −18 % from 2020. Children by hand: −20 %, −10 %, −10 %. Base-weighted mean:
        // (600·0.20 + 300·0.10 + 100·0.10) ÷ 1,000 = 16 % < 18 %: short.
        // Limits: 480 + 270 + 90 = 840 t against the parent's 1,000 × 0.82 = 820 t: gap 20 t.
        let parent = Target(
            indicator: .carbonTotal, kind: .reduction(fraction: 0.18, baseYear: 2020), firstYear: 2021, lastYear: 2025)
        var children = Self.children
        for (index, fraction) in [0.2, 0.1, 0.1].enumerated() {
            children[index].manual = .reduction(fraction: fraction, baseYear: 2020)
        }
        let split = try TargetSplit.split(parent, parentBase: nil, among: children, by: .manual)
        let check = SplitCheck.check(parent, parentStart: carbon(1_000), children: children.map { ($0, split[$0.id]!) })
        #expect(isClose(check.parentLimit, 820))
        #expect(isClose(check.childrenCombined, 840))
        #expect(isClose(check.gap, 20))
        #expect(check.holds == false)
    }

    @Test("an intensity reduction split equally holds exactly")
    func equalIntensityReduction() throws {
        let parent = Target(
            indicator: .carbonIntensity, kind: .reduction(fraction: 0.18, baseYear: 2020), firstYear: 2021,
            lastYear: 2025)
        let split = try TargetSplit.split(parent, parentBase: nil, among: Self.children, by: .equalReduction)
        #expect(split.values.allSatisfy { $0.kind == .reduction(fraction: 0.18, baseYear: 2020) })
        let check = SplitCheck.check(parent, parentStart: nil, children: Self.children.map { ($0, split[$0.id]!) })
        // Combined: Σ 0.82·Iᵢ·Dᵢ ÷ Σ Dᵢ = 0.82 × 1/3; the parent's 1/3 × 0.82.
        #expect(isClose(check.childrenCombined, 0.82 / 3))
        #expect(isClose(check.gap, 0, 1e-12))
        #expect(check.holds == true)
    }

    @Test("peaks: a child peaking after the parent breaks the split by the years between")
    func peaks() {
        let parent = Target(indicator: .carbonTotal, kind: .peak(year: 2028), firstYear: 2021, lastYear: 2030)
        var late = parent
        late.kind = .peak(year: 2030)
        let check = SplitCheck.check(
            parent, parentStart: nil, children: [(Self.children[0], parent), (Self.children[1], late)])
        #expect(check.gap == 2)
        #expect(check.holds == false)
    }

    @Test("refusals: base share of an intensity, a missing base, a missing hand-set target")
    func refusals() {
        let level = Target(
            indicator: .carbonIntensity, kind: .cap(IndicatorAmount(0.3, of: .carbonIntensity)), firstYear: 2025)
        #expect(throws: SplitProblem.methodDoesNotApply) {
            try TargetSplit.split(level, parentBase: nil, among: Self.children, by: .baseShare)
        }
        let cap = Target(indicator: .carbonTotal, kind: .cap(carbon(900)), firstYear: 2025)
        var missing = Self.children
        missing[1].baseTotal = nil
        #expect(throws: SplitProblem.missingBase(child: 2)) {
            try TargetSplit.split(cap, parentBase: nil, among: missing, by: .baseShare)
        }
        #expect(throws: SplitProblem.missingManual(child: 1)) {
            try TargetSplit.split(cap, parentBase: nil, among: Self.children, by: .manual)
        }
        #expect(throws: SplitProblem.noChildren) { try TargetSplit.split(cap, parentBase: nil, among: [], by: .manual) }
    }
}

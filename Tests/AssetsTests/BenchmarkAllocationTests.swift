import Accounting
import Assets
import Testing

/// Allocation by benchmark (基准法): benchmark × output × correction, summed, each benchmark from its
/// rule record. The benchmark values here are a test's own (no benchmark is bundled: none was
/// retrieved from its plan); the expected figures are worked by hand.
@Suite("Allocation by benchmark")
struct BenchmarkAllocationTests {
    static func benchmark(_ id: String, _ output: String, _ value: String, years: ClosedRange<Int> = 2021...2022)
        -> MarketRuleRecord
    {
        MarketRuleRecord(
            id: id, market: "national", sectors: ["power"], years: years, parameter: .benchmark, value: value,
            grade: .unverified, source: "a test's own figure", output: output)
    }

    static let book = MarketRuleBook(entered: [
        benchmark("T-E", "electricity_supplied", "0.8"), benchmark("T-H", "heat_supplied", "0.11"),
        benchmark("T-E23", "electricity_supplied", "0.79", years: 2023...2023),
    ])

    @Test("power: supply × benchmark × correction + heat × benchmark, by hand")
    func power() throws {
        let outputs = [
            AllocationOutput(output: "electricity_supplied", quantity: 1_000_000, correction: 1.05, correctionSource: "air cooling"),
            AllocationOutput(output: "heat_supplied", quantity: 200_000),
        ]
        let allocation = try BenchmarkAllocation.compute(outputs, book: Self.book, sector: "power", year: 2022).get()
        // 0.8 × 1,000,000 × 1.05 = 840,000; 0.11 × 200,000 = 22,000; total 862,000 t.
        #expect(allocation.lines.map(\.allowances) == [840_000, 22_000])
        #expect(allocation.lines.map(\.benchmark.record.id) == ["T-E", "T-H"])
        #expect(allocation.total == 862_000)
        // Another year takes its own record: 0.79 × 1,000,000 × 1.05 = 829,500.
        let later = try BenchmarkAllocation.compute([outputs[0]], book: Self.book, sector: "power", year: 2023).get()
        #expect(later.total == 829_500)
        // Half a tonne rounds up: 0.8 × 0.625 = 0.5.
        let half = try BenchmarkAllocation.compute(
            [AllocationOutput(output: "electricity_supplied", quantity: 0.625)], book: Self.book, sector: "power", year: 2022
        ).get()
        #expect(half.total == 1)
    }

    @Test("an output without a benchmark record, and bad outputs, are named by field")
    func refusals() {
        let missing = BenchmarkAllocation.compute(
            [AllocationOutput(output: "electricity_supplied", quantity: 1), AllocationOutput(output: "clinker", quantity: 1)],
            book: Self.book, sector: "power", year: 2022)
        guard case .failure(let problems) = missing else {
            Issue.record("an allocation without a clinker benchmark was computed")
            return
        }
        #expect(problems.problems.map(\.field) == ["outputs[2].output"])
        #expect(problems.problems[0].message(.en).contains("clinker"))
        // The cement sector has no electricity benchmark either: a power plant's record does not apply.
        #expect((try? BenchmarkAllocation.compute(
            [AllocationOutput(output: "electricity_supplied", quantity: 1)], book: Self.book, sector: "cement", year: 2022).get()) == nil)
        let bad = AllocationOutput.problems([
            AllocationOutput(output: "", quantity: -1),
            AllocationOutput(output: "heat_supplied", quantity: 1, correction: 1.1),
            AllocationOutput(output: "heat_supplied", quantity: .nan, correction: 0),
        ])
        #expect(
            bad.map(\.field) == [
                "outputs[1].output", "outputs[1].quantity", "outputs[2].correction_source", "outputs[3].output",
                "outputs[3].quantity", "outputs[3].correction",
            ])
    }
}

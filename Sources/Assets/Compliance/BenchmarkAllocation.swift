import Accounting

/// An output a covered unit reports for a compliance year, which a benchmark turns into allowances:
/// electricity supplied (MWh), heat supplied (GJ), clinker (t) … with the correction factor the
/// sector's plan gives this unit for it (cooling, heat share, load …; 1 when none applies) and where
/// that factor comes from.
public struct AllocationOutput: Sendable, Codable, Equatable {
    /// The output's key, as benchmark rule records name it (`electricity_supplied`).
    public var output: String
    public var quantity: Double
    public var correction: Double
    public var correctionSource: String

    public init(output: String, quantity: Double, correction: Double = 1, correctionSource: String = "") {
        self.output = output
        self.quantity = quantity
        self.correction = correction
        self.correctionSource = correctionSource
    }

    /// What is wrong with the outputs as entered, each naming `outputs[n].field`.
    public static func problems(_ outputs: [AllocationOutput]) -> [LedgerProblem] {
        var problems: [LedgerProblem] = []
        var seen = Set<String>()
        for (index, output) in outputs.enumerated() {
            let field = "outputs[\(index + 1)]"
            let key = output.output.trimmed
            if key.isEmpty || key.count > 40 || !seen.insert(key).inserted {
                problems.append(LedgerProblem(field: field + ".output", kind: .outputName))
            }
            if !(output.quantity >= 0) {
                problems.append(LedgerProblem(field: field + ".quantity", kind: .outputQuantity))
            } else if !Plausible.isAmount(output.quantity) {
                problems.append(LedgerProblem(field: field + ".quantity", kind: .beyondPlausible))
            }
            if !(output.correction.isFinite && output.correction > 0 && output.correction <= 10) {
                problems.append(LedgerProblem(field: field + ".correction", kind: .correction))
            } else if output.correction != 1, output.correctionSource.trimmed.isEmpty {
                problems.append(LedgerProblem(field: field + ".correction_source", kind: .ruleSource))
            }
        }
        return problems
    }
}

/// Allocation by the benchmark method (基准法): for each output, benchmark × quantity × correction,
/// summed, each benchmark from its rule record. The national power plan's formula for 2021–2022 is
/// 机组配额量 = 供电基准值 × 供电量 × 修正系数 + 供热基准值 × 供热量 (生态环境部, 2023-03-15); other
/// sectors' plans take the same shape with their own outputs.
public struct BenchmarkAllocation: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public let output: AllocationOutput
        public let benchmark: RuleValue<Double>
        /// tCO2, unrounded.
        public let allowances: Double
    }

    public let lines: [Line]
    /// Whole allowances: the sum rounded to the nearest tonne (PeakZero's convention; the plans give
    /// allocations in whole tonnes without saying how a fraction is rounded).
    public let total: Int64

    /// The allocation, or the outputs with no benchmark for the sector's year (each named).
    public static func compute(
        _ outputs: [AllocationOutput], book: MarketRuleBook, sector: String, year: Int, market: String = "national"
    ) -> Result<BenchmarkAllocation, LedgerProblems> {
        var lines: [Line] = []
        var problems: [LedgerProblem] = []
        for (index, output) in outputs.enumerated() {
            guard let record = book.record(.benchmark, market: market, sector: sector, year: year, output: output.output),
                let value = Double(record.value)
            else {
                problems.append(
                    LedgerProblem(
                        field: "outputs[\(index + 1)].output", kind: .noBenchmark,
                        arguments: ["output": output.output, "sector": sector, "year": "\(year)"]))
                continue
            }
            lines.append(
                Line(
                    output: output, benchmark: RuleValue(value: value, record: record),
                    allowances: value * output.quantity * output.correction))
        }
        guard problems.isEmpty else { return .failure(LedgerProblems(problems)) }
        let sum = lines.reduce(0) { $0 + $1.allowances }
        return .success(BenchmarkAllocation(lines: lines, total: Int64(sum.rounded(.toNearestOrAwayFromZero))))
    }
}

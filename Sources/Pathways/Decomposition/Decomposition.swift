/// A decomposition of a history: between two years directly, or chained year by year over the years
/// the data has between them (each step decomposed, the steps summed or multiplied).
public struct Decomposition: Sendable, Equatable {
    public let from: Int
    public let to: Int
    public let form: DecompositionForm
    public let chained: Bool
    public let factors: [DecompositionFactor]
    /// The whole change and its effects.
    public let total: DecompositionEffects
    /// Each year-to-year step, when chained.
    public let steps: [(from: Int, to: Int, effects: DecompositionEffects)]

    public static func == (a: Self, b: Self) -> Bool {
        a.from == b.from && a.to == b.to && a.form == b.form && a.chained == b.chained && a.total == b.total
            && a.steps.map(\.effects) == b.steps.map(\.effects)
    }

    /// The decomposition of `data` from one year to another; the earliest and latest years by default.
    public init(
        _ data: DecompositionData, from: Int? = nil, to: Int? = nil, form: DecompositionForm = .additive,
        chained: Bool = false
    ) throws(DecompositionProblems) {
        let years = data.years
        let start = from ?? years.first ?? 0, end = to ?? years.last ?? 0
        var problems: [DecompositionProblem] = []
        for year in [start, end] where data.snapshots[year] == nil {
            problems.append(.init(.init(year: year, sector: nil, carrier: nil), .yearMissing))
        }
        if start == end { problems.append(.init(.init(year: start, sector: nil, carrier: nil), .sameYear)) }
        let span = years.filter { $0 >= min(start, end) && $0 <= max(start, end) }
        let path = start <= end ? span : span.reversed()
        let checked = chained ? path : [start, end]
        if form == .multiplicative {
            for year in checked where (data.snapshots[year]?.totalCO2 ?? 1) == 0 {
                problems.append(.init(.init(year: year, sector: nil, carrier: nil), .zeroTotal))
            }
        }
        guard problems.isEmpty else { throw DecompositionProblems(problems) }
        self.from = start
        self.to = end
        self.form = form
        self.chained = chained
        factors = data.factors
        let factors = data.factors
        func step(_ a: Int, _ b: Int) -> (from: Int, to: Int, effects: DecompositionEffects) {
            (a, b, LMDI.decompose(from: data.snapshots[a]!, to: data.snapshots[b]!, form: form, factors: factors))
        }
        guard chained, path.count > 2 else {
            steps = []
            total = step(start, end).effects
            return
        }
        steps = zip(path, path.dropFirst()).map { step($0, $1) }
        var combined: [DecompositionFactor: Double] = [:]
        for factor in factors {
            let values = steps.map { $0.effects.effects[factor] ?? 0 }
            combined[factor] = form == .additive ? values.reduce(0, +) : values.reduce(1, *)
        }
        total = DecompositionEffects(
            form: form, start: data.snapshots[start]!.totalCO2, end: data.snapshots[end]!.totalCO2, effects: combined)
    }
}

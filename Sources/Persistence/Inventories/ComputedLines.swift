import Accounting

/// A recalculation's results: each key's template from the calculator (the line of one unit of
/// quantity, with its factors), and each record's figures — its quantity times its key's template,
/// exactly as `InventoryCalculator.calculate` makes a line. Built all at once, or extended block by
/// block as records are read (`extend`, then `finish`).
struct ComputedLines: Sendable {
    private(set) var input: CalculationInput
    /// Each key's template, in key order (set by `finish`; `template(ofKey:)` while extending).
    private(set) var templates: [LineTemplate] = []
    /// Per row: tCO2e location-based and market-based, tce at 当量值 and 等价值.
    private(set) var location: [Double] = []
    private(set) var market: [Double] = []
    private(set) var calorific: [Double] = []
    private(set) var equivalent: [Double] = []
    /// Scope 1, scope 2 location-based, scope 2 market-based (tCO2e), 当量值, 等价值 (tce) of all rows.
    private(set) var totals = [0.0, 0, 0, 0, 0]

    private let calculator: InventoryCalculator
    /// Per key: its template, or nil when its factors are missing (with the problems in `failed`).
    private var built: [LineTemplate?] = []
    private var perUnit: [(scope1: Bool, location: Double, market: Double, calorific: Double, equivalent: Double)] =
        []
    private var failed: [Int32: [InputIssue]] = [:]

    /// Throws every row whose factors are missing, each named by its record id.
    init(_ input: CalculationInput, calculator: InventoryCalculator) throws {
        self.init(startingWith: input, calculator: calculator)
        extend(from: input)
        try finish(input: input)
    }

    /// No lines yet; `input` is the records read so far (their lines come with `extend`).
    init(startingWith input: CalculationInput, calculator: InventoryCalculator) {
        self.input = input
        self.calculator = calculator
    }

    /// Whether a key met so far has no factors (the recalculation will fail in `finish`).
    var hasFailures: Bool { !failed.isEmpty }

    /// A key's template while extending (nil when its factors are missing).
    func template(ofKey k: Int) -> LineTemplate? { built[k] }

    /// Computes the keys and rows `input` has gained since the last call.
    mutating func extend(from input: CalculationInput) {
        for k in built.count..<input.keys.count {
            switch calculator.template(for: input.keys[k], retiredCertificates: input.certificateLots[Int32(k)]) {
            case .success(let template):
                built.append(template)
                perUnit.append(
                    (
                        scope1: template.scope == .scope1, location: template.locationBased.value(in: .tonneCO2e),
                        market: template.marketBased.value(in: .tonneCO2e),
                        calorific: template.energyCalorific.value(in: .tonneCoalEquivalent),
                        equivalent: template.energyEquivalent.value(in: .tonneCoalEquivalent)
                    ))
            case .failure(let failure):
                built.append(nil)
                perUnit.append((false, 0, 0, 0, 0))
                failed[Int32(k)] = failure.issues
            }
        }
        // No `reserveCapacity` here: called per block with the count so far, it would reallocate
        // and copy every array each time (exact, not doubling) — a fifth of a PostgreSQL
        // recalculation's own time went to those copies and their fresh pages.
        for row in location.count..<input.count {
            let t = perUnit[Int(input.keyIndexes[row])]
            let q = input.quantities[row]
            let (l, m, c, e) = (q * t.location, q * t.market, q * t.calorific, q * t.equivalent)
            location.append(l)
            market.append(m)
            calorific.append(c)
            equivalent.append(e)
            if t.scope1 {
                totals[0] += l
            } else {
                totals[1] += l
                totals[2] += m
            }
            totals[3] += c
            totals[4] += e
        }
    }

    /// Takes the whole input once every row is extended; throws every row whose factors are missing.
    mutating func finish(input: CalculationInput) throws {
        self.input = input
        if !failed.isEmpty {
            var issues: [InputIssue] = []
            for row in 0..<input.count {
                for issue in failed[input.keyIndexes[row]] ?? [] {
                    var located = issue
                    located.file = "activity_records"
                    located.row = Int(input.recordIDs[row])
                    issues.append(located)
                }
            }
            throw StoreError.invalid(issues)
        }
        try refuseImplausibleFigures()
        templates = built.map { $0! }
    }

    /// Throws every row whose figures are infinite or beyond `Plausible.largestLineFigure` — a
    /// quantity stored before the doors refused such numbers — naming its record, so that nothing
    /// infinite is ever stored or summed. One pass over the figures when all is well.
    private func refuseImplausibleFigures() throws {
        let figures = [location, market, calorific, equivalent]
        guard !figures.allSatisfy({ $0.allSatisfy(Plausible.isLineFigure) }) else { return }
        let issues = (0..<input.count).filter { row in !figures.allSatisfy { Plausible.isLineFigure($0[row]) } }.map {
            InputIssue(
                file: "activity_records", row: Int(input.recordIDs[$0]), column: "quantity",
                problem: .beyondPlausible(String(input.quantities[$0])))
        }
        throw StoreError.invalid(issues)
    }

    var count: Int { input.count }

    /// A row's figures as a summary cell: scope 1, scope 2 location, scope 2 market, 当量值, 等价值.
    func cell(_ row: Int) -> (Double, Double, Double, Double, Double) {
        if templates[Int(input.keyIndexes[row])].scope == .scope1 {
            return (location[row], 0, 0, calorific[row], equivalent[row])
        }
        return (0, location[row], market[row], calorific[row], equivalent[row])
    }
}

import Accounting

/// A recalculation's results: each key's template from the calculator (the line of one unit of
/// quantity, with its factors), and each record's figures — its quantity times its key's template,
/// exactly as `InventoryCalculator.calculate` makes a line.
struct ComputedLines {
    let input: CalculationInput
    let templates: [LineTemplate]
    /// Per row: tCO2e location-based and market-based, tce at 当量值 and 等价值.
    private(set) var location: [Double] = []
    private(set) var market: [Double] = []
    private(set) var calorific: [Double] = []
    private(set) var equivalent: [Double] = []
    /// Scope 1, scope 2 location-based, scope 2 market-based (tCO2e), 当量值, 等价值 (tce) of all rows.
    private(set) var totals = [0.0, 0, 0, 0, 0]

    /// Throws every row whose factors are missing, each named by its record id.
    init(_ input: CalculationInput, calculator: InventoryCalculator) throws {
        self.input = input
        var templates: [LineTemplate] = []
        var failed: [Int32: [InputIssue]] = [:]
        for (k, key) in input.keys.enumerated() {
            switch calculator.template(for: key) {
            case .success(let template): templates.append(template)
            case .failure(let failure): failed[Int32(k)] = failure.issues
            }
        }
        self.templates = templates
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
        let perUnit = templates.map {
            (
                scope1: $0.scope == .scope1, location: $0.locationBased.value(in: .tonneCO2e),
                market: $0.marketBased.value(in: .tonneCO2e),
                calorific: $0.energyCalorific.value(in: .tonneCoalEquivalent),
                equivalent: $0.energyEquivalent.value(in: .tonneCoalEquivalent)
            )
        }
        location.reserveCapacity(input.count)
        market.reserveCapacity(input.count)
        calorific.reserveCapacity(input.count)
        equivalent.reserveCapacity(input.count)
        for row in 0..<input.count {
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

    var count: Int { input.count }

    /// A row's figures as a summary cell: scope 1, scope 2 location, scope 2 market, 当量值, 等价值.
    func cell(_ row: Int) -> (Double, Double, Double, Double, Double) {
        if templates[Int(input.keyIndexes[row])].scope == .scope1 {
            return (location[row], 0, 0, calorific[row], equivalent[row])
        }
        return (0, location[row], market[row], calorific[row], equivalent[row])
    }
}

extension UnitFamily {
    /// Reads a unit of this family from a factor table's unit column (`GJ/t` → `GJ` and `t`).
    static func parse(_ text: String) -> Self? {
        let wanted = UnitOfMeasure.normalise(text)
        return allCases.first { unit in unit.spellings.contains { UnitOfMeasure.normalise($0) == wanted } }
    }

    var spellings: [String] {
        [symbol] + UnitOfMeasure.acceptedSpellings.filter { $0.unit.symbol == symbol }.map(\.spelling)
            + Self.extraSpellings[symbol, default: []]
    }

    /// Spellings of factor-table units that activity records never use.
    private static var extraSpellings: [String: [String]] {
        [
            "tCO2e": ["tCO2", "吨二氧化碳", "吨二氧化碳当量"],
            "kgCO2e": ["kgCO2", "千克二氧化碳"],
            "tC": ["吨碳"],
            "gce": ["克标准煤"],
        ]
    }
}

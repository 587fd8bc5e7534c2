import Accounting

/// `--format table`: the totals, the breakdowns and every line, for reading in a terminal.
extension InventoryReport {
    func table() -> String {
        let inv = inventory
        let word = { (key: CLIWords) in language.word(key) }
        let t = { (value: Emissions) in NumberText.grouped(value.value(in: .tonneCO2e)) }
        let c = { (value: StandardCoal) in NumberText.grouped(value.value(in: .tonneCoalEquivalent)) }
        let chosen = word(inv.options.scope2 == .location ? .locationBased : .marketBased)

        var summary = TextTable(header: language.columns(.summaryHeader))
        summary.rightAligned = [1]
        summary.rows = [
            [language.word(.totalEmissions, ["method": chosen]), t(inv.total), "tCO2e"],
            [word(.scope1Direct), t(inv.scope1), "tCO2e"],
            [word(.scope2Location), t(inv.scope2LocationBased), "tCO2e"],
            [word(.scope2Market), t(inv.scope2MarketBased), "tCO2e"],
            [word(.energyCalorific), c(inv.energyCalorific), "tce"],
            [word(.energyEquivalent), c(inv.energyEquivalent), "tce"],
        ]

        var gases = TextTable(header: language.columns(.gasHeader))
        gases.rightAligned = [1]
        gases.rows = inv.byGas.map { [$0.gas, t($0.subtotal.emissions)] }

        var items = TextTable(header: language.columns(.itemHeader))
        items.rightAligned = [1, 2, 3]
        items.rows = inv.byItem.map {
            [
                itemName($0.item), t($0.subtotal.emissions), c($0.subtotal.energyCalorific),
                c($0.subtotal.energyEquivalent),
            ]
        }

        var periods = TextTable(header: language.columns(.periodHeader))
        periods.rightAligned = [1, 2, 3]
        periods.rows = inv.byPeriod.map {
            [
                $0.period.description, t($0.subtotal.emissions), c($0.subtotal.energyCalorific),
                c($0.subtotal.energyEquivalent),
            ]
        }

        let lines = lineTable(t, c)

        let heading = language.word(.inventoryHeading, ["file": file])
        let options = language.word(
            .inventoryOptions,
            [
                "gwp": inv.options.gwp.rawValue, "fuel": inv.options.fuelParameters.rawValue,
                "library": inv.libraryVersion,
            ])
        let hint = word(.inventoryHint)
        return [
            heading, options, "", summary.render(), "", gases.render(), "", items.render(), "", periods.render(), "",
            lines.render(), "", hint,
        ]
        .joined(separator: "\n")
    }

    /// Every line: its record, its figures and the factors it used.
    private func lineTable(_ t: (Emissions) -> String, _ c: (StandardCoal) -> String) -> TextTable {
        let inv = inventory
        var lines = TextTable(header: language.columns(.linesHeader))
        lines.rightAligned = [0, 4, 7, 8, 9]
        lines.rows = inv.lines.map { line in
            let record = line.record
            return [
                record.sourceRow.map(String.init) ?? "", record.unitCode, record.period.description,
                record.item.name(in: language), NumberText.grouped(record.quantity.value, decimals: 2),
                record.quantity.unitSymbol,
                line.scope == .scope1 ? "1" : "2", t(line.emissions(inv.options.scope2)), c(line.energyCalorific),
                c(line.energyEquivalent),
                line.factors.map { $0.entry?.id ?? language.word(.measured) }.joined(separator: " "),
            ]
        }
        return lines
    }
}

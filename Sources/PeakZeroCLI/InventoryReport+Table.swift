import Accounting

/// `--format table`: the totals, the breakdowns and every line, for reading in a terminal.
extension InventoryReport {
    func table() -> String {
        let inv = inventory
        let zh = language == .zh
        let t = { (value: Emissions) in NumberText.grouped(value.value(in: .tonneCO2e)) }
        let c = { (value: StandardCoal) in NumberText.grouped(value.value(in: .tonneCoalEquivalent)) }
        let chosen = inv.options.scope2 == .location ? (zh ? "基于位置" : "location-based") : (zh ? "基于市场" : "market-based")

        var summary = TextTable(header: [zh ? "指标" : "Figure", zh ? "数值" : "Value", zh ? "单位" : "Unit"])
        summary.rightAligned = [1]
        summary.rows = [
            [
                zh ? "温室气体排放总量（范围一 + 范围二\(chosen)）" : "Total GHG emissions (scope 1 + scope 2 \(chosen))", t(inv.total),
                "tCO2e",
            ],
            [zh ? "范围一 直接排放" : "Scope 1 direct", t(inv.scope1), "tCO2e"],
            [zh ? "范围二 基于位置" : "Scope 2 location-based", t(inv.scope2LocationBased), "tCO2e"],
            [zh ? "范围二 基于市场" : "Scope 2 market-based", t(inv.scope2MarketBased), "tCO2e"],
            [
                zh ? "综合能耗（当量值，电力 0.1229 kgce/kWh）" : "Energy, calorific value (electricity 0.1229 kgce/kWh)",
                c(inv.energyCalorific), "tce",
            ],
            [
                zh ? "综合能耗（等价值，电力按供电标准煤耗）" : "Energy, equivalent value (electricity at coal rate)",
                c(inv.energyEquivalent), "tce",
            ],
        ]

        var gases = TextTable(header: [zh ? "气体" : "Gas", "tCO2e"])
        gases.rightAligned = [1]
        gases.rows = inv.byGas.map { [$0.gas, t($0.subtotal.emissions)] }

        var items = TextTable(header: [
            zh ? "品种" : "Item", "tCO2e", zh ? "tce 当量值" : "tce calorific", zh ? "tce 等价值" : "tce equivalent",
        ])
        items.rightAligned = [1, 2, 3]
        items.rows = inv.byItem.map {
            [
                itemName($0.item), t($0.subtotal.emissions), c($0.subtotal.energyCalorific),
                c($0.subtotal.energyEquivalent),
            ]
        }

        var periods = TextTable(header: [
            zh ? "期间" : "Period", "tCO2e", zh ? "tce 当量值" : "tce calorific", zh ? "tce 等价值" : "tce equivalent",
        ])
        periods.rightAligned = [1, 2, 3]
        periods.rows = inv.byPeriod.map {
            [
                $0.period.description, t($0.subtotal.emissions), c($0.subtotal.energyCalorific),
                c($0.subtotal.energyEquivalent),
            ]
        }

        let lines = lineTable(t, c)

        let heading = zh ? "PeakZero 排放清单 — \(file)" : "PeakZero inventory — \(file)"
        let options =
            zh
            ? "GWP \(inv.options.gwp.rawValue)；燃料参数 \(inv.options.fuelParameters.rawValue)；因子库 \(inv.libraryVersion)"
            : "GWP \(inv.options.gwp.rawValue); fuel parameters \(inv.options.fuelParameters.rawValue); factor library \(inv.libraryVersion)"
        let hint =
            zh
            ? "每个因子的来源：peakzero calc --format json，或 peakzero factors show 品种"
            : "Sources of every factor: peakzero calc --format json, or peakzero factors show ITEM"
        return [
            heading, options, "", summary.render(), "", gases.render(), "", items.render(), "", periods.render(), "",
            lines.render(), "", hint,
        ]
        .joined(separator: "\n")
    }

    /// Every line: its record, its figures and the factors it used.
    private func lineTable(_ t: (Emissions) -> String, _ c: (StandardCoal) -> String) -> TextTable {
        let inv = inventory
        let zh = language == .zh
        var lines = TextTable(
            header: zh
                ? ["行", "单位", "期间", "品种", "数量", "计量单位", "范围", "tCO2e", "tce 当量值", "tce 等价值", "因子"]
                : [
                    "Row", "Unit", "Period", "Item", "Quantity", "UoM", "Scope", "tCO2e", "tce calorific",
                    "tce equivalent", "Factors",
                ])
        lines.rightAligned = [0, 4, 7, 8, 9]
        lines.rows = inv.lines.map { line in
            let record = line.record
            return [
                record.sourceRow.map(String.init) ?? "", record.unitCode, record.period.description,
                record.item.name(in: language), NumberText.grouped(record.quantity.value, decimals: 2),
                record.quantity.unitSymbol,
                line.scope == .scope1 ? "1" : "2", t(line.emissions(inv.options.scope2)), c(line.energyCalorific),
                c(line.energyEquivalent),
                line.factors.map { $0.entry?.id ?? (zh ? "实测" : "measured") }.joined(separator: " "),
            ]
        }
        return lines
    }
}

import Accounting
import Foundation
import Intake

/// `--format csv`: one row per input row, then a total row; numbers at full precision.
extension InventoryReport {
    func csv() -> String {
        let inv = inventory
        let header = [
            "row", "unit", "region", "period", "item", "category", "scope", "quantity", "uom", "gas",
            "co2e_t", "co2e_location_t", "co2e_market_t", "tce_calorific", "tce_equivalent", "factor_ids",
        ]
        var rows = [header]
        for line in inv.lines {
            let r = line.record
            rows.append([
                r.sourceRow.map(String.init) ?? "", r.unitCode, r.region.code, r.period.description, r.item.code,
                r.category.rawValue, line.scope.rawValue, NumberText.plain(r.quantity.value), r.quantity.unitSymbol,
                line.gas,
                NumberText.plain(line.emissions(inv.options.scope2).value(in: .tonneCO2e)),
                NumberText.plain(line.locationBased.value(in: .tonneCO2e)),
                NumberText.plain(line.marketBased.value(in: .tonneCO2e)),
                NumberText.plain(line.energyCalorific.value(in: .tonneCoalEquivalent)),
                NumberText.plain(line.energyEquivalent.value(in: .tonneCoalEquivalent)),
                line.factors.map { $0.entry?.id ?? "measured" }.joined(separator: ";"),
            ])
        }
        rows.append([
            "", "", "", "", language.word(.total), "", "", "", "", "",
            NumberText.plain(inv.total.value(in: .tonneCO2e)),
            NumberText.plain((inv.scope1 + inv.scope2LocationBased).value(in: .tonneCO2e)),
            NumberText.plain((inv.scope1 + inv.scope2MarketBased).value(in: .tonneCO2e)),
            NumberText.plain(inv.energyCalorific.value(in: .tonneCoalEquivalent)),
            NumberText.plain(inv.energyEquivalent.value(in: .tonneCoalEquivalent)), "",
        ])
        return rows.map { $0.map(CSVField.escape).joined(separator: ",") }.joined(separator: "\n")
    }
}

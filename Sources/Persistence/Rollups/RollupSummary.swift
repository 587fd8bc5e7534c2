import Accounting
import Foundation

/// The roll-up of one subject (a unit with its descendants, or a region) in one inventory, computed
/// when the inventory is stored so that an indicator query reads one row instead of summing lines.
/// An inventory never changes, so neither does its summary. Figures are five numbers: scope 1,
/// scope 2 location-based, scope 2 market-based (tCO2e), energy at 当量值 and 等价值 (tce).
struct RollupSummary: Codable, Sendable, Equatable {
    var months: [String: [Double]] = [:]
    var scopes: [String: [Double]] = [:]
    var items: [String: [Double]] = [:]
    var categories: [String: [Double]] = [:]
    var children: [String: [Double]] = [:]
    /// Output value and value added at constant prices (万元) of the subject, and of each child.
    var economic: [Double?] = [nil, nil]
    var childEconomic: [String: [Double?]] = [:]

    static func add(_ a: [Double]?, _ b: [Double]) -> [Double] {
        guard let a else { return b }
        return zip(a, b).map { $0 + $1 }
    }

    static func figures(_ cell: [Double], economic: [Double?] = [nil, nil]) -> IndicatorFigures {
        IndicatorFigures(
            energyCalorific: StandardCoal(cell[3], .tonneCoalEquivalent),
            energyEquivalent: StandardCoal(cell[4], .tonneCoalEquivalent), scope1: Emissions(cell[0], .tonneCO2e),
            scope2LocationBased: Emissions(cell[1], .tonneCO2e), scope2MarketBased: Emissions(cell[2], .tonneCO2e),
            outputValue: economic[0].map { Money($0, .tenThousandYuan) },
            valueAdded: economic.count > 1 ? economic[1].map { Money($0, .tenThousandYuan) } : nil)
    }

    var totals: IndicatorFigures {
        Self.figures(scopes.values.reduce([0, 0, 0, 0, 0]) { Self.add($0, $1) }, economic: economic)
    }

    mutating func merge(_ other: RollupSummary) {
        for (k, v) in other.months { months[k] = Self.add(months[k], v) }
        for (k, v) in other.scopes { scopes[k] = Self.add(scopes[k], v) }
        for (k, v) in other.items { items[k] = Self.add(items[k], v) }
        for (k, v) in other.categories { categories[k] = Self.add(categories[k], v) }
        for (k, v) in other.children { children[k] = Self.add(children[k], v) }
        economic = Self.addEconomic(economic, other.economic)
        for (k, v) in other.childEconomic { childEconomic[k] = Self.addEconomic(childEconomic[k] ?? [nil, nil], v) }
    }

    static func addEconomic(_ a: [Double?], _ b: [Double?]) -> [Double?] {
        (0..<2).map { i in
            let x = i < a.count ? a[i] : nil
            let y = i < b.count ? b[i] : nil
            switch (x, y) {
            case (nil, nil): return nil
            case (let x?, nil): return x
            case (nil, let y?): return y
            case (let x?, let y?): return x + y
            }
        }
    }
}

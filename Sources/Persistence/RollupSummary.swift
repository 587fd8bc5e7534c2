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

/// Builds the summaries of an inventory: every unit of its subtree (control approach) and, for an
/// inventory of a whole tree, every province, city and county its units are in.
enum RollupSummaryBuilder {
    struct UnitInfo: Sendable {
        let id: Int64
        let parentID: Int64?
        let regionCode: String
    }

    static func build(
        inventory: Inventory, unitIDs: [Int64], units: [UnitInfo], economic: [Int64: [Double?]], includeRegions: Bool
    ) -> [String: RollupSummary] {
        let index = Dictionary(uniqueKeysWithValues: units.enumerated().map { ($0.element.id, $0.offset) })
        var own = [RollupSummary](repeating: RollupSummary(), count: units.count)
        for (i, line) in inventory.lines.enumerated() {
            guard let u = index[unitIDs[i]] else { continue }
            let scope1 = line.scope == .scope1
            let cell = [
                scope1 ? line.locationBased.value(in: .tonneCO2e) : 0,
                scope1 ? 0 : line.locationBased.value(in: .tonneCO2e),
                scope1 ? 0 : line.marketBased.value(in: .tonneCO2e),
                line.energyCalorific.value(in: .tonneCoalEquivalent),
                line.energyEquivalent.value(in: .tonneCoalEquivalent),
            ]
            let month = line.record.period.month.map(String.init) ?? "year"
            own[u].months[month] = RollupSummary.add(own[u].months[month], cell)
            own[u].scopes[line.scope.rawValue] = RollupSummary.add(own[u].scopes[line.scope.rawValue], cell)
            own[u].items[line.record.item.code] = RollupSummary.add(own[u].items[line.record.item.code], cell)
            own[u].categories[line.record.category.rawValue] = RollupSummary.add(
                own[u].categories[line.record.category.rawValue], cell)
        }
        for (u, unit) in units.enumerated() { own[u].economic = economic[unit.id] ?? [nil, nil] }

        var result: [String: RollupSummary] = [:]
        if includeRegions {
            for (u, unit) in units.enumerated() {
                let code = unit.regionCode
                for length in [2, 4, 6] where code.count >= length {
                    let prefix = String(code.prefix(length))
                    if length == 6, prefix.hasSuffix("00") { continue }
                    if length == 4, prefix.hasSuffix("00") { continue }
                    var part = own[u]
                    part.children = [:]
                    part.childEconomic = [:]
                    if length < 6 {
                        let child = String(code.prefix(length + 2))
                        let childCode = RegionPrefix(child)?.code ?? child
                        if !(child.hasSuffix("00")) {
                            part.children[childCode] = own[u].scopes.values.reduce([0, 0, 0, 0, 0]) {
                                RollupSummary.add($0, $1)
                            }
                            part.childEconomic[childCode] = own[u].economic
                        }
                    }
                    result["r:" + prefix, default: RollupSummary()].merge(part)
                }
            }
        }
        // Bottom-up over the tree: children before parents.
        let tree = UnitTree(
            units.map {
                ReportingUnit(
                    id: $0.id, code: "", name: "", level: .facility, parentID: $0.parentID, industryCode: nil,
                    regionCode: $0.regionCode)
            })
        var rolled = own
        let depths = units.map { tree.path(to: $0.id).count }
        let order = units.indices.sorted { depths[$0] > depths[$1] }
        for u in order {
            guard let parentID = units[u].parentID, let p = index[parentID] else { continue }
            let childKey = String(units[u].id)
            var part = rolled[u]
            let total = part.scopes.values.reduce([0, 0, 0, 0, 0]) { RollupSummary.add($0, $1) }
            let economic = part.economic
            part.children = [:]
            part.childEconomic = [:]
            rolled[p].merge(part)
            rolled[p].children[childKey] = total
            rolled[p].childEconomic[childKey] = economic
        }
        for (u, unit) in units.enumerated() { result["u:\(unit.id)"] = rolled[u] }
        return result
    }
}

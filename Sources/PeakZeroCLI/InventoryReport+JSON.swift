import Accounting
import Foundation

/// `--format json`: one object with the totals and one line per input row with its lineage.
extension InventoryReport {
    struct Document: Encodable {
        let file: String
        let template_version: String
        let factor_library: String
        let options: Options
        let co2e_t: Double
        let scope1_co2e_t: Double
        let scope2_location_co2e_t: Double
        let scope2_market_co2e_t: Double
        let energy_tce_calorific: Double
        let energy_tce_equivalent: Double
        let by_gas: [String: GasTotal]
        let by_item: [Group]
        let by_period: [Group]
        let by_unit: [Group]
        let lines: [Line]
    }

    struct Options: Encodable {
        let gwp: String
        let scope2: String
        let fuel_parameters: String
    }

    struct GasTotal: Encodable {
        let co2e_t: Double
        let mass_t: Double?
    }

    struct Group: Encodable {
        let key: String
        let name: String?
        let co2e_t: Double
        let tce_calorific: Double
        let tce_equivalent: Double
    }

    struct Line: Encodable {
        let row: Int?
        let unit: String
        let region: String
        let period: String
        let item: String
        let item_name: String
        let category: String
        let scope: String
        let quantity: Double
        let uom: String
        let gas: String
        let heat_gj: Double?
        let co2e_t: Double
        let co2e_location_t: Double
        let co2e_market_t: Double
        let tce_calorific: Double
        let tce_equivalent: Double
        let factors: [Factor]
    }

    struct Factor: Encodable {
        let parameter: String
        let name: String
        let value: Double
        let unit: String
        let origin: String
        let id: String?
        let factor_set: String?
        let grade: String?
        let source: String?
        let document: String?
        let data_year: Int?
        let published: String?
        let url: String?
        let notes: [String]
    }

    func json() -> String {
        let inv = inventory
        let gasMass = Dictionary(grouping: inv.lines.filter { $0.gasMass != nil }, by: \.gas)
            .mapValues { $0.sum { $0.gasMass! }.value(in: .tonne) }
        let document = Document(
            file: file, template_version: ActivityTemplate.version, factor_library: inv.libraryVersion,
            options: Options(
                gwp: inv.options.gwp.rawValue, scope2: inv.options.scope2.rawValue,
                fuel_parameters: inv.options.fuelParameters.rawValue),
            co2e_t: inv.total.value(in: .tonneCO2e),
            scope1_co2e_t: inv.scope1.value(in: .tonneCO2e),
            scope2_location_co2e_t: inv.scope2LocationBased.value(in: .tonneCO2e),
            scope2_market_co2e_t: inv.scope2MarketBased.value(in: .tonneCO2e),
            energy_tce_calorific: inv.energyCalorific.value(in: .tonneCoalEquivalent),
            energy_tce_equivalent: inv.energyEquivalent.value(in: .tonneCoalEquivalent),
            by_gas: Dictionary(
                uniqueKeysWithValues: inv.byGas.map {
                    ($0.gas, GasTotal(co2e_t: $0.subtotal.emissions.value(in: .tonneCO2e), mass_t: gasMass[$0.gas]))
                }),
            by_item: inv.byItem.map { group($0.item, itemName($0.item), $0.subtotal) },
            by_period: inv.byPeriod.map { group($0.period.description, nil, $0.subtotal) },
            by_unit: inv.byUnit.map { group($0.unit, nil, $0.subtotal) },
            lines: inv.lines.map(line))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // The document holds only strings and finite numbers, so encoding cannot fail.
        let data = try! encoder.encode(document)
        return String(decoding: data, as: UTF8.self)
    }

    private func group(_ key: String, _ name: String?, _ subtotal: Inventory.Subtotal) -> Group {
        Group(
            key: key, name: name, co2e_t: subtotal.emissions.value(in: .tonneCO2e),
            tce_calorific: subtotal.energyCalorific.value(in: .tonneCoalEquivalent),
            tce_equivalent: subtotal.energyEquivalent.value(in: .tonneCoalEquivalent))
    }

    private func line(_ line: InventoryLine) -> Line {
        let record = line.record
        return Line(
            row: record.sourceRow, unit: record.unitCode, region: record.region.code,
            period: record.period.description, item: record.item.code, item_name: record.item.name(in: language),
            category: record.category.rawValue, scope: line.scope.rawValue, quantity: record.quantity.value,
            uom: record.quantity.unitSymbol, gas: line.gas, heat_gj: line.heat?.value(in: .gigajoule),
            co2e_t: line.emissions(inventory.options.scope2).value(in: .tonneCO2e),
            co2e_location_t: line.locationBased.value(in: .tonneCO2e),
            co2e_market_t: line.marketBased.value(in: .tonneCO2e),
            tce_calorific: line.energyCalorific.value(in: .tonneCoalEquivalent),
            tce_equivalent: line.energyEquivalent.value(in: .tonneCoalEquivalent),
            factors: line.factors.map(factor))
    }

    private func factor(_ use: FactorUse) -> Factor {
        let entry = use.entry
        return Factor(
            parameter: use.kind.rawValue, name: use.kind.name(in: language), value: use.value, unit: use.unit,
            origin: entry == nil ? "measured" : "library", id: entry?.id, factor_set: entry?.setName,
            grade: entry?.grade.rawValue, source: entry?.source,
            document: entry.flatMap { $0.document.isEmpty ? nil : $0.document },
            data_year: entry?.year, published: entry.flatMap { $0.published.isEmpty ? nil : $0.published },
            url: entry.flatMap { $0.url.isEmpty ? nil : $0.url }, notes: use.notes.map { $0.text(in: language) })
    }
}

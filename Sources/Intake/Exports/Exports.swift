import Accounting
import Foundation
import Persistence
import Spreadsheet

/// One table of an export: a sheet of a workbook, or a section of a CSV file.
public struct ExportTable: Sendable {
    public let title: String
    public let header: [String]
    public let rows: [[CellValue]]
}

/// Stored numbers given back as files people open: activity data in the template's own layout
/// (so an export can be edited and imported again), inventory lines with their factors, and the
/// indicators of a unit or a region with every breakdown. Headers carry the units, in Chinese or
/// English.
public enum Exports {
    /// Activity records in the template's columns.
    public static func activity(
        _ records: [StoredActivityRecord], unitCodes: [Int64: String], language: Language
    ) -> [ExportTable] {
        let fields = Templates.Kind.activity.columns.map(\.field)
        let rows: [[CellValue]] = records.map { record in
            let values: [String: CellValue] = [
                "unit": .text(unitCodes[record.unitId] ?? String(record.unitId)), "period": .text(record.period),
                "item": .text(ItemCatalog.bundled.item(code: record.item)?.name(in: language) ?? record.item),
                "quantity": .number(record.quantity), "uom": .text(record.uom), "category": .text(record.category),
                "ncv": record.ncv.map(CellValue.number) ?? .empty,
                "carbon_content": record.carbonContent.map(CellValue.number) ?? .empty,
                "oxidation_rate": record.oxidationRate.map(CellValue.number) ?? .empty,
            ]
            return fields.map { values[$0] ?? .empty }
        }
        return [table(.activity, rows: rows, language: language)]
    }

    /// An inventory's lines, each with its factors' ids.
    public static func inventory(
        _ inventory: StoredInventory, lines: [StoredInventoryLine], unitCodes: [Int64: String], language: Language
    ) -> [ExportTable] {
        let header = language.lines(.inventoryHeader)
        let rows: [[CellValue]] = lines.map { line in
            [
                .number(Double(line.recordId)), .text(unitCodes[line.unitId] ?? String(line.unitId)),
                line.month.map { .number(Double($0)) } ?? .text(language.word(.wholeYear)),
                .text(ItemCatalog.bundled.item(code: line.item)?.name(in: language) ?? line.item),
                .text(line.category), .text(line.scope), .text(line.gas), .number(line.co2eLocationT),
                .number(line.co2eMarketT), .number(line.tceCalorific), .number(line.tceEquivalent),
                .text(line.factors.compactMap(\.id).joined(separator: " ")),
            ]
        }
        let title = language.word(.inventoryTitle, ["id": "\(inventory.id)"])
        return [ExportTable(title: title, header: header, rows: rows)]
    }

    /// The four indicators with their parts, year on year, and every breakdown of a roll-up.
    public static func indicators(
        _ rollup: Rollup, childNames: [String: String], method: Scope2Method, language: Language
    ) -> [ExportTable] {
        let header = language.lines(.indicatorsHeader)
        func numbers(_ f: IndicatorFigures) -> [Double?] {
            [
                f.energyCalorific.value(in: .tonneCoalEquivalent), f.energyEquivalent.value(in: .tonneCoalEquivalent),
                f.emissions(method).value(in: .tonneCO2e), f.scope1.value(in: .tonneCO2e),
                f.scope2LocationBased.value(in: .tonneCO2e), f.scope2MarketBased.value(in: .tonneCO2e),
                f.outputValue?.value(in: .tenThousandYuan), f.valueAdded?.value(in: .tenThousandYuan),
                f.energyIntensity(per: .outputValue)?.value,
                f.carbonIntensity(per: .outputValue, method: method)?.value,
            ]
        }
        func row(_ name: String, _ f: IndicatorFigures) -> [CellValue] {
            [.text(name)] + numbers(f).map { $0.map(CellValue.number) ?? .empty }
        }
        var totals = [row(String(rollup.year), rollup.totals)]
        if let last = rollup.previousYear {
            totals.append(row(String(rollup.year - 1), last))
            totals.append(
                [.text(language.word(.yearOnYear))]
                    + zip(numbers(rollup.totals), numbers(last)).map { current, previous in
                        yearOnYear(current, previous).map { .number($0 * 100) } ?? .empty
                    })
        }
        let month = language.word(.wholeYear)
        return [
            ExportTable(title: language.word(.tableTotals), header: header, rows: totals),
            ExportTable(
                title: language.word(.tableByMonth), header: header,
                rows: rollup.byMonth.map { row($0.month.map(String.init) ?? month, $0.figures) }),
            ExportTable(
                title: language.word(.tableByScope), header: header, rows: rollup.byScope.map { row($0.scope, $0.figures) }),
            ExportTable(
                title: language.word(.tableByItem), header: header,
                rows: rollup.byItem.map {
                    row(ItemCatalog.bundled.item(code: $0.item)?.name(in: language) ?? $0.item, $0.figures)
                }),
            ExportTable(
                title: language.word(.tableByCategory), header: header,
                rows: rollup.byCategory.map { row($0.category, $0.figures) }),
            ExportTable(
                title: language.word(.tableByChild), header: header,
                rows: rollup.byChild.map { row(childNames[$0.key] ?? $0.key, $0.figures) }),
        ]
    }

    /// The tables as a workbook (a sheet each) or a CSV (UTF-8 with a byte-order mark so Excel
    /// reads the Chinese; one table, or titled sections separated by blank lines).
    public static func data(_ tables: [ExportTable], format: Templates.Format) throws -> Data {
        switch format {
        case .xlsx:
            var writer = XLSXWriter()
            for table in tables {
                try writer.add(
                    .init(
                        name: table.title, rows: [table.header.map(CellValue.text)] + table.rows,
                        columnWidths: table.header.map { max(10, min(40, Double($0.count) * 1.6)) }))
            }
            return try writer.data()
        case .csv:
            var text = "\u{FEFF}"
            for (index, table) in tables.enumerated() {
                if tables.count > 1 {
                    if index > 0 { text += "\n" }
                    text += csv([table.title]) + "\n"
                }
                text += csv(table.header) + "\n"
                for row in table.rows { text += csv(row.map(\.text)) + "\n" }
            }
            return Data(text.utf8)
        }
    }

    static func csv(_ fields: [String]) -> String { fields.map(CSVField.escape).joined(separator: ",") }
}

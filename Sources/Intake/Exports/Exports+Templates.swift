import Accounting
import Persistence
import Spreadsheet

/// Economic data and units in their templates' own columns, so an export can be edited and
/// imported again.
extension Exports {
    public static func economic(
        _ records: [StoredEconomicRecord], unitCodes: [Int64: String], language: Language
    ) -> [ExportTable] {
        let rows: [[CellValue]] = records.map { record in
            let period = record.month.map { "\(record.year)-\($0 < 10 ? "0" : "")\($0)" } ?? String(record.year)
            let values: [String: CellValue] = [
                "unit": .text(unitCodes[record.unitId] ?? String(record.unitId)), "period": .text(period),
                "output_value": record.outputValue.map(CellValue.number) ?? .empty,
                "value_added": record.valueAdded.map(CellValue.number) ?? .empty,
                "revenue": record.revenue.map(CellValue.number) ?? .empty,
                "price_index": .number(record.priceIndex), "base_year": .number(Double(record.baseYear)),
            ]
            return Templates.Kind.economic.columns.map { values[$0.field] ?? .empty }
        }
        return [table(.economic, rows: rows, language: language)]
    }

    /// Units with their parents' codes; `parentCodes` must also name the parent of the first unit
    /// when it has one outside the list.
    public static func units(
        _ units: [ReportingUnit], parentCodes: [Int64: String], language: Language
    ) -> [ExportTable] {
        let zh = language == .zh
        let rows: [[CellValue]] = units.map { unit in
            let level = UnitVocabulary.levels.first { $0.0 == unit.level }.map { zh ? $0.zh : $0.0.rawValue }
            let reporting = UnitVocabulary.reportingClasses.first { $0.0 == unit.reportingClass }
                .map { zh ? $0.zh : $0.0.rawValue }
            let values: [String: CellValue] = [
                "code": .text(unit.code), "name": .text(unit.name), "level": .text(level ?? unit.level.rawValue),
                "parent_code": unit.parentID.flatMap { parentCodes[$0] }.map(CellValue.text) ?? .empty,
                "industry_code": unit.industryCode.map(CellValue.text) ?? .empty,
                "region_code": .text(unit.regionCode), "ownership_share": .number(unit.ownershipShare),
                "reporting_class": .text(reporting ?? unit.reportingClass.rawValue),
            ]
            return Templates.Kind.units.columns.map { values[$0.field] ?? .empty }
        }
        return [table(.units, rows: rows, language: language)]
    }

    static func table(_ kind: Templates.Kind, rows: [[CellValue]], language: Language) -> ExportTable {
        ExportTable(title: kind.sheetName(language), header: Templates.header(kind, language: language), rows: rows)
    }
}

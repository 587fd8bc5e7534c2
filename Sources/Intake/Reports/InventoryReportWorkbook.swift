import Accounting
import Foundation
import Reports
import Spreadsheet

/// The GHG inventory report as a workbook: its basis, then every table of the report — by scope,
/// gas, facility, source type and carrier, the intensities and the factors — each number the one the
/// report's model holds.
public enum InventoryReportWorkbook {
    public static func data(_ report: GHGInventoryReport, language: Language) throws -> Data {
        var workbook = XLSXWriter()
        for sheet in [basis(report, language)] + sheets(report, language: language) { try workbook.add(sheet) }
        return try workbook.data()
    }

    /// Every table of the report but its basis, as sheets (the climate section's workbook holds them too).
    static func sheets(_ report: GHGInventoryReport, language: Language) -> [XLSXWriter.Sheet] {
        var sheets: [XLSXWriter.Sheet] = []
        let parts: [(IntakeWords, [GHGInventoryReport.Part])] = [
            (.reportByGasSheet, report.byGas), (.reportByFacilitySheet, report.byFacility),
            (.reportBySourceSheet, report.bySource),
        ] + (report.byRegion.map { [(IntakeWords.reportByRegionSheet, $0)] } ?? [])
        for (sheet, rows) in parts {
            sheets.append(
                XLSXWriter.Sheet(
                    name: language.word(sheet),
                    rows: [language.lines(.reportPartsHeader).map(CellValue.text)] + (rows + [report.total]).map(row),
                    columnWidths: [18, 28, 16, 16, 16, 16, 16, 16, 16]))
        }
        if let scope3 = report.scope3 { sheets.append(Scope3Sheet.sheet(scope3, language: language)) }
        sheets.append(
            XLSXWriter.Sheet(
                name: language.word(.reportByCarrierSheet),
                rows: [language.lines(.reportCarrierHeader).map(CellValue.text)]
                    + (report.byCarrier + [report.total]).map { part in
                        [.text(part.key), .text(part.name), .number(part.tceCalorific), .number(part.tceEquivalent)]
                    }, columnWidths: [18, 28, 18, 18]))
        sheets.append(
            XLSXWriter.Sheet(
                name: language.word(.reportIntensitySheet),
                rows: [language.lines(.reportIntensityHeader).map(CellValue.text)]
                    + report.intensities.map { intensity in
                        [
                            .text(intensity.base.rawValue), .number(intensity.denominatorTenThousandYuan),
                            .number(intensity.co2eLocationTPerTenThousandYuan),
                            .number(intensity.co2eMarketTPerTenThousandYuan),
                            .number(intensity.tceCalorificPerTenThousandYuan),
                        ]
                    }, columnWidths: [16, 18, 22, 22, 22]))
        sheets.append(
            XLSXWriter.Sheet(
                name: language.word(.reportFactorsSheet),
                rows: [language.lines(.reportFactorsHeader).map(CellValue.text)]
                    + report.factors.map { factor in
                        [
                            .text(factor.id), .text(factor.kind), .text(factor.item), .number(factor.value),
                            .text(factor.unit), .text(factor.grade), .text(factor.source),
                            factor.year.map { .number(Double($0)) } ?? .empty,
                        ]
                    }, columnWidths: [16, 16, 16, 14, 14, 8, 70, 8]))
        return sheets
    }

    private static func row(_ part: GHGInventoryReport.Part) -> [CellValue] {
        [
            .text(part.key), .text(part.name), .number(part.scope1T), .number(part.scope2LocationT),
            .number(part.scope2MarketT), .number(part.totalLocationT), .number(part.totalMarketT),
            .number(part.tceCalorific), .number(part.tceEquivalent),
        ]
    }

    static func basis(_ report: GHGInventoryReport, _ language: Language) -> XLSXWriter.Sheet {
        let b = report.basis
        let lines = language.lines(.reportBasisLabels)
        let values: [CellValue] = [
            .text("\(b.unitCode) \(b.unitName)"), .number(Double(b.year)), .text(b.standards.joined(separator: "; ")),
            .text(b.consolidation.rawValue), .text(b.gwpSet), .text(b.scope2Method.rawValue),
            .text("\(b.inventoryId) v\(b.inventoryVersion) · \(b.computedAt)"), .text(b.factorLibrary),
            .number(Double(b.records)), .number(Double(b.unapprovedRecords)),
            .text(b.stale ? language.word(.reportStale) : "—"),
        ]
        return XLSXWriter.Sheet(
            name: language.word(.reportBasisSheet), rows: zip(lines, values).map { [.text($0), $1] }, header: false,
            columnWidths: [30, 60])
    }
}

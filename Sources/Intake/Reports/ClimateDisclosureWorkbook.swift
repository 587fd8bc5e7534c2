import Accounting
import Foundation
import Reports
import Spreadsheet

/// The climate section as a workbook: the basis, the narrative, every table of its GHG inventory
/// report (Scope 3 included), energy in GJ, the reductions, the carbon assets used, the targets, the
/// product footprints and the index — each number the one the section's model holds.
public enum ClimateDisclosureWorkbook {
    public static func data(_ report: ClimateDisclosure, language: Language) throws -> Data {
        var workbook = XLSXWriter()
        let zh = language == .zh
        try workbook.add(InventoryReportWorkbook.basis(report.inventory, language))
        let n = report.narrative
        try workbook.add(
            XLSXWriter.Sheet(
                name: language.word(.climateNarrativeSheet),
                rows: zip(language.lines(.climateNarrativeLabels), [
                    n.governance, n.strategy, n.riskManagement, n.metricsAndTargets, n.recalculationPolicy, n.assurance,
                ]).map { [.text($0), .text($1)] }, header: false, columnWidths: [24, 120]))
        for sheet in InventoryReportWorkbook.sheets(report.inventory, language: language) { try workbook.add(sheet) }
        try workbook.add(
            XLSXWriter.Sheet(
                name: language.word(.climateEnergySheet),
                rows: [
                    [.text(zh ? "能源消费量(吨标准煤，当量值)" : "Energy (tce, calorific)"), .number(report.inventory.total.tceCalorific)],
                    [.text(zh ? "能源消费量(吨标准煤，等价值)" : "Energy (tce, equivalent)"), .number(report.inventory.total.tceEquivalent)],
                    [.text(zh ? "组织内能源消耗(GJ)" : "Energy within the organisation (GJ)"), .number(report.energyGJ)],
                    [
                        .text(zh ? "绿电占综合能耗比例(当量值)" : "Green power in energy (calorific)"),
                        report.greenPowerShare.map(CellValue.number) ?? .empty,
                    ],
                    [
                        .text(zh ? "基准年" : "Base year"),
                        report.baseYear.map { .number(Double($0.year)) } ?? .empty,
                        report.baseYear.map { .text($0.chosenBy) } ?? .empty,
                    ],
                    [
                        .text(zh ? "基准年范围一、二(基于位置，tCO2e)" : "Base year Scope 1 and 2 (location-based, tCO2e)"),
                        report.baseYear.map { .number($0.scope1T + $0.scope2LocationT) } ?? .empty,
                    ],
                    [
                        .text(zh ? "标准煤热值" : "Heat of standard coal"),
                        .text("\(report.standardCoalHeat.value) \(report.standardCoalHeat.unit) · \(report.standardCoalHeat.id) · \(report.standardCoalHeat.source)"),
                    ],
                ], header: false, columnWidths: [36, 60]))
        try workbook.add(
            XLSXWriter.Sheet(
                name: language.word(.climateReductionsSheet),
                rows: [language.lines(.climateReductionsHeader).map(CellValue.text)]
                    + report.reductions.map { r in
                        [
                            .text(r.unitCode), .text(r.code), .text(r.name), .text(r.stage), .number(Double(r.firstYear)),
                            .number(r.plannedTce), .number(r.plannedT), r.verifiedT.map(CellValue.number) ?? .empty,
                            r.measure.map(CellValue.text) ?? .empty,
                        ]
                    }, columnWidths: [16, 12, 30, 12, 10, 18, 18, 18, 30]))
        try workbook.add(
            XLSXWriter.Sheet(
                name: language.word(.climateAssetsSheet),
                rows: [language.lines(.climateAssetsHeader).map(CellValue.text)]
                    + report.assetUse.map { [.text($0.instrument), .text($0.action), .number(Double($0.quantity))] },
                columnWidths: [16, 16, 16]))
        try workbook.add(
            XLSXWriter.Sheet(
                name: language.word(.climateTargetsSheet),
                rows: [language.lines(.climateTargetsHeader).map(CellValue.text)]
                    + report.targets.map { t in
                        [
                            .text(t.name), .text(t.subject), .text(t.indicatorName), .text(t.unit), .number(Double(t.year)),
                            t.limit.map(CellValue.number) ?? .empty, t.toDate.map(CellValue.number) ?? .empty,
                            t.forecast.map(CellValue.number) ?? .empty, t.ratio.map(CellValue.number) ?? .empty, .text(t.light),
                        ]
                    }, columnWidths: [30, 30, 20, 10, 8, 14, 14, 14, 10, 10]))
        try workbook.add(
            XLSXWriter.Sheet(
                name: language.word(.climateFootprintsSheet),
                rows: [language.lines(.climateFootprintsHeader).map(CellValue.text)]
                    + report.footprints.map {
                        [.number(Double($0.modelId)), .text($0.unitCode), .text($0.name), .text($0.declaredUnit), .number($0.footprintKg)]
                    }, columnWidths: [8, 16, 30, 20, 16]))
        try workbook.add(
            XLSXWriter.Sheet(
                name: language.word(.climateIndexSheet),
                rows: [language.lines(.climateIndexHeader).map(CellValue.text)]
                    + report.index.map {
                        [.text($0.what(language)), .text($0.gri), .text($0.ifrsS2), .text($0.section), .text($0.grade), .text($0.source)]
                    }, columnWidths: [36, 28, 24, 14, 8, 80]))
        return try workbook.data()
    }
}

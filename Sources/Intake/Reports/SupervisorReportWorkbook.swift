import Accounting
import Foundation
import Reports
import Spreadsheet

/// The supervisor's report as a workbook: the indicators with last year's, each child's, the
/// targets with their lights, the overdue measures and the data's completeness.
public enum SupervisorReportWorkbook {
    public static func data(_ report: SupervisorReport, language: Language) throws -> Data {
        func number(_ value: Double?) -> CellValue { value.map(CellValue.number) ?? .empty }
        func indicators(_ i: SupervisorReport.Indicators) -> [CellValue] {
            [.number(i.energyTce), .number(i.co2eT), number(i.energyIntensity), number(i.carbonIntensity)]
        }
        var workbook = XLSXWriter()
        let b = report.basis
        var overview: [[CellValue]] = [language.lines(.supervisorIndicatorsHeader).map(CellValue.text)]
        overview.append([.text("\(b.unitCode) \(b.unitName) · \(b.year)")] + indicators(report.indicators))
        if let previous = report.previousYear {
            overview.append([.text("\(b.unitCode) \(b.unitName) · \(b.year - 1)")] + indicators(previous))
        }
        overview += report.children.map { [.text("\($0.code) \($0.name)")] + indicators($0.indicators) }
        try workbook.add(
            XLSXWriter.Sheet(
                name: language.word(.supervisorIndicatorsSheet), rows: overview, columnWidths: [36, 16, 16, 16, 16]))
        try workbook.add(
            XLSXWriter.Sheet(
                name: language.word(.supervisorTargetsSheet),
                rows: [language.lines(.supervisorTargetsHeader).map(CellValue.text)]
                    + report.targets.map { t in
                        [
                            .text(t.name), .text(t.subject), .text(t.indicatorName), .text(t.unit), .number(Double(t.year)),
                            number(t.limit), number(t.toDate), number(t.forecast), number(t.ratio), .text(t.light),
                        ]
                    }, columnWidths: [24, 30, 18, 12, 8, 14, 14, 14, 10, 10]))
        try workbook.add(
            XLSXWriter.Sheet(
                name: language.word(.supervisorMeasuresSheet),
                rows: [language.lines(.supervisorMeasuresHeader).map(CellValue.text)]
                    + report.overdueMeasures.map { [.text($0.unitCode), .text($0.title), .text($0.owner), .text($0.deadline)] },
                columnWidths: [16, 40, 16, 14]))
        let c = report.completeness
        try workbook.add(
            XLSXWriter.Sheet(
                name: language.word(.supervisorCompletenessSheet),
                rows: [language.lines(.supervisorCompletenessHeader).map(CellValue.text)]
                    + PeriodStatus.allCases.map { [.text($0.rawValue), .number(Double(c.byStatus[$0.rawValue] ?? 0))] }
                    + [[.text("late"), .number(Double(c.late))], [.text("periods"), .number(Double(c.periods))]],
                columnWidths: [20, 12]))
        return try workbook.data()
    }
}

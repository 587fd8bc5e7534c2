import Accounting
import Spreadsheet

/// The Scope 3 sheet of a report's workbook: the categories, the totals, the exclusions with their
/// reasons and the categories not assessed, with the note that Scope 3 is in no other total.
public enum Scope3Sheet {
    public static func sheet(_ summary: Scope3Summary, language: Language) -> XLSXWriter.Sheet {
        let zh = language == .zh
        func name(_ number: Int) -> String { Scope3Category(rawValue: number)?.name(in: language) ?? String(number) }
        var rows: [[CellValue]] = [language.lines(.scope3SheetHeader).map(CellValue.text)]
        rows += summary.categories.map { category in
            [
                .number(Double(category.category)), .text(name(category.category)), .number(category.tonnes),
                .text(category.methods.map(\.rawValue).joined(separator: ",")), .number(category.weightedTier),
                .number(Double(category.rows)),
            ]
        }
        rows.append([.empty, .text(zh ? "上游(类别 1–8)" : "Upstream (1–8)"), .number(summary.upstreamTonnes)])
        rows.append([.empty, .text(zh ? "下游(类别 9–15)" : "Downstream (9–15)"), .number(summary.downstreamTonnes)])
        rows.append([.empty, .text(zh ? "范围三合计" : "Scope 3 total"), .number(summary.totalTonnes)])
        rows.append([])
        rows.append(language.lines(.scope3ExclusionHeader).map(CellValue.text))
        rows += summary.exclusions.map { [.number(Double($0.category)), .text(name($0.category)), .text($0.reason)] }
        rows.append([])
        rows.append([.text(language.word(.scope3NotAssessed)), .text(summary.notAssessed.map(String.init).joined(separator: ","))])
        rows.append([.text(language.word(.scope3Apart))])
        return XLSXWriter.Sheet(
            name: language.word(.scope3ReportSheet), rows: rows, header: true, columnWidths: [10, 40, 16, 36, 14, 8])
    }
}

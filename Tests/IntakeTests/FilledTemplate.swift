import Accounting
import Foundation
import Intake
import Spreadsheet

/// A blank template of a kind, as PeakZero writes it, with its data sheet filled by a test: every
/// other sheet (lists, instructions) kept as it was.
enum FilledTemplate {
    static func xlsx(_ kind: Templates.Kind, _ rows: [[CellValue]], language: Language = .zh) throws -> Data {
        let template = try XLSXWorkbook(data: try Templates.data(kind, format: .xlsx, language: language))
        let header = try template.rows(of: template.sheets[0])[0].cells
        var writer = XLSXWriter()
        for sheet in template.sheets {
            let existing = try template.rows(of: sheet).map(\.cells)
            let cells = sheet == template.sheets[0] ? [header] + rows : existing
            try writer.add(
                .init(name: sheet.name, rows: cells, header: sheet == template.sheets[0], hidden: sheet.hidden))
        }
        return try writer.data()
    }

    /// The CSV template (its header row, as PeakZero writes it) followed by `lines`.
    static func csv(_ kind: Templates.Kind, _ lines: [String], language: Language = .en) throws -> Data {
        try Templates.data(kind, format: .csv, language: language) + Data((lines.joined(separator: "\n") + "\n").utf8)
    }
}

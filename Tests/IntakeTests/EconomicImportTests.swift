import Accounting
import Foundation
import Intake
import Persistence
import PersistenceTestSupport
import Spreadsheet
import Testing

@Suite("Importing economic data")
struct EconomicImportTests {
    static let today = ActivityImportTests.today  // 2024-11-30

    /// unit, period, output value, value added, revenue, price index, base year (nil: empty cell).
    static func row(
        _ unit: String, _ period: CellValue, _ output: CellValue = .empty, _ added: CellValue = .empty,
        _ revenue: CellValue = .empty, _ index: CellValue = .empty, _ base: CellValue = .empty
    ) -> [CellValue] {
        [.text(unit), period, output, added, revenue, index, base]
    }

    static func importing(
        _ data: Data, name: String = "经济数据.xlsx", mode: ImportReport.Mode = .append, dryRun: Bool = false,
        language: Language = .zh, into db: PeakZeroDatabase
    ) async throws -> ImportReport {
        // No kind given: the sheet's name tells it.
        try await FileImport(db).run(
            try IntakeFile(data: data, name: name), mode: mode, dryRun: dryRun, language: language, createdBy: "tester",
            today: today, scope: .everything)
    }

    static func stored(_ db: PeakZeroDatabase) async throws -> [String] {
        try await EconomicStore(db).list(under: try await UnitStore(db).unit(code: "S").id).map {
            "\($0.unitId) \($0.year)-\($0.month ?? 0) \($0.outputValue ?? -1) \($0.valueAdded ?? -1) "
                + "\($0.revenue ?? -1) \($0.priceIndex) \($0.baseYear)"
        }
    }

    @Test(
        "template → filled → dry run → import → export → imported again: the same numbers",
        arguments: TestDatabases.locations)
    func roundTrip(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            let units = try await UnitStore(db).create(ActivityImportTests.units)
            let data = try FilledTemplate.xlsx(
                .economic,
                [
                    Self.row(
                        "F1", .text("2024-01"), .number(1200.5), .number(300), .number(1500), .number(102.5),
                        .number(2020)),
                    // Excel turns 2024-02 typed into a cell into a date.
                    Self.row("F1", .date(Date(timeIntervalSince1970: 1_706_745_600)), .number(1100)),
                    Self.row("F2", .text("2024"), .empty, .text("4,800.25")),
                ])
            let dry = try await Self.importing(data, dryRun: true, into: db)
            #expect(dry.errors.isEmpty && dry.rowsRead == 3 && dry.rowsValid == 3 && dry.rowsWritten == 0)
            #expect(try await Self.stored(db).isEmpty)

            let report = try await Self.importing(data, into: db)
            #expect(report.errors.isEmpty && report.rowsWritten == 3)
            let f1 = units[2].id
            let f2 = units[3].id
            let expected = [
                "\(f1) 2024-1 1200.5 300.0 1500.0 102.5 2020", "\(f1) 2024-2 1100.0 -1.0 -1.0 100.0 2024",
                "\(f2) 2024-0 -1.0 4800.25 -1.0 100.0 2024",
            ]
            #expect(try await Self.stored(db) == expected)
            let batch = try await ActivityStore(db).batches().first!
            #expect(batch.templateVersion == "economic-v1" && batch.rowCount == 3 && batch.createdBy == "tester")
            #expect(try await Self.importing(data, into: db).alreadyImported)

            // The export is the template's layout: imported again (replace), it changes nothing.
            let exported = try Exports.data(
                try await Exports.subtree(.economic, in: db, under: units[0].id, year: 2024, language: .zh),
                format: .xlsx)
            let again = try await Self.importing(exported, name: "export.xlsx", mode: .replace, into: db)
            #expect(again.errors.isEmpty && again.rowsWritten == 3 && again.rowsSuperseded == 3)
            #expect(try await Self.stored(db) == expected)
        }
    }

    @Test("each error names its sheet, row and column, in Chinese and English; nothing is written")
    func errors() async throws {
        try await TestDatabases.withDatabase("sqlite") { db async throws in
            try await UnitStore(db).create(ActivityImportTests.units)
            try await EconomicStore(db).insert([NewEconomicRecord(unitCode: "F2", period: "2024-01", outputValue: 9)])
            let data = try FilledTemplate.xlsx(
                .economic,
                [
                    Self.row("NOPE", .text("2024-01"), .number(1)),  // row 2: unknown unit
                    Self.row("F1", .text("2024-13"), .number(1)),  // row 3: bad period
                    Self.row("F1", .text("2024-03"), .text("abc")),  // row 4: not a number
                    Self.row("F1", .text("2024-04"), .number(-5)),  // row 5: negative
                    Self.row("F1", .text("2024-05")),  // row 6: no amount at all
                    Self.row("F1", .text("2024-06"), .number(1), .empty, .empty, .number(0)),  // row 7: index 0
                    Self.row("F1", .text("2024-07"), .number(1), .empty, .empty, .empty, .text("20x0")),  // row 8
                    Self.row("F1", .text("2025-01"), .number(1)),  // row 9: future
                    Self.row("F1", .text("2024-08"), .number(1)),  // row 10: fine
                    Self.row("F1", .text("2024-08"), .number(2)),  // row 11: repeats row 10
                    Self.row("F2", .text("2024-01"), .number(3)),  // row 12: already stored
                ])
            for language in [Language.zh, .en] {
                let report = try await Self.importing(data, dryRun: true, language: language, into: db)
                let places = report.errors.map { "\($0.sheet ?? "-") \($0.row ?? 0) \($0.columnLetter ?? "-")" }
                #expect(
                    places == [
                        "经济数据 2 A", "经济数据 3 B", "经济数据 4 C", "经济数据 5 C", "经济数据 6 C", "经济数据 7 F", "经济数据 8 G",
                        "经济数据 9 B", "经济数据 11 A", "经济数据 12 B",
                    ])
                let messages = report.errors.map { $0.message(in: language) }
                if language == .zh {
                    #expect(messages[0].hasPrefix("经济数据.xlsx：工作表“经济数据”：第 2 行，A 列“单位代码”："))
                    #expect(messages[2].contains("工业总产值（万元）"))
                    #expect(messages[8].contains("与第 10 行重复（同一单位和期间）"))
                    #expect(messages[9].contains("已有经济数据"))
                } else {
                    #expect(messages[0].hasPrefix("经济数据.xlsx: sheet \"经济数据\": row 2, column A \"单位代码\": "))
                    #expect(messages[7].contains("has not begun"))
                    #expect(messages[9].contains("replace mode"))
                }
            }
            let real = try await Self.importing(data, into: db)
            #expect(!real.succeeded && real.rowsWritten == 0)
            #expect(try await Self.stored(db).count == 1)
        }
    }

    @Test("a CSV with English headers is told apart by its header; its last bad row keeps it all out")
    func csvAtomic() async throws {
        try await TestDatabases.withDatabase("sqlite") { db async throws in
            try await UnitStore(db).create(ActivityImportTests.units)
            var lines = (1...11).map { "F1,2024-\(String(format: "%02d", $0)),\($0 * 100),,,," }
            lines.append("F1,2024-12,lots,,,,")
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("economic.csv").path
            try FilledTemplate.csv(.economic, lines).write(to: URL(fileURLWithPath: path))
            let refused = try await FileImport(db).run(path: path, dryRun: false, language: .en, today: Self.today, scope: .everything)
            #expect(refused.errors.map { "\($0.row ?? 0) \($0.column ?? "")" } == ["13 output_value"])
            #expect(try await Self.stored(db).isEmpty)

            lines.removeLast()
            try FilledTemplate.csv(.economic, lines).write(to: URL(fileURLWithPath: path))
            let written = try await FileImport(db).run(path: path, dryRun: false, language: .en, today: Self.today, scope: .everything)
            #expect(written.errors.isEmpty && written.rowsWritten == 11)
        }
    }
}

import Accounting
import Foundation
import Intake
import Persistence
import PersistenceTestSupport
import Spreadsheet
import Testing

@Suite("Importing units")
struct UnitImportTests {
    /// code, name, level, parent, industry, region, share, reporting class.
    static func row(
        _ code: String, _ name: String, _ level: String, _ parent: String = "", _ industry: String = "",
        _ region: String = "510104", _ share: CellValue = .empty, _ reporting: String = ""
    ) -> [CellValue] {
        [
            .text(code), .text(name), .text(level), .text(parent), .text(industry), .text(region), share,
            .text(reporting),
        ]
    }

    static func importing(
        _ data: Data, name: String = "单位.xlsx", mode: ImportReport.Mode = .append, dryRun: Bool = false,
        language: Language = .zh, into db: PeakZeroDatabase
    ) async throws -> ImportReport {
        try await FileImport(db).run(
            try IntakeFile(data: data, name: name), mode: mode, dryRun: dryRun, language: language, createdBy: "tester", today: Date(), scope: .everything)
    }

    /// The tree as `code<parent share level class region`, depth first.
    static func tree(_ db: PeakZeroDatabase) async throws -> [String] {
        let units = try await UnitStore(db).list(scope: .everything)
        let codes = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0.code) })
        return units.map {
            "\($0.code)<\($0.parentID.flatMap { codes[$0] } ?? "") \($0.ownershipShare) \($0.level.rawValue) "
                + "\($0.reportingClass.rawValue) \($0.regionCode) \($0.name)"
        }
    }

    @Test(
        "template → filled (children first, Chinese words) → import → export → the same tree",
        arguments: TestDatabases.locations)
    func roundTrip(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            let data = try FilledTemplate.xlsx(
                .units,
                [
                    Self.row("F1", "一号厂", "设施", "E1", "C2511", "510104", .text("100%"), "月报"),
                    Self.row("E1", "炼化公司", "企业", "G", "C25", "510100", .text("51%"), "季报"),
                    Self.row("G", "能源集团", "group", "", "", "510000", .empty, "yearly"),
                    Self.row("E2", "电力公司", "enterprise", "G", "D4411", "510700", .number(0.4)),
                ])
            let dry = try await Self.importing(data, dryRun: true, into: db)
            #expect(dry.errors.isEmpty && dry.rowsValid == 4 && dry.rowsWritten == 0)
            #expect(try await Self.tree(db).isEmpty)

            let report = try await Self.importing(data, into: db)
            #expect(report.errors.isEmpty && report.rowsWritten == 4)
            let expected = [
                "G< 1.0 group yearly 510000 能源集团", "E1<G 0.51 enterprise quarterly 510100 炼化公司",
                "F1<E1 1.0 facility monthly 510104 一号厂", "E2<G 0.4 enterprise monthly 510700 电力公司",
            ]
            #expect(try await Self.tree(db) == expected)
            let batch = try await ActivityStore(db).batches().first!
            #expect(batch.templateVersion == "units-v1" && batch.rowCount == 4 && batch.fileName == "单位.xlsx")
            #expect(try await Self.importing(data, into: db).alreadyImported)

            // The export, imported in replace mode, updates every unit to what it already is.
            let group = try await UnitStore(db).unit(code: "G")
            for language in [Language.zh, .en] {
                let exported = try Exports.data(
                    try await Exports.subtree(.units, in: db, under: group.id, year: nil, language: language),
                    format: .xlsx)
                let again = try await Self.importing(
                    exported, name: "export-\(language).xlsx", mode: .replace, into: db)
                #expect(again.errors.isEmpty && again.rowsWritten == 4 && again.rowsSuperseded == 4)
                #expect(try await Self.tree(db) == expected)
            }
        }
    }

    @Test("each error names its row and column, in Chinese and English; nothing is written")
    func errors() async throws {
        try await TestDatabases.withDatabase("sqlite") { db async throws in
            try await UnitStore(db).create([NewUnit(code: "S", name: "监管", level: "supervisor", regionCode: "510000")])
            let data = try FilledTemplate.xlsx(
                .units,
                [
                    Self.row("A", "", "企业", "S"),  // row 2: no name
                    Self.row("B", "乙", "工厂", "S"),  // row 3: no such level
                    Self.row("C", "丙", "企业", "S", "", "5101"),  // row 4: region not six digits
                    Self.row("D", "丁", "企业", "S", "", "510104", .text("150%")),  // row 5: share above 1
                    Self.row("E", "戊", "企业", "S", "", "510104", .text("half")),  // row 6: share not a number
                    Self.row("F", "己", "企业", "S"),  // row 7: fine
                    Self.row("F", "己二", "企业", "S"),  // row 8: repeats row 7
                    Self.row("G", "庚", "设施", "NOPE"),  // row 9: unknown parent
                    Self.row("H", "辛", "设施", "I"),  // row 10: H and I are each other's parents
                    Self.row("I", "壬", "设施", "H"),  // row 11
                    Self.row("S", "监管", "supervisor", "", "", "510000"),  // row 12: stored already (append)
                    Self.row("J", "癸", "企业", "S", "", "510104", .empty, "weekly"),  // row 13: reporting class
                ])
            for language in [Language.zh, .en] {
                let report = try await Self.importing(data, dryRun: true, language: language, into: db)
                let places = report.errors.map { "\($0.row ?? 0) \($0.columnLetter ?? "-")" }
                #expect(places == ["2 B", "3 C", "4 F", "5 G", "6 G", "8 A", "9 D", "10 D", "11 D", "12 A", "13 H"])
                let messages = report.errors.map { $0.message(in: language) }
                if language == .zh {
                    #expect(messages[0].hasPrefix("单位.xlsx：工作表“单位”：第 2 行，B 列“单位名称”："))
                    #expect(messages[5].contains("与第 7 行重复"))
                    #expect(messages[6].contains("没有代码为“NOPE”的单位"))
                    #expect(messages[7].contains("自己的下级单位"))
                } else {
                    #expect(messages[1].contains("\"工厂\" is not valid"))
                    #expect(messages[9].contains("already taken"))
                }
            }
            let real = try await Self.importing(data, into: db)
            #expect(!real.succeeded && real.rowsWritten == 0)
            #expect(try await Self.tree(db).count == 1)
        }
    }

    @Test("replace mode updates stored units, moving one under a unit the file creates")
    func replace() async throws {
        try await TestDatabases.withDatabase("sqlite") { db async throws in
            try await UnitStore(db).create(ActivityImportTests.units)
            let data = try FilledTemplate.xlsx(
                .units,
                [
                    Self.row("F2", "二号厂（改名）", "facility", "E2", "", "510703"),
                    Self.row("E2", "新企业", "enterprise", "S", "", "510700", .number(0.6)),
                ])
            let appended = try await Self.importing(data, into: db)
            #expect(appended.errors.map(\.row) == [2])  // F2 is stored: append refuses it
            let replaced = try await Self.importing(data, mode: .replace, into: db)
            #expect(replaced.errors.isEmpty && replaced.rowsWritten == 2 && replaced.rowsSuperseded == 1)
            let f2 = try await UnitStore(db).unit(code: "F2")
            let e2 = try await UnitStore(db).unit(code: "E2")
            #expect(f2.name == "二号厂（改名）" && f2.parentID == e2.id && e2.ownershipShare == 0.6)
        }
    }
}

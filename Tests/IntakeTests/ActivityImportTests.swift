import Accounting
import Foundation
import Intake
import Persistence
import PersistenceTestSupport
import Spreadsheet
import Testing

@Suite("Importing activity data")
struct ActivityImportTests {
    static let units = [
        NewUnit(code: "S", name: "Supervisor", level: "supervisor", regionCode: "510000"),
        NewUnit(code: "E1", name: "Enterprise 1", level: "enterprise", parentCode: "S", regionCode: "510104"),
        NewUnit(code: "F1", name: "Facility 1", level: "facility", parentCode: "E1", regionCode: "510104"),
        NewUnit(code: "F2", name: "Facility 2", level: "facility", parentCode: "E1", regionCode: "510703"),
    ]
    /// A day in 2024, so that 2024's months are open and 2025's are in the future.
    static let today = Date(timeIntervalSince1970: 1_733_000_000)  // 2024-11-30

    /// The Chinese template's data sheet filled with `rows` (unit, period, item, quantity, uom).
    static func workbook(_ rows: [[CellValue]], language: Language = .zh) throws -> Data {
        try FilledTemplate.xlsx(.activity, rows, language: language)
    }

    static func row(_ unit: String, _ period: String, _ item: String, _ quantity: Double, _ uom: String) -> [CellValue]
    {
        [.text(unit), .text(period), .text(item), .number(quantity), .text(uom)]
    }

    static func importing(
        _ data: Data, name: String = "能源台账.xlsx", mode: ImportReport.Mode = .append, dryRun: Bool = false,
        language: Language = .zh, into db: PeakZeroDatabase
    ) async throws -> ImportReport {
        try await ActivityImport(db).run(
            try IntakeFile(data: data, name: name), mode: mode, dryRun: dryRun, language: language, createdBy: "tester",
            today: today, scope: .everything)
    }

    static func stored(_ db: PeakZeroDatabase) async throws -> [StoredActivityRecord] {
        try await ActivityStore(db).list(under: try await UnitStore(db).unit(code: "S").id)
    }

    @Test("template → filled → dry run → import → the same numbers stored", arguments: TestDatabases.locations)
    func roundTrip(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            try await UnitStore(db).create(Self.units)
            let data = try Self.workbook([
                Self.row("F1", "2024-01", "烟煤", 120.5, "t"), Self.row("F1", "2024-02", "天然气", 3.25, "万Nm3"),
                [
                    .text("F2"), .date(Date(timeIntervalSince1970: 1_706_745_600)), .text("电力"), .number(2450),
                    .text("MWh"),
                ],
            ])
            let dry = try await Self.importing(data, dryRun: true, into: db)
            #expect(dry.errors.isEmpty && dry.rowsValid == 3 && dry.rowsWritten == 0)
            #expect(try await Self.stored(db).isEmpty)
            let report = try await Self.importing(data, into: db)
            #expect(report.errors.isEmpty && report.rowsWritten == 3)
            let stored = try await Self.stored(db)
            #expect(
                Set(stored.map { "\($0.period) \($0.item) \($0.quantity) \($0.uom)" }) == [
                    "2024-01 bituminous_coal 120.5 t", "2024-02 natural_gas 3.25 10^4Nm3",
                    "2024-02 electricity 2450.0 MWh",
                ])
            let batch = try await ActivityStore(db).batches().first!
            #expect(batch.kind == "import" && batch.fileName == "能源台账.xlsx" && batch.rowCount == 3)
            #expect(batch.templateVersion == "activity-v1" && batch.createdBy == "tester")
            #expect(batch.contentHash?.count == 64)

            // The same file again writes nothing.
            let again = try await Self.importing(data, into: db)
            #expect(again.alreadyImported && again.rowsWritten == 0 && again.batchID == batch.id)
            #expect(try await Self.stored(db).count == 3)
        }
    }

    @Test("each error names sheet, row and column, in Chinese and in English")
    func errorMessages() async throws {
        try await TestDatabases.withDatabase("sqlite") { db async throws in
            try await UnitStore(db).create(Self.units)
            try await ActivityStore(db).insert([
                NewActivityRecord(unitCode: "F1", period: "2024-03", item: "柴油", quantity: 2, uom: "t")
            ])
            let data = try Self.workbook([
                Self.row("NOPE", "2024-01", "烟煤", 1, "t"),  // row 2: unknown unit
                Self.row("F1", "2024-13", "烟煤", 1, "t"),  // row 3: bad period
                Self.row("F1", "2024-01", "煙煤x", 1, "t"),  // row 4: unknown item
                Self.row("F1", "2024-01", "烟煤", -5, "t"),  // row 5: negative
                Self.row("F1", "2024-01", "电力", 1, "t"),  // row 6: unit not for item
                Self.row("F1", "2025-06", "烟煤", 1, "t"),  // row 7: future period
                Self.row("F1", "2024-02", "烟煤", 1, "t"),  // row 8: fine
                Self.row("F1", "2024-02", "烟煤", 2, "t"),  // row 9: repeats row 8
                Self.row("F1", "2024-03", "柴油", 1, "t"),  // row 10: already stored
            ])
            for language in [Language.zh, .en] {
                let report = try await Self.importing(data, dryRun: true, language: language, into: db)
                let places = report.errors.map { "\($0.sheet ?? "-") \($0.row ?? 0) \($0.columnLetter ?? "-")" }
                #expect(
                    places == [
                        "活动数据 2 A", "活动数据 3 B", "活动数据 4 C", "活动数据 5 D", "活动数据 6 E", "活动数据 7 B", "活动数据 9 A",
                        "活动数据 10 B",
                    ])
                let messages = report.errors.map { $0.message(in: language) }
                if language == .zh {
                    #expect(messages[0].hasPrefix("能源台账.xlsx：工作表“活动数据”：第 2 行，A 列“单位代码”："))
                    #expect(messages[6].contains("与第 8 行重复"))
                    #expect(messages[7].contains("已有数据（记录 1）"))
                } else {
                    #expect(messages[0].hasPrefix("能源台账.xlsx: sheet \"活动数据\": row 2, column A \"单位代码\": "))
                    #expect(messages[5].contains("has not begun"))
                    #expect(messages[7].contains("replace mode"))
                }
            }
            // A refused file writes nothing, dry run or not.
            let real = try await Self.importing(data, into: db)
            #expect(!real.succeeded && real.rowsWritten == 0)
            #expect(try await Self.stored(db).count == 1)
        }
    }

    @Test("a file whose last row is bad leaves the database as it was", arguments: TestDatabases.locations)
    func atomic(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            try await UnitStore(db).create(Self.units)
            var rows = (1...11).map { Self.row("F1", String(format: "2024-%02d", $0), "烟煤", Double($0), "t") }
            rows.append(Self.row("F1", "2024-12", "烟煤", -1, "t"))
            let report = try await Self.importing(try Self.workbook(rows), into: db)
            #expect(report.errors.map(\.row) == [13])
            #expect(try await Self.stored(db).isEmpty)
            #expect(try await ActivityStore(db).batches().isEmpty)
        }
    }

    @Test(
        "replace supersedes a unit's period; a month ten times its median is a warning",
        arguments: TestDatabases.locations)
    func replaceAndWarn(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            try await UnitStore(db).create(Self.units)
            let months = (1...6).map { Self.row("F1", String(format: "2024-%02d", $0), "烟煤", 100, "t") }
            _ = try await Self.importing(try Self.workbook(months), name: "h1.xlsx", into: db)
            let csv = "单位代码,期间,品种,数量,计量单位\nF1,2024-06,烟煤,95,t\nF1,2024-07,烟煤,1500,t\n"
            let appended = try await Self.importing(Data(csv.utf8), name: "june.csv", into: db)
            #expect(appended.errors.map(\.row) == [2])  // June is stored: append refuses it
            // A dry run says what the import would replace, as the economic and unit imports do.
            let trial = try await Self.importing(
                Data(csv.utf8), name: "june.csv", mode: .replace, dryRun: true, into: db)
            #expect(trial.errors.isEmpty && trial.rowsWritten == 0 && trial.rowsSuperseded == 1)
            let replaced = try await Self.importing(Data(csv.utf8), name: "june.csv", mode: .replace, into: db)
            #expect(replaced.errors.isEmpty && replaced.rowsWritten == 2 && replaced.rowsSuperseded == 1)
            #expect(replaced.warnings.map(\.row) == [3])
            #expect(replaced.warnings.first?.message(in: .en).contains("10 times") == true)
            let june = try await Self.stored(db).filter { $0.period == "2024-06" }
            #expect(june.map(\.quantity) == [95])
        }
    }

    @Test("a file that is neither UTF-8 CSV nor a workbook is refused, naming the file")
    func unreadable() throws {
        #expect(throws: InputIssues([InputIssue(file: "gbk.csv", problem: .notUTF8)])) {
            try IntakeFile(data: Data([0xB5, 0xA5, 0xCE, 0xBB, 0x0A]), name: "gbk.csv")
        }
        #expect {
            try IntakeFile(data: Data([0x50, 0x4B, 0x03, 0x04, 0x00]), name: "broken.xlsx")
        } throws: { error in
            guard let issue = (error as? InputIssues)?.issues.first, case .unreadableWorkbook = issue.problem else {
                return false
            }
            return issue.file == "broken.xlsx"
        }
    }

    @Test("SHA-256 of known inputs (FIPS 180-4 examples)")
    func sha256() throws {
        let empty = try IntakeFile(data: Data(), name: "empty.csv")
        #expect(empty.contentHash == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let abc = try IntakeFile(data: Data("abc".utf8), name: "abc.csv")
        #expect(abc.contentHash == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = try IntakeFile(
            data: Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8), name: "long.csv")
        #expect(long.contentHash == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test(
        "import → export gives the same numbers in the template's layout, which imports again",
        arguments: TestDatabases.locations)
    func exportRoundTrip(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            try await UnitStore(db).create(Self.units)
            let rows = [
                Self.row("F1", "2024-01", "烟煤", 120.5, "t"), Self.row("F1", "2024-02", "天然气", 3.25, "万Nm3"),
                Self.row("F2", "2024-02", "电力", 2450, "MWh"),
            ]
            _ = try await Self.importing(try Self.workbook(rows), into: db)
            let s = try await UnitStore(db).unit(code: "S")
            let codes = Dictionary(uniqueKeysWithValues: try await UnitStore(db).list(scope: .everything).map { ($0.id, $0.code) })
            let tables = Exports.activity(try await Self.stored(db), unitCodes: codes, language: .zh)
            for format in Templates.Format.allCases {
                let data = try Exports.data(tables, format: format)
                let file = try IntakeFile(data: data, name: "export.\(format.rawValue)")
                let exported = file.rows.dropFirst().map { Array($0.values.prefix(5)) }
                #expect(
                    Set(exported) == [
                        ["F1", "2024-01", "烟煤", "120.5", "t"], ["F1", "2024-02", "天然气", "3.25", "10^4Nm3"],
                        ["F2", "2024-02", "电力", "2450", "MWh"],
                    ], "\(format)")
                let again = try await ActivityImport(db).run(
                    file, mode: .replace, dryRun: true, language: .en, today: Self.today, scope: .everything)
                #expect(again.errors.isEmpty && again.rowsValid == 3, "\(again.text(in: .en))")
            }
            // The indicators' export carries the roll-up's own totals.
            let inventory = try await InventoryStore(db).compute(
                unitID: s.id, year: 2024, options: CalculationOptions())
            let rollup = try await RollupStore(db).rollup(.unit(id: s.id, approach: .control), year: 2024)
            let totals = Exports.indicators(rollup, childNames: [:], method: .location, language: .en)[0]
            #expect(totals.rows[0][3] == .number(rollup.totals.emissions(.location).value(in: .tonneCO2e)))
            #expect(totals.rows[0][3] == .number(inventory.co2eT))
        }
    }

    @Test(
        "months in different units of measure are compared in one: 150 000 kg is 150 t",
        arguments: TestDatabases.locations)
    func warnAcrossUnits(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            try await UnitStore(db).create(Self.units)
            let months = (1...5).map { Self.row("F1", String(format: "2024-%02d", $0), "烟煤", 100, "t") }
            _ = try await Self.importing(try Self.workbook(months), name: "t.xlsx", into: db)
            let csv = "单位代码,期间,品种,数量,计量单位\nF1,2024-06,烟煤,150000,kg\nF1,2024-07,烟煤,1500000,kg\n"
            let report = try await Self.importing(Data(csv.utf8), name: "kg.csv", into: db)
            #expect(report.succeeded)
            // Stored 5 × 100 t and the file's 150 t and 1 500 t: the median is 100 t, shown as 100 000 kg.
            #expect(report.warnings.map(\.row) == [3])
            #expect(report.warnings.first?.problem == .implausible(value: 1_500_000, median: 100_000))
        }
    }

    @Test("a broken workbook is explained in the reader's language")
    func brokenWorkbookLanguage() {
        do {
            _ = try IntakeFile(data: Data([0x50, 0x4B, 0x03, 0x04, 0x00]), name: "broken.xlsx")
            Issue.record("a broken workbook was read")
        } catch {
            #expect(error.issues.first?.message(in: .zh).hasPrefix("broken.xlsx：无法读取 Excel 工作簿：不是 Excel 工作簿") == true)
            #expect(
                error.issues.first?.message(in: .en).hasPrefix(
                    "broken.xlsx: cannot read the Excel workbook: not an Excel") == true)
        }
    }
}

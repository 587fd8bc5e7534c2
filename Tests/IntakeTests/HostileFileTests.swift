import Accounting
import Foundation
import Intake
import Persistence
import PersistenceTestSupport
import Spreadsheet
import Testing

/// Files built to hurt: a workbook that unpacks a thousand times its size is refused as too large,
/// before it is unpacked; a cell of a megabyte repeated on every row is quoted shortened, so the
/// error report stays small (it once grew to 105 MB).
@Suite("Hostile files")
struct HostileFileTests {
    @Test("a workbook packed a thousand to one is refused, naming why, in both languages")
    func bomb() async throws {
        try await TestDatabases.withDatabase("sqlite") { db async throws in
            try await UnitStore(db).create(ActivityImportTests.units)
            let bomb = try ActivityImportTests.workbook(
                [ActivityImportTests.row("F1", "2024-01", String(repeating: "煤", count: 2 << 20), 1, "t")])
            #expect(bomb.count < 64 << 10)
            do {
                _ = try await ActivityImportTests.importing(bomb, into: db)
                Issue.record("a bomb was read")
            } catch let refusal as InputIssues {
                #expect(refusal.issues.count == 1)
                let zh = refusal.issues.first?.message(in: .zh) ?? ""
                #expect(zh.hasPrefix("能源台账.xlsx") && zh.contains("工作簿过大：xl/sharedStrings.xml packed") && zh.hasSuffix("上限为 200:1"), "\(zh)")
                #expect(refusal.issues.first?.message(in: .en).contains("too large") == true)
            }
            #expect(try await ActivityImportTests.stored(db).isEmpty)
        }
    }

    @Test("a megabyte cell on every row is quoted by its beginning and length; the report stays small")
    func longCells() async throws {
        try await TestDatabases.withDatabase("sqlite") { db async throws in
            try await UnitStore(db).create(ActivityImportTests.units)
            let huge = String(repeating: "x", count: 1 << 20)
            let csv = "单位代码,期间,品种,数量,计量单位\n" + String(repeating: "F1,2024-01,\(huge),1,t\n", count: 20)
            let report = try await ActivityImportTests.importing(Data(csv.utf8), name: "big.csv", into: db)
            #expect(report.errors.count == 20)
            let sizes = report.errors.map { $0.message(in: .zh).count }
            #expect(sizes.allSatisfy { $0 < 400 }, "\(sizes)")
            #expect(report.errors.first?.message(in: .zh).contains("（共 1048576 个字符）") == true)
        }
    }
}

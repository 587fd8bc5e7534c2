import Accounting
import FastStructures
import Foundation
import Persistence
import PersistenceTestSupport
import Spreadsheet
import Testing

@testable import Intake

/// The streamed import reads rows as bytes and judges most of them by the texts they share with
/// an earlier row; these tests hold it to the template's own reading, row by row.
@Suite("Reading rows as bytes, as the template reads them")
struct FastReadingTests {
    /// A small deterministic generator, so a failure names a reproducible case.
    struct Dice {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        mutating func pick<T>(_ values: [T]) -> T { values[next(values.count)] }
    }

    @Test("a plain decimal reads as the template reads it; anything else is left to the template")
    func plainDecimals() {
        var dice = Dice(state: 7)
        for _ in 0..<20_000 {
            let digits = (0..<(1 + dice.next(25))).map { _ in String(dice.next(10)) }.joined()
            let cut = dice.next(digits.count + 1)
            let text =
                cut == 0 || cut == digits.count
                ? digits : String(digits.prefix(cut)) + "." + String(digits.dropFirst(cut))
            let read = Array(text.utf8).withUnsafeBufferPointer { ImportRowReader.plainDecimal($0) }
            #expect(read == TableRow.number(text), "\(text)")
        }
        for text in [
            "", ".", "5.", ".5", "-1", "+1", "1e3", "1,234", " 1", "1 ", "0x10", "１", "1..2", "inf", "nan",
        ] {
            #expect(Array(text.utf8).withUnsafeBufferPointer { ImportRowReader.plainDecimal($0) } == nil, "\(text)")
        }
        #expect(Array("0.1".utf8).withUnsafeBufferPointer { ImportRowReader.plainDecimal($0) } == 0.1)
        // What Swift writes for 0.8 × 15 000 × 1.05: 17 significant digits.
        #expect(
            Array("12600.000000000002".utf8).withUnsafeBufferPointer { ImportRowReader.plainDecimal($0) }
                == 12_600.000000000002)
        #expect(
            Array("123456789012345".utf8).withUnsafeBufferPointer { ImportRowReader.plainDecimal($0) }
                == 123_456_789_012_345)
    }

    @Test("records walked as bytes split as CSVTable splits them, quotes and all")
    func recordsAsBytes() {
        var dice = Dice(state: 11)
        let alphabet = ["a", "b", ",", "\"", "\n", "\r", "\r\n", "é", "煤", " "]
        for _ in 0..<3_000 {
            let text = (0..<dice.next(40)).map { _ in dice.pick(alphabet) }.joined()
            var walked: [[String]] = []
            var copy = text
            let result = copy.withUTF8 { bytes in
                Result { () throws(CSVTable.ParseError) in
                    try CSVRecords.forEach(in: bytes, from: 0) { record, index in
                        #expect(index == walked.count)
                        switch record {
                        case .plain(let plain): walked.append(plain.texts)
                        case .quoted(let values): walked.append(values)
                        }
                    }
                }
            }
            switch (result, Result { () throws(CSVTable.ParseError) in try CSVTable(parsing: text) }) {
            case (.success(let count), .success(let table)):
                #expect(walked == table.records && count == table.records.count, "\(text.debugDescription)")
            case (.failure(let a), .failure(let b)): #expect(a == b, "\(text.debugDescription)")
            default: Issue.record("one reader failed, the other did not: \(text.debugDescription)")
            }
        }
    }

    @Test("interned byte strings keep their numbers and texts as the table grows")
    func interner() {
        var interner = ByteInterner()
        let texts = (0..<5_000).map { "F\($0)-煤" } + [""]
        for (i, text) in texts.enumerated() {
            let (id, isNew) = Array(text.utf8).withUnsafeBufferPointer { interner.id(of: $0) }
            #expect(id == Int32(i) && isNew)
        }
        for (i, text) in texts.enumerated().reversed() {
            let (id, isNew) = Array(text.utf8).withUnsafeBufferPointer { interner.id(of: $0) }
            #expect(id == Int32(i) && !isNew && interner.text(id) == text)
        }
        #expect(interner.count == texts.count)
    }

    /// A file of rows drawn from good and bad texts of every field, some quoted.
    static func mixedFile(seed: UInt64, rows: Int) -> String {
        var dice = Dice(state: seed)
        let units = ["F1", "F1", "F2", "F2", " F1", "NOPE", ""]
        let periods = ["2024-01", "2024-02", "2024-03", "2024-07", "2024", "2025-06", "2024-13", "bad", "2024/05"]
        let items = ["柴油", "烟煤", "电力", "天然气", "diesel", "nonsense"]
        let quantities = [
            "1", "12.5", "1,234.5", "-3", "abc", "", "1e3", " 7 ", "0.000001", "99999999999999999", "500000",
            "0", "3.25",
        ]
        let uoms = ["t", "kg", "MWh", "万kWh", "10^4Nm3", "x", "t"]
        let regions = ["", "", "", "510104", "999999", " "]
        let categories = ["", "", "", "stationary", "mobile", "weird"]
        let ncvs = ["", "", "", "", "42.652", "-1", "x"]
        var lines = ["单位代码,行政区划代码,期间,品种,数量,计量单位,类别,低位发热量"]
        let good: [(item: String, uom: String, ncv: String)] = [
            ("柴油", "t", ""), ("柴油", "kg", "43.1"), ("烟煤", "t", ""), ("电力", "MWh", ""), ("电力", "万kWh", ""),
            ("天然气", "10^4Nm3", ""),
        ]
        for _ in 0..<rows {
            // Mostly good rows (whose texts recur, as in a real file), some with one or more bad fields.
            let kind = dice.pick(good)
            var fields = [
                dice.pick(["F1", "F2"]), "", "2024-0\(1 + dice.next(9))", kind.item,
                dice.pick(["1", "12.5", "3.25", "100", "7", "600", "12600.000000000002"]), kind.uom, "", kind.ncv,
            ]
            let noisy = [
                dice.pick(units), dice.pick(regions), dice.pick(periods), dice.pick(items), dice.pick(quantities),
                dice.pick(uoms), dice.pick(categories), dice.pick(ncvs),
            ]
            for k in fields.indices where dice.next(8) == 0 { fields[k] = noisy[k] }
            for k in fields.indices where dice.next(12) == 0 || fields[k].contains(",") {
                fields[k] = "\"" + fields[k] + "\""
            }
            if dice.next(40) == 0 { fields.append("extra") }
            if dice.next(40) == 0 { fields.removeLast(2) }
            lines.append(dice.next(50) == 0 ? "" : fields.joined(separator: ","))
        }
        return lines.joined(separator: dice.next(2) == 0 ? "\n" : "\r\n") + "\n"
    }

    /// What one list has that the other has not (the first few), marked by the list it is in.
    static func difference(_ a: [String], _ b: [String]) -> [String] {
        Array(
            (a.filter { !b.contains($0) }.map { "streamed: " + $0 }
                + b.filter { !a.contains($0) }.map { "whole: " + $0 }).prefix(6))
    }

    /// A report's problems as a sorted list of texts, so that two readings can be compared whole.
    static func listed(_ issues: [InputIssue]) -> [String] {
        issues.map { "\($0.row ?? 0) \($0.column ?? "") \($0.columnLetter ?? "") \($0.message(in: .zh))" }.sorted()
    }

    @Test(
        "streamed, the same report as the file read whole: every error, warning and count",
        arguments: [(1 as UInt64, ImportReport.Mode.append), (2, .replace), (3, .append)])
    func sameReport(seed: UInt64, mode: ImportReport.Mode) async throws {
        try await TestDatabases.withDatabase("sqlite") { db async throws in
            try await UnitStore(db).create(ActivityImportTests.units)
            try await ActivityStore(db).insert([
                NewActivityRecord(unitCode: "F1", period: "2024-03", item: "柴油", quantity: 2, uom: "t"),
                NewActivityRecord(unitCode: "F2", period: "2024-01", item: "电力", quantity: 20, uom: "MWh"),
            ])
            let csv = Self.mixedFile(seed: seed, rows: 600)
            let url = try StreamingImportTests.file(csv)
            let importer = ActivityImport(db)
            let streamed = try await importer.run(
                path: url.path, mode: mode, dryRun: true, language: .zh, today: ActivityImportTests.today, scope: .everything)
            let whole = try await importer.run(
                try IntakeFile(data: Data(csv.utf8), name: "stream.csv"), mode: mode, dryRun: true, language: .zh,
                today: ActivityImportTests.today, scope: .everything)
            #expect(Self.difference(Self.listed(streamed.errors), Self.listed(whole.errors)) == [])
            #expect(Self.difference(Self.listed(streamed.warnings), Self.listed(whole.warnings)) == [])
            #expect(streamed.rowsRead == whole.rowsRead && streamed.rowsValid == whole.rowsValid)
            #expect(streamed.rowsSuperseded == whole.rowsSuperseded)
            #expect(streamed.errors.count > 50 && streamed.rowsValid > 40)
        }
    }

    /// Only good rows, unique by unit, period, item and category, in varied spellings.
    static func goodFile(seed: UInt64) -> String {
        var dice = Dice(state: seed)
        var lines = ["unit,region,period,item,quantity,uom,category,ncv"]
        var seen = Set<String>()
        let kinds: [(item: String, uoms: [String], ncv: [String])] = [
            ("柴油", ["t", "kg"], ["", "43.1"]), ("烟煤", ["t"], ["", "", "24.5"]), ("电力", ["MWh", "万kWh"], [""]),
            ("天然气", ["10^4Nm3"], [""]),
        ]
        let quantities = ["1", "12.5", "\"1,234.5\"", " 7 ", "0.000001", "3.25", "1e3", "100"]
        for _ in 0..<400 {
            let unit = dice.pick(["F1", "F2"])
            let period = "2024-\(String(format: "%02d", 1 + dice.next(11)))"
            let kind = dice.pick(kinds)
            guard seen.insert("\(unit) \(period) \(kind.item)").inserted else { continue }
            lines.append(
                [
                    unit, dice.pick(["", "510104"]), period, kind.item, dice.pick(quantities), dice.pick(kind.uoms), "",
                    dice.pick(kind.ncv),
                ].joined(separator: ","))
        }
        return lines.joined(separator: "\n")
    }

    @Test("streamed, the same records stored as from the file read whole")
    func sameRecords() async throws {
        let csv = Self.goodFile(seed: 5)
        var stored: [[String]] = []
        for streamed in [true, false] {
            try await TestDatabases.withDatabase("sqlite") { db async throws in
                try await UnitStore(db).create(ActivityImportTests.units)
                let importer = ActivityImport(db)
                let report =
                    streamed
                    ? try await importer.run(
                        path: try StreamingImportTests.file(csv).path, dryRun: false, language: .en,
                        today: ActivityImportTests.today, scope: .everything)
                    : try await importer.run(
                        try IntakeFile(data: Data(csv.utf8), name: "good.csv"), dryRun: false, language: .en,
                        today: ActivityImportTests.today, scope: .everything)
                #expect(
                    report.succeeded && report.rowsWritten > 60,
                    "\(report.errors.prefix(3).map { $0.message(in: .en) })")
                let unit = try await UnitStore(db).unit(code: "S")
                let records = try await ActivityStore(db).list(under: unit.id).map {
                    "\($0.unitId) \($0.year) \($0.month ?? 0) \($0.item) \($0.category) \($0.quantity) \($0.uom) \($0.ncv ?? 0) \($0.carbonContent ?? 0)"
                }
                stored.append(records.sorted())
            }
        }
        #expect(stored[0] == stored[1])
    }
}

extension FastReadingTests {
    @Test("a workbook's rows, streamed, give the same report as the workbook read whole")
    func sameReportFromWorkbook() async throws {
        try await TestDatabases.withDatabase("sqlite") { db async throws in
            try await UnitStore(db).create(ActivityImportTests.units)
            try await ActivityStore(db).insert([
                NewActivityRecord(unitCode: "F1", period: "2024-03", item: "柴油", quantity: 2, uom: "t")
            ])
            let rows = try CSVTable(parsing: Self.mixedFile(seed: 9, rows: 500)).records.map { record in
                // Numbers as numbers, as a person's workbook holds them; the rest as text.
                record.map { text -> CellValue in Double(text).map { .number($0) } ?? .text(text) }
            }
            var writer = XLSXWriter()
            try writer.add(.init(name: "活动数据", rows: rows))
            let url = try StreamingImportTests.file("", name: "mixed.xlsx")
            try writer.write(to: url)
            let importer = ActivityImport(db)
            let streamed = try await importer.run(
                path: url.path, dryRun: true, language: .en, today: ActivityImportTests.today, scope: .everything)
            let whole = try await importer.run(
                try IntakeFile(path: url.path), dryRun: true, language: .en, today: ActivityImportTests.today, scope: .everything)
            #expect(Self.difference(Self.listed(streamed.errors), Self.listed(whole.errors)) == [])
            #expect(Self.difference(Self.listed(streamed.warnings), Self.listed(whole.warnings)) == [])
            #expect(streamed.rowsRead == whole.rowsRead && streamed.rowsValid == whole.rowsValid)
            #expect(streamed.sheet == "活动数据" && streamed.errors.first?.sheet == "活动数据")
            #expect(streamed.errors.count > 50 && streamed.rowsValid > 40)
        }
    }

    @Test("a streamed row in a submitted month is named on its row, in the dry run already")
    func lockedMonth() async throws {
        try await TestDatabases.withDatabase("sqlite") { db async throws in
            try await UnitStore(db).create(ActivityImportTests.units)
            let f1 = try await UnitStore(db).unit(code: "F1").id
            let march = try #require(ReportingPeriod(parsing: "2024-03"))
            try await AuditActor.$current.withValue(AuditActor(accountID: 901, name: "rita")) {
                try await ReviewStore(db).take(.submit, unitID: f1, period: march)
            }
            let url = try StreamingImportTests.file(
                "unit,period,item,quantity,uom\nF1,2024-02,柴油,1,t\nF1,2024-03,柴油,1,t\nF2,2024-03,柴油,1,t\n")
            let report = try await ActivityImport(db).run(
                path: url.path, dryRun: true, language: .en, today: ActivityImportTests.today, scope: .everything)
            #expect(report.errors.map(\.row) == [3] && report.errors.first?.column == "period")
            #expect(report.rowsValid == 2)
        }
    }
}

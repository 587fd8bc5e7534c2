import Accounting
import Foundation
import Intake
import Logging
import Persistence
import Spreadsheet

/// Imports of a large CSV (1 M rows by default) and a large workbook (200 k rows): dry run and
/// real, each in a child process of its own so its peak memory is its own, beside `sqlite3`'s
/// `.import` of the same CSV (which checks nothing).
struct ImportBenchmark {
    let rows: Int
    let workbookRows: Int
    let folder: String

    init(arguments: [String]) {
        rows = Int(option("--rows", in: arguments) ?? "") ?? 1_000_000
        workbookRows = Int(option("--xlsx-rows", in: arguments) ?? "") ?? 200_000
        folder = option("--data-dir", in: arguments) ?? NSTemporaryDirectory() + "peakzero-bench-import"
    }

    static let months = 10

    func run() async throws {
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let csv = folder + "/activity.csv"
        let facilities = try await prepare(database: folder + "/csv", rows: rows)
        try writeCSV(csv, facilities: facilities, rows: rows)
        let size = Double((try FileManager.default.attributesOfItem(atPath: csv)[.size] as? Int) ?? 0) / 1_048_576
        print(String(format: "CSV: %d rows, %.0f MiB", rows, size))
        try child(file: csv, database: folder + "/csv", dryRun: true)
        try child(file: csv, database: folder + "/csv", dryRun: false)
        try anchor(csv)

        let xlsx = folder + "/activity.xlsx"
        let workbookFacilities = try await prepare(database: folder + "/xlsx", rows: workbookRows)
        let (_, writeSeconds) = try seconds {
            try writeWorkbook(xlsx, facilities: workbookFacilities, rows: workbookRows)
        }
        print(String(format: "XLSX: %d rows written by PeakZero's writer in %.2f s", workbookRows, writeSeconds))
        try child(file: xlsx, database: folder + "/xlsx", dryRun: true)
        try child(file: xlsx, database: folder + "/xlsx", dryRun: false)
    }

    /// A province of facilities enough for `rows` distinct rows (20 items × 10 months each).
    func prepare(database: String, rows: Int) async throws -> [String] {
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let count = max(1, rows / (StoreBenchmark.items.count * Self.months))
        var units = [NewUnit(code: "P", name: "Province", level: "supervisor", regionCode: "510000")]
        var codes: [String] = []
        for e in 0..<max(1, count / 20) {
            units.append(
                NewUnit(
                    code: "E\(e)", name: "Enterprise \(e)", level: "enterprise", parentCode: "P", regionCode: "510104"))
            for f in 0..<20 where codes.count < count {
                codes.append("F\(e)-\(f)")
                units.append(
                    NewUnit(
                        code: "F\(e)-\(f)", name: "Facility \(e)-\(f)", level: "facility", parentCode: "E\(e)",
                        regionCode: StoreBenchmark.regions[(e + f) % StoreBenchmark.regions.count]))
            }
        }
        try await PeakZeroDatabase.with(.sqliteFile(path: database + "/peakzero.sqlite"), logger: logger) {
            _ = try await UnitStore($0).create(units)
        }
        return codes
    }

    func row(_ index: Int, facilities: [String]) -> (String, String, String, Double, String) {
        let items = StoreBenchmark.items
        let item = items[index % items.count]
        let month = (index / items.count) % Self.months + 1
        let facility = facilities[index / (items.count * Self.months) % facilities.count]
        let wobble = 0.8 + 0.4 * Double((index * 31) % 100) / 100
        return (facility, "2024-\(month < 10 ? "0" : "")\(month)", item.item, item.perMonth * wobble, item.uom)
    }

    func writeCSV(_ path: String, facilities: [String], rows: Int) throws {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        var text = "单位代码,期间,品种,数量,计量单位\n"
        for index in 0..<rows {
            let r = row(index, facilities: facilities)
            text += "\(r.0),\(r.1),\(r.2),\(r.3),\(r.4)\n"
            if text.utf8.count > 1 << 20 {
                try handle.write(contentsOf: Data(text.utf8))
                text = ""
            }
        }
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    func writeWorkbook(_ path: String, facilities: [String], rows: Int) throws {
        var cells: [[CellValue]] = [["单位代码", "期间", "品种", "数量", "计量单位"].map(CellValue.text)]
        cells.reserveCapacity(rows + 1)
        for index in 0..<rows {
            let r = row(index, facilities: facilities)
            cells.append([.text(r.0), .text(r.1), .text(r.2), .number(r.3), .text(r.4)])
        }
        var writer = XLSXWriter()
        try writer.add(.init(name: "活动数据", rows: cells))
        try writer.write(to: URL(fileURLWithPath: path))
    }

    /// Runs one import in a child process (`peakzero-bench import-once`) and prints its figures.
    func child(file: String, database: String, dryRun: Bool) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["import-once", "--file", file, "--data-dir", database] + (dryRun ? ["--dry-run"] : [])
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 { throw BenchFailure("import-once failed for \(file)") }
    }

    /// `sqlite3`'s own CSV import of the same file into a fresh database, timed.
    func anchor(_ csv: String) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else {
            return print("anchor: sqlite3 not installed (apt-get install sqlite3)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [folder + "/anchor.sqlite"]
        let input = Pipe()
        process.standardInput = input
        let start = DispatchTime.now().uptimeNanoseconds
        try process.run()
        input.fileHandleForWriting.write(Data(".mode csv\n.import \(csv) activity\n".utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        let s = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print(
            String(
                format: "anchor: sqlite3 .import of the same CSV (no checks): %.2f s = %.0f rows/s", s, Double(rows) / s
            ))
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// `peakzero-bench import-once --file F --data-dir D [--dry-run]`: one import, its time and peak memory.
struct ImportOnce {
    let arguments: [String]

    func run() async throws {
        guard let file = option("--file", in: arguments), let folder = option("--data-dir", in: arguments) else {
            throw BenchFailure("import-once needs --file and --data-dir")
        }
        let dryRun = arguments.contains("--dry-run")
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let start = DispatchTime.now().uptimeNanoseconds
        let report = try await PeakZeroDatabase.with(.sqliteFile(path: folder + "/peakzero.sqlite"), logger: logger) {
            try await ActivityImport($0).run(path: file, dryRun: dryRun, language: .en, today: Date(), scope: .everything)
        }
        let s = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        guard report.succeeded else { throw BenchFailure(report.text(in: .en)) }
        print(
            String(
                format: "  %@ %@: %d rows in %.2f s = %.0f rows/s, %d written, peak memory %.0f MiB",
                (file as NSString).pathExtension, dryRun ? "dry run" : "import", report.rowsRead, s,
                Double(report.rowsRead) / s, report.rowsWritten, peakResidentMiB()))
    }
}

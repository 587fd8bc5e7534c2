import Foundation
import Logging
import Persistence
import Testing

/// An import killed while it runs leaves all of its batch or none of it.
@Suite("peakzero import, killed")
struct KilledImportTests {
    @Test("a process killed mid-import leaves nothing of its batch, or everything")
    func killed() async throws {
        let folder = try IntakeCommandTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data").path
        #expect(try ExecutableTests.run(["demo", "--data-dir", data]).code == 0)
        let listing = try ExecutableTests.run(["units", "list", "--data-dir", data]).out
        var facilities: [String] = []
        for line in listing.split(separator: "\n") {
            let words: [Substring] = line.split(separator: " ")
            if words.count > 3, words.contains("facility") { facilities.append(String(words[1])) }
        }
        #expect(facilities.count > 20)
        // Years the demo does not hold, so every row is new: about 88 000 rows.
        var csv = "unit,period,item,quantity,uom\n"
        let items = [("柴油", "t"), ("汽油", "t"), ("电力", "MWh"), ("天然气", "万Nm3"), ("烟煤", "t")]
        for year in 1980...2021 {
            for month in 1...12 {
                for code in facilities {
                    for (item, uom) in items {
                        csv += "\(code),\(year)-\(month < 10 ? "0" : "")\(month),\(item),1.5,\(uom)\n"
                    }
                }
            }
        }
        let rows = csv.split(separator: "\n").count - 1
        let file = folder.appendingPathComponent("big.csv")
        try Data(csv.utf8).write(to: file)

        let process = Process()
        process.executableURL = ExecutableTests.executable
        process.arguments = ["import", file.path, "--data-dir", data, "--lang", "en"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try await Task.sleep(for: .milliseconds(700))
        let wasRunning = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        let logger = Logger(label: "test")
        let stored = try await PeakZeroDatabase.with(.sqliteFile(path: data + "/peakzero.sqlite"), logger: logger) {
            database in
            try await ActivityStore(database).batches().filter { $0.kind == "import" }
        }
        let count = try await PeakZeroDatabase.with(.sqliteFile(path: data + "/peakzero.sqlite"), logger: logger) {
            database in
            let root = try await UnitStore(database).list(scope: .everything).first { $0.parentID == nil }!
            return try await ActivityStore(database).list(under: root.id).filter { Int($0.period.prefix(4))! < 2022 }
                .count
        }
        if wasRunning {
            #expect(process.terminationReason == .uncaughtSignal)
            #expect(
                (stored.isEmpty && count == 0) || (stored.count == 1 && count == rows),
                "\(stored.count) batches, \(count) rows")
        } else {
            // Finished before the kill (a fast machine): then all of it is there.
            #expect(stored.count == 1 && count == rows)
        }
    }
}

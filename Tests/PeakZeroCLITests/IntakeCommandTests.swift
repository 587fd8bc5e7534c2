import Foundation
import Testing

/// `peakzero template` and `peakzero import`, run as a user runs them.
@Suite("peakzero template and import")
struct IntakeCommandTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("peakzero-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("a template is written; a bad file exits 1 naming row and column; a good one is stored once")
    func templateAndImport() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data").path
        let template = folder.appendingPathComponent("t.xlsx").path
        let made = try ExecutableTests.run(["template", "activity", "--lang", "zh", "--output", template])
        #expect(made.code == 0, "\(made.err)")
        #expect(FileManager.default.contents(atPath: template)?.starts(with: [0x50, 0x4B]) == true)

        #expect(try ExecutableTests.run(["demo", "--data-dir", data]).code == 0)
        let bad = folder.appendingPathComponent("bad.csv")
        try Data("单位代码,期间,品种,数量,计量单位\nDEMO-G2-E1,2024-01,柴油,-4,t\n".utf8).write(to: bad)
        let refused = try ExecutableTests.run(["import", bad.path, "--data-dir", data, "--lang", "en"])
        #expect(refused.code == 1)
        #expect(refused.out.contains("bad.csv: row 2, column D \"数量\""))
        #expect(refused.out.contains("Nothing written"))

        let good = folder.appendingPathComponent("good.csv")
        try Data("单位代码,期间,品种,数量,计量单位\nDEMO-G2-E1,2024-01,柴油,4,t\n".utf8).write(to: good)
        let dry = try ExecutableTests.run(["import", good.path, "--data-dir", data, "--dry-run", "--lang", "zh"])
        #expect(dry.code == 0 && dry.out.contains("试运行：未写入任何数据"))
        let done = try ExecutableTests.run([
            "import", good.path, "--data-dir", data, "--mode", "replace", "--lang", "en",
        ])
        #expect(done.code == 0 && done.out.contains("Wrote 1 rows"), "\(done.out)\(done.err)")
        let again = try ExecutableTests.run(["import", good.path, "--data-dir", data, "--lang", "en"])
        #expect(again.code == 0 && again.out.contains("nothing was written again"))
    }
}

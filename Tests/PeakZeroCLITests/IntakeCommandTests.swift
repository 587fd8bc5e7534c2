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

    @Test("units and economic data: templates, imports by --kind or by header, exports")
    func unitsAndEconomic() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data").path
        for kind in ["units", "economic"] {
            let path = folder.appendingPathComponent("\(kind).csv").path
            let made = try ExecutableTests.run(["template", kind, "--format", "csv", "--lang", "en", "-o", path])
            #expect(made.code == 0, "\(made.err)")
        }
        let units = folder.appendingPathComponent("units.csv")
        try Data("code,name,level,parent_code,industry_code,region_code\nG,Group,group,,,510000\n".utf8).write(
            to: units)
        let created = try ExecutableTests.run(["import", units.path, "--data-dir", data, "--lang", "en"])
        #expect(created.code == 0 && created.out.contains("Wrote 1 rows"), "\(created.out)\(created.err)")

        // --kind names what the file is (its header would tell it too).
        let economic = folder.appendingPathComponent("economic.csv")
        try Data("单位代码,期间,增加值\nG,2024-01,88\n".utf8).write(to: economic)
        let done = try ExecutableTests.run([
            "import", economic.path, "--kind", "economic", "--data-dir", data, "--lang", "en",
        ])
        #expect(done.code == 0 && done.out.contains("Wrote 1 rows"), "\(done.out)\(done.err)")
        let bogus = try ExecutableTests.run(["import", economic.path, "--kind", "budget", "--data-dir", data])
        #expect(bogus.code != 0 && bogus.err.contains("--kind must be"))

        let out = folder.appendingPathComponent("out.csv").path
        let exported = try ExecutableTests.run([
            "export", "economic", "--unit", "G", "--data-dir", data, "--format", "csv", "--lang", "en", "-o", out,
        ])
        #expect(exported.code == 0, "\(exported.err)")
        let text = String(decoding: FileManager.default.contents(atPath: out) ?? Data(), as: UTF8.self)
        #expect(text.contains("G,2024-01,,88,,100,2024"))
    }
}

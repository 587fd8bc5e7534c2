import Foundation
import Testing

@testable import PeakZeroCLI

/// `peakzero calc` run in process on files in a temporary folder.
@Suite("peakzero calc")
struct CalcCommandTests {
    struct Run {
        var out: [String] = []
        var err: [String] = []
        var code: Int32 = 0
        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(out.joined(separator: "\n").utf8))) as? [String: Any] ?? [:]
        }
    }

    /// Calls `body` with a fresh temporary folder, removed afterwards.
    static func inTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("peakzero-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }

    static func run(_ arguments: [String], file contents: String? = nil) throws -> Run {
        try inTemporaryFolder { folder in
            var args = arguments
            if let contents {
                let path = folder.appendingPathComponent("activity.csv").path
                try contents.write(toFile: path, atomically: true, encoding: .utf8)
                args.insert(path, at: 0)
            }
            let command = try CalcCommand.parse(args)
            var run = Run()
            let box = OutputBox()
            run.code = command.execute(console: Console(out: { box.out.append($0) }, err: { box.err.append($0) }))
            run.out = box.out
            run.err = box.err
            return run
        }
    }

    final class OutputBox: @unchecked Sendable {
        var out: [String] = []
        var err: [String] = []
    }

    static let example = """
        unit,region,period,item,quantity,uom
        P1,510104,2023-01,柴油,10,t
        P1,510104,2023-01,电力,1000,MWh
        P1,510104,2023,甲烷,1,t
        """

    @Test("--format json has the totals, by_gas and one line per row with cited factors")
    func json_hasTotalsAndLineage() throws {
        let run = try Self.run(["--format", "json", "--lang", "en"], file: Self.example)
        #expect(run.code == 0)
        let json = run.json
        let diesel = 10 * 42.652 * 0.0202 * 0.98 * 44 / 12
        let total = try #require(json["co2e_t"] as? Double)
        #expect(abs(total - (diesel + 1000 * 0.1564 + 28)) < 1e-9)
        #expect(abs((json["scope2_market_co2e_t"] as? Double ?? 0) - 609.6) < 1e-9)
        #expect(abs((json["energy_tce_calorific"] as? Double ?? 0) - (14.571 + 122.9)) < 1e-9)
        #expect(abs((json["energy_tce_equivalent"] as? Double ?? 0) - (14.571 + 305.5)) < 1e-9)
        let byGas = try #require(json["by_gas"] as? [String: [String: Double]])
        #expect(byGas["CH4"]?["co2e_t"] == 28)
        let lines = try #require(json["lines"] as? [[String: Any]])
        #expect(lines.map { $0["row"] as? Int } == [2, 3, 4])
        for line in lines {
            let factors = try #require(line["factors"] as? [[String: Any]])
            #expect(!factors.isEmpty)
            #expect(factors.allSatisfy { ($0["source"] as? String)?.isEmpty == false && $0["grade"] != nil })
        }
    }

    @Test("--gwp and --scope2 change what enters co2e_t")
    func options_changeTotals() throws {
        let run = try Self.run(["--format", "json", "--gwp", "SAR", "--scope2", "market"], file: Self.example)
        let diesel = 10 * 42.652 * 0.0202 * 0.98 * 44 / 12
        #expect(abs((run.json["co2e_t"] as? Double ?? 0) - (diesel + 609.6 + 21)) < 1e-9)
    }

    @Test("the table names the totals in the chosen language")
    func table_isLocalised() throws {
        let zh = try Self.run(["--lang", "zh"], file: Self.example)
        #expect(zh.out.joined().contains("温室气体排放总量"))
        let en = try Self.run(["--lang", "en"], file: Self.example)
        #expect(en.out.joined().contains("Total GHG emissions"))
    }

    @Test("csv output ends with a total row equal to the json total")
    func csv_hasTotalRow() throws {
        let csv = try Self.run(["--format", "csv", "--lang", "en"], file: Self.example).out.joined(separator: "\n")
        let json = try Self.run(["--format", "json"], file: Self.example).json
        let last = try #require(csv.split(separator: "\n").last).split(separator: ",", omittingEmptySubsequences: false)
        #expect(last[4] == "total")
        // JSON numbers carry 16 significant digits on Linux; CSV carries the shortest exact form.
        let csvTotal = try #require(Double(last[10]))
        let jsonTotal = try #require(json["co2e_t"] as? Double)
        #expect(abs(csvTotal - jsonTotal) <= 1e-12 * jsonTotal)
    }

    @Test("bad rows: every problem on stderr with row and column, exit 1, no totals")
    func badInput_reportsAndPrintsNoTotals() throws {
        let bad = Self.example + "\nP1,510104,2023-13,柴由,-1,t\n"
        let run = try Self.run(["--lang", "en"], file: bad)
        #expect(run.code == 1)
        #expect(run.out.isEmpty)
        #expect(
            run.err.contains(
                "activity.csv: row 5, column C \"period\": period \"2023-13\" must be YYYY or YYYY-MM (e.g. 2024-03)"))
        #expect(run.err.contains { $0.hasPrefix("activity.csv: row 5, column D \"item\": unknown item \"柴由\"") })
        #expect(run.err.contains("activity.csv: row 5, column E \"quantity\": quantity must not be negative: -1"))
        #expect(run.err.last == "3 problems; no totals printed.")
    }

    @Test("a missing factor is reported with the row and the file's own header")
    func missingFactor_namesRowAndHeader() throws {
        let text = "单位,行政区划代码,期间,品种,数量,计量单位,单位热值含碳量\nP1,510104,2023,原煤,5,t,\n"
        let run = try Self.run(["--lang", "zh"], file: text)
        #expect(run.code == 1)
        #expect(run.err.first?.hasPrefix("activity.csv：第 2 行，G 列“单位热值含碳量”：“原煤”没有单位热值含碳量缺省值") == true)
    }

    @Test("a file that is not UTF-8 (Excel's GBK CSV) is refused with what to do")
    func notUTF8_isRefused() throws {
        let run = try Self.inTemporaryFolder { folder in
            let path = folder.appendingPathComponent("gbk.csv").path
            // "数量" in GBK is CA FD C1 BF, which is not valid UTF-8.
            try Data([0xCA, 0xFD, 0xC1, 0xBF, 0x0A]).write(to: URL(fileURLWithPath: path))
            return try Self.run([path, "--lang", "en"])
        }
        #expect(run.code == 1)
        #expect(run.err.first == "gbk.csv: the file is not UTF-8; in Excel save it as \"CSV UTF-8 (comma delimited)\"")
    }

    @Test("columns outside the template are named on stderr, and the rest is computed")
    func extraColumn_isNamed() throws {
        let run = try Self.run(
            ["--lang", "en", "--format", "json"],
            file: "unit,region,period,item,quantity,uom,remark\nA,510104,2023,柴油,1,t,x\n")
        #expect(run.code == 0)
        #expect(
            run.err == ["note: column \"remark\" of activity.csv is not part of activity template v1 and was not read"])
    }

    @Test("a missing file and a bad option are clear errors")
    func missingFileAndBadOption() throws {
        let missing = try Self.run(["/no/such/file.csv", "--lang", "en"])
        #expect(missing.code == 1)
        #expect(missing.err.first == "file.csv: cannot read the file: no such file: /no/such/file.csv")
        let option = try Self.run(["--gwp", "AR9"], file: Self.example)
        #expect(option.code != 0 && option.code != 1)
        #expect(option.err.first?.contains("--gwp must be SAR, AR4, AR5 or AR6") == true)
    }

    @Test("a user factor set given with --factors is used and named in the lineage")
    func userFactorSet() throws {
        let run = try Self.inTemporaryFolder { folder in
            let set = folder.appendingPathComponent("own.csv").path
            try """
            id,kind,item,region,variant,year,value,unit,grade,source
            OWN-1,grid_average,electricity,51,,2023,0.2,tCO2/MWh,S,direct supply contract
            """.write(toFile: set, atomically: true, encoding: .utf8)
            return try Self.run(["--format", "json", "--factors", set], file: Self.example)
        }
        let lines = try #require(run.json["lines"] as? [[String: Any]])
        let factors = try #require(lines[1]["factors"] as? [[String: Any]])
        #expect(factors.first?["factor_set"] as? String == "own.csv")
        #expect(lines[1]["co2e_location_t"] as? Double == 200)
    }
}

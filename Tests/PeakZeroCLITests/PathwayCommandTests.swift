import Foundation
import Testing

@testable import PeakZeroCLI

/// `peakzero pathway decompose` run in process on a file in a temporary folder.
@Suite("peakzero pathway decompose")
struct PathwayCommandTests {
    static func run(_ arguments: [String], file contents: String) throws -> CalcCommandTests.Run {
        try CalcCommandTests.inTemporaryFolder { folder in
            let path = folder.appendingPathComponent("history.csv").path
            try contents.write(toFile: path, atomically: true, encoding: .utf8)
            let command = try PathwayDecomposeCommand.parse([path] + arguments)
            let box = CalcCommandTests.OutputBox()
            var run = CalcCommandTests.Run()
            run.code = command.execute(console: Console(out: { box.out.append($0) }, err: { box.err.append($0) }))
            run.out = box.out
            run.err = box.err
            return run
        }
    }

    /// Two sectors and three carriers, headers in Chinese; the expected effects are those of
    /// `LMDITests.additive` (computed outside PeakZero with Ang's formulas).
    static let history = """
        年份,部门,能源品种,增加值,能源消费量,二氧化碳排放量
        2020,industry,coal,400,300,750
        2020,industry,gas,400,50,80
        2020,industry,electricity,400,100,220
        2020,services,coal,600,20,50
        2020,services,gas,600,30,48
        2020,services,electricity,600,60,132
        2025,industry,coal,450,260,637
        2025,industry,gas,450,80,128
        2025,industry,electricity,450,120,240
        2025,services,coal,850,10,24.5
        2025,services,gas,850,50,80
        2025,services,electricity,850,100,200
        """

    @Test("--format json has total_change and the five effects, keyed as documented")
    func json() throws {
        let run = try Self.run(["--format", "json"], file: Self.history)
        #expect(run.code == 0)
        #expect(run.json["total_change"] as? Double == 29.5)
        let effects = run.json["effects"] as? [String: Double] ?? [:]
        #expect(Set(effects.keys) == ["activity", "structure", "intensity", "mix", "emission_factor"])
        #expect(abs((effects["activity"] ?? 0) - 337.39715365501866) < 1e-9)
        #expect(abs(effects.values.reduce(0, +) - 29.5) < 1e-9)
        #expect((run.json["definitions"] as? [String: String])?["structure"] != nil)
    }

    @Test("without a carrier column there is no mix effect")
    func withoutCarriers() throws {
        let text = "year,sector,activity,energy_tce,co2_t\n2020,a,100,200,500\n2021,a,120,216,540\n"
        let run = try Self.run(["--format", "json"], file: text)
        let effects = run.json["effects"] as? [String: Double] ?? [:]
        #expect(Set(effects.keys) == ["activity", "structure", "intensity", "emission_factor"])
    }

    @Test("a bad cell is named by row and column; a missing year by the year; nothing is printed to stdout")
    func badInput() throws {
        let bad = try Self.run(["--lang", "en"], file: "year,sector,activity,energy_tce,co2_t\n2020,a,x,-1,5\n")
        #expect(bad.code == 1 && bad.out.isEmpty)
        #expect(bad.err.count == 2)
        #expect(bad.err[0].contains("row 2") && bad.err[0].contains("activity"))
        #expect(bad.err[1].contains("row 2") && bad.err[1].contains("energy_tce"))
        let missing = try Self.run(["--from", "2019", "--lang", "en"], file: Self.history)
        #expect(missing.code == 1 && missing.err == ["2019: the data has no such year"])
    }

    @Test("--chained --format csv gives a line per step and the combined line")
    func chainedCSV() throws {
        let text = Self.history + "\n" + Self.history.split(separator: "\n").dropFirst().prefix(6)
            .map { $0.replacingOccurrences(of: "2020,", with: "2022,") }.joined(separator: "\n")
        let run = try Self.run(["--chained", "--format", "csv"], file: text)
        #expect(run.code == 0)
        let lines = run.out.joined(separator: "\n").split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[1].hasPrefix("2020,2022,additive") && lines[2].hasPrefix("2022,2025,additive"))
        #expect(lines[3].hasPrefix("2020,2025,additive") && lines[3].hasSuffix(",29.5"))
    }
}

import Foundation
import Pathways
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

/// `peakzero pathway history`, run as a user runs it on an imported file.
@Suite("peakzero pathway history")
struct PathwayHistoryCommandTests {
    /// Two years of a province: industry (coal, electricity, gas) and transport (oil) with their
    /// value added, and the region's GDP. CO2 by hand for 2020 with the bundled factors: coal
    /// 60,000,000 × 2.608352307 + electricity 30,000,000 × (0.1255 / 0.1229: Sichuan's own 2021
    /// grid factor, GRID-053, the earliest year the library has) + oil 20,000,000 × 2.116727382.
    static let statistics = """
        region,year,area,carrier,energy_tce,value_added,gdp,population
        510000,2020,industry,coal,60000000,,,
        510000,2020,industry,electricity,30000000,,,
        510000,2020,transport,oil,20000000,,,
        510000,2020,industry,,,180000000,,
        510000,2020,transport,,,25000000,,
        510000,2020,,,,,485988000,8371
        510000,2023,industry,coal,55000000,,,
        510000,2023,industry,electricity,38000000,,,
        510000,2023,industry,gas,5000000,,,
        510000,2023,transport,oil,22000000,,,
        510000,2023,industry,,,205000000,,
        510000,2023,transport,,,30000000,,
        510000,2023,,,,,601328000,8368
        """

    @Test("imported statistics give CO2 by year and a decomposition whose effects sum to the change")
    func historyAndDecomposition() throws {
        let folder = try IntakeCommandTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data").path
        let file = folder.appendingPathComponent("stats.csv")
        try Data(Self.statistics.utf8).write(to: file)
        let imported = try ExecutableTests.run(["import", file.path, "--data-dir", data, "--lang", "en"])
        #expect(imported.code == 0, "\(imported.out)\(imported.err)")

        let history = try ExecutableTests.run([
            "pathway", "history", "--region", "510000", "--data-dir", data, "--format", "json",
        ])
        #expect(history.code == 0, "\(history.err)")
        let json = try JSONSerialization.jsonObject(with: Data(history.out.utf8)) as? [String: Any]
        let years = json?["years"] as? [[String: Any]] ?? []
        #expect(years.map { $0["year"] as? Int } == [2020, 2023])
        let expected2020 = 60_000_000 * 2.608352307 + 30_000_000 * (0.1255 / 0.1229) + 20_000_000 * 2.116727382
        let co2 = years.first?["co2_t"] as? Double ?? 0
        #expect(abs(co2 - expected2020) < 1e-6 * expected2020, "\(co2) vs \(expected2020)")

        let decomposed = try ExecutableTests.run([
            "pathway", "history", "--region", "510000", "--data-dir", data, "--decompose", "--format", "json",
        ])
        #expect(decomposed.code == 0, "\(decomposed.err)")
        let result = try JSONSerialization.jsonObject(with: Data(decomposed.out.utf8)) as? [String: Any]
        let effects = result?["effects"] as? [String: Double] ?? [:]
        let change = result?["total_change"] as? Double ?? 0
        #expect(effects.count == 5 && abs(effects.values.reduce(0, +) - change) < 1e-6 * abs(change))

        let empty = try ExecutableTests.run(["pathway", "history", "--region", "510100", "--data-dir", data, "--lang", "en"])
        #expect(empty.code == 1 && empty.err.contains("no regional statistics are stored for region 510100"))
    }
}

/// `peakzero pathway run`, on a plan that gives its own base year (no database needed).
@Suite("peakzero pathway run")
struct PathwayRunCommandTests {
    static let plan = """
        {"base": {"year": 2020, "gdp": 1000,
                  "areas": {"industry": {"activity": 400, "energy": {"coal": 100, "electricity": 40}},
                            "transport": {"activity": 100, "energy": {"oil": 45}}},
                  "carriers": [{"id": "coal", "emission_factor": 2.66, "is_coal": true},
                               {"id": "oil", "emission_factor": 2.1},
                               {"id": "electricity", "emission_factor": 5.0, "equivalent_factor": 2.5}]},
         "scenarios": [
           {"id": "baseline", "name": "基准情景", "horizon": 2030, "gdp_growth": {"2021": 0.05}},
           {"id": "policy", "name": "政策情景", "parent": "baseline",
            "areas": {"industry": {"intensity_change": {"2021": -0.09}}},
            "levers": [{"id": "ccus", "area": "industry", "start_year": 2025, "co2_avoided": 10}]}]}
        """

    static func run(_ plan: String, _ arguments: [String] = []) throws -> (code: Int32, out: String, err: String) {
        let folder = try IntakeCommandTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("plan.json")
        try Data(plan.utf8).write(to: file)
        return try ExecutableTests.run(["pathway", "run", file.path, "--data-dir", folder.path] + arguments)
    }

    @Test("each scenario's years, its peak, and the policy against the baseline, summing to the difference")
    func json() throws {
        let run = try Self.run(Self.plan, ["--format", "json"])
        #expect(run.code == 0, "\(run.err)")
        let json = try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any]
        let scenarios = json?["scenarios"] as? [[String: Any]] ?? []
        #expect(scenarios.map { $0["id"] as? String } == ["baseline", "policy"])
        // The baseline grows with GDP (elasticity 1) at constant intensity: rising to the horizon.
        #expect((scenarios[0]["peak"] as? [String: Any])?["status"] as? String == "rising_at_horizon")
        // Industry's intensity falls 9 % a year against 5 % growth: CO2 falls from the first year on.
        #expect((scenarios[1]["peak"] as? [String: Any])?["status"] as? String == "peaked")
        func co2(_ scenario: [String: Any], _ year: Int) -> Double {
            ((scenario["years"] as? [[String: Any]]) ?? []).first { $0["year"] as? Int == year }?["co2_t"] as? Double ?? .nan
        }
        let against = scenarios[1]["against_baseline"] as? [String: Any]
        let change = against?["total_change"] as? Double ?? .nan
        #expect(abs(change - (co2(scenarios[1], 2030) - co2(scenarios[0], 2030))) < 1e-6)
        #expect(against?["capture_change"] as? Double == -10)
    }

    @Test("a plan that cannot be read names the field; a bad scenario names the scenario and field")
    func badPlans() throws {
        let missing = try Self.run(#"{"scenarios": [{"name": "x"}]}"#, ["--lang", "en"])
        #expect(missing.code == 1 && missing.err.contains("scenarios[0].id"), "\(missing.err)")
        let late = try Self.run(
            Self.plan.replacingOccurrences(of: #""gdp_growth": {"2021": 0.05}"#, with: #""gdp_growth": {"2035": 0.05}"#),
            ["--lang", "en"])
        #expect(late.code == 1 && late.err.contains("baseline: gdp_growth[2035]: the year 2035 is outside the horizon"))
        let noBase = try Self.run(#"{"scenarios": []}"#, ["--lang", "en"])
        #expect(noBase.code == 1 && noBase.err.contains("base year"))
    }
}

/// `peakzero pathway review`, on the plan of `PathwayRunCommandTests` with targets.
@Suite("peakzero pathway review")
struct PathwayReviewCommandTests {
    @Test("a project's verdict per target in JSON, and a project outside the horizon refused by field")
    func review() throws {
        let folder = try IntakeCommandTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = folder.appendingPathComponent("plan.json"), project = folder.appendingPathComponent("project.json")
        // Targets on the baseline's 2030: a cap far above (fits) and one just above the baseline's
        // CO2 (560.5 t × 1.05^10 = 913.0 t; the project adds 2.66 × 20 = 53.2 t and breaks 950).
        let withTargets = PathwayRunCommandTests.plan.replacingOccurrences(
            of: #""scenarios": ["#,
            with: #""targets": [{"id": "loose", "indicator": "carbon_total", "year": 2030, "value": 5000}, {"id": "tight", "indicator": "carbon_total", "year": 2030, "value": 950}], "scenarios": ["#)
        try Data(withTargets.utf8).write(to: plan)
        try Data(#"{"name": "项目甲（虚构）", "area": "industry", "start_year": 2026, "energy": {"coal": 20}, "value_added": 30}"#.utf8)
            .write(to: project)
        let run = try ExecutableTests.run([
            "pathway", "review", plan.path, "--project", project.path, "--data-dir", folder.path, "--format", "json",
        ])
        #expect(run.code == 0, "\(run.err)")
        let json = try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any]
        let judgements = json?["judgements"] as? [[String: Any]] ?? []
        #expect(judgements.map { $0["verdict"] as? String } == ["fits", "breaks"])
        let with = judgements.first?["with"] as? Double ?? 0, without = judgements.first?["without"] as? Double ?? 0
        #expect(abs(with - without - 53.2) < 1e-9)

        try Data(#"{"name": "late", "area": "industry", "start_year": 2040, "energy": {"coal": 20}, "value_added": 30}"#.utf8)
            .write(to: project)
        let late = try ExecutableTests.run([
            "pathway", "review", plan.path, "--project", project.path, "--data-dir", folder.path, "--lang", "en",
        ])
        #expect(late.code == 1 && late.err.contains("project.start_year"), "\(late.err)")
    }
}

/// The fictional examples in `Examples/` that the README and docs/pathways.md run.
@Suite("The pathway examples")
struct PathwayExamplesTests {
    @Test("statistics import, the history, the plan's three scenarios and the project review all run")
    func examples() throws {
        let folder = try IntakeCommandTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data").path
        let imported = try ExecutableTests.run([
            "import", "Examples/regional-statistics-fictional.csv", "--data-dir", data, "--lang", "en",
        ])
        #expect(imported.code == 0 && imported.out.contains("Wrote 80 rows"), "\(imported.out)")
        let exported = folder.appendingPathComponent("regional.csv").path
        let export = try ExecutableTests.run([
            "export", "regional", "--region", "510000", "--data-dir", data, "--format", "csv", "-o", exported,
        ])
        let lines = (try? String(contentsOfFile: exported, encoding: .utf8))?.split(separator: "\n").count
        #expect(export.code == 0 && lines == 81, "\(export.err)")
        let history = try ExecutableTests.run(["pathway", "history", "--region", "510000", "--data-dir", data, "--decompose"])
        #expect(history.code == 0, "\(history.err)")
        let run = try ExecutableTests.run(["pathway", "run", "Examples/plan-fictional.json", "--data-dir", data, "--format", "json"])
        let scenarios = (try? JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])?["scenarios"] as? [[String: Any]]
        #expect(run.code == 0 && scenarios?.count == 3, "\(run.err)")
        let review = try ExecutableTests.run([
            "pathway", "review", "Examples/plan-fictional.json", "--project", "Examples/project-fictional.json",
            "--scenario", "policy", "--data-dir", data, "--format", "json",
        ])
        let judgements = (try? JSONSerialization.jsonObject(with: Data(review.out.utf8)) as? [String: Any])?["judgements"] as? [Any]
        #expect(review.code == 0 && judgements?.count == 5, "\(review.err)")

        // The plan saved for the region, run from storage, a review kept; a stale save refused.
        let notYet = try ExecutableTests.run(["pathway", "run", "--region", "510000", "--data-dir", data, "--lang", "en"])
        #expect(notYet.code != 0 && notYet.err.contains("has no saved plan"), "\(notYet.err)")
        let save = try ExecutableTests.run([
            "pathway", "save", "Examples/plan-fictional.json", "--region", "510000", "--data-dir", data, "--lang", "en",
        ])
        #expect(save.code == 0 && save.out.contains("revision 1"), "\(save.err)")
        let stale = try ExecutableTests.run([
            "pathway", "save", "Examples/plan-fictional.json", "--region", "510000", "--revision", "0", "--data-dir", data,
            "--lang", "en",
        ])
        #expect(stale.code != 0 && stale.err.contains("nothing was saved"), "\(stale.err)")
        let stored = try ExecutableTests.run(["pathway", "run", "--region", "510000", "--data-dir", data, "--format", "json"])
        #expect(stored.code == 0 && stored.out == run.out, "\(stored.err)")
        let kept = try ExecutableTests.run([
            "pathway", "review", "--region", "510000", "--project", "Examples/project-fictional.json", "--scenario", "policy",
            "--data-dir", data, "--lang", "en",
        ])
        #expect(kept.code == 0 && kept.err.contains("kept as review 1 of 510000"), "\(kept.err)")
        let wrongRegion = try ExecutableTests.run([
            "pathway", "save", "Examples/plan-fictional.json", "--region", "330000", "--data-dir", data, "--lang", "en",
        ])
        #expect(wrongRegion.code != 0 && wrongRegion.err.contains("not the region 330000"), "\(wrongRegion.err)")
    }
}

/// `peakzero pathway forecast`, in process.
@Suite("peakzero pathway forecast")
struct PathwayForecastCommandTests {
    @Test("GM(1,1) on the teaching series gives ForecastTests' fitted values; bad input is refused")
    func forecast() throws {
        let command = try PathwayForecastCommand.parse([
            "--method", "gm11", "--values", "2016=2.874,2017=3.278,2018=3.337,2019=3.390,2020=3.679", "--horizon", "2022",
        ])
        let history = try #require(PathwayForecastCommand.pairs(command.values))
        let forecast = try Forecast.greyModel(history, base: 2016...2020, horizon: 2022)
        let json = try JSONSerialization.jsonObject(with: Data(PathwayForecastCommand.json(forecast).utf8)) as? [String: Any]
        #expect((json?["values"] as? [String: Double])?["2021"].map { abs($0 - 3.750655814442794) < 1e-12 } == true)
        #expect(json?["method"] as? String == "gm11" && json?["base_years"] as? [Int] == [2016, 2020])
        #expect(throws: (any Error).self) { try PathwayForecastCommand.parse(["--method", "arima", "--values", "2020=1", "--horizon", "2030"]) }
        #expect(throws: (any Error).self) { try PathwayForecastCommand.parse(["--method", "gm11", "--values", "2020:1", "--horizon", "2030"]) }
        let cli = try ExecutableTests.run(["pathway", "forecast", "--method", "gm11", "--values", "2019=1,2020=2", "--horizon", "2030"])
        #expect(cli.code != 0 && cli.err.contains("at least 4 base years"), "\(cli.err)")
    }
}

/// `peakzero pathway history --unit`, on the demo province.
@Suite("peakzero pathway history of a unit")
struct PathwayUnitHistoryTests {
    @Test("the demo group's years by child, and a decomposition; an unknown unit is named")
    func demoGroup() throws {
        let folder = try IntakeCommandTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data").path
        #expect(try ExecutableTests.run(["demo", "--data-dir", data]).code == 0)
        let history = try ExecutableTests.run(["pathway", "history", "--unit", "DEMO-G1", "--data-dir", data, "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(history.out.utf8)) as? [String: Any]
        #expect((json?["years"] as? [[String: Any]])?.compactMap { $0["year"] as? Int } == [2022, 2023, 2024], "\(history.err)")
        let decomposed = try ExecutableTests.run([
            "pathway", "history", "--unit", "DEMO-G1", "--data-dir", data, "--decompose", "--format", "json",
        ])
        let effects = (try JSONSerialization.jsonObject(with: Data(decomposed.out.utf8)) as? [String: Any])?["effects"] as? [String: Double]
        #expect(effects?.keys.sorted() == ["activity", "emission_factor", "intensity", "structure"], "\(decomposed.err)")
        // By the six areas: the same totals each year, the children summed by their industry codes.
        let byArea = try ExecutableTests.run([
            "pathway", "history", "--unit", "DEMO-G1", "--by", "area", "--data-dir", data, "--format", "json",
        ])
        let areaYears = (try JSONSerialization.jsonObject(with: Data(byArea.out.utf8)) as? [String: Any])?["years"] as? [[String: Any]]
        let childYears = json?["years"] as? [[String: Any]]
        #expect(areaYears?.map { $0["co2_t"] as? Double } == childYears?.map { $0["co2_t"] as? Double }, "\(byArea.err)")
        let names = Set((areaYears ?? []).flatMap { ($0["children"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String } })
        #expect(!names.isEmpty && names.isSubset(of: Set(PlanningArea.allCases.map(\.rawValue) + [UnitHistory.unassigned])), "\(names)")
        let badBy = try ExecutableTests.run(["pathway", "history", "--unit", "DEMO-G1", "--by", "sector", "--data-dir", data])
        #expect(badBy.code != 0 && badBy.err.contains("child, area or carrier"))
        // By carrier: each year's carriers and process emissions add up to the same CO2.
        let byCarrier = try ExecutableTests.run([
            "pathway", "history", "--unit", "DEMO-G1", "--by", "carrier", "--data-dir", data, "--format", "json",
        ])
        let carrierYears = (try JSONSerialization.jsonObject(with: Data(byCarrier.out.utf8)) as? [String: Any])?["years"] as? [[String: Any]]
        #expect(carrierYears?.count == 3, "\(byCarrier.err)")
        for (carriers, children) in zip(carrierYears ?? [], childYears ?? []) {
            let co2 = (carriers["by_carrier"] as? [String: [String: Double]] ?? [:]).values.compactMap { $0["co2_t"] }.reduce(0, +)
                + (carriers["process_co2_t"] as? Double ?? 0)
            let expected = children["co2_t"] as? Double ?? -1
            #expect(abs(co2 - expected) <= 1e-9 * expected)
        }
        let table = try ExecutableTests.run(["pathway", "history", "--unit", "DEMO-G1", "--by", "carrier", "--data-dir", data, "--lang", "zh"])
        #expect(table.code == 0 && table.out.contains("电力") && table.out.contains("工业过程排放"))
        let carrierDecompose = try ExecutableTests.run([
            "pathway", "history", "--unit", "DEMO-G1", "--by", "carrier", "--decompose", "--data-dir", data,
        ])
        #expect(carrierDecompose.code != 0 && carrierDecompose.err.contains("carriers are not sectors"))
        let unknown = try ExecutableTests.run(["pathway", "history", "--unit", "NOPE", "--data-dir", data, "--lang", "en"])
        #expect(unknown.code != 0 && unknown.err.contains("NOPE"))
        let both = try ExecutableTests.run(["pathway", "history", "--unit", "X", "--region", "510000", "--data-dir", data])
        #expect(both.code != 0 && both.err.contains("exactly one"))
    }

    @Test("the demo group's saved plan runs; a new revision is saved and a review kept; errors are named")
    func groupPlan() throws {
        let folder = try IntakeCommandTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data").path
        #expect(try ExecutableTests.run(["demo", "--data-dir", data]).code == 0)
        let run = try ExecutableTests.run(["pathway", "run", "--unit", "DEMO-G1", "--data-dir", data, "--format", "json"])
        let scenarios = (try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])?["scenarios"] as? [[String: Any]]
        #expect(scenarios?.compactMap { $0["id"] as? String } == ["baseline", "lead"], "\(run.err)")
        // The group's plan, written out and saved again from the file: revision 2.
        let plan = folder.appendingPathComponent("group-plan.json")
        try Data(
            #"{"base_year": 2024, "scenarios": [{"id": "baseline", "name": "基准", "horizon": 2035, "gdp_growth": {"2025": 0.05}}]}"#
                .utf8
        ).write(to: plan)
        let saved = try ExecutableTests.run([
            "pathway", "save", plan.path, "--unit", "DEMO-G1", "--revision", "1", "--data-dir", data, "--lang", "en",
        ])
        #expect(saved.code == 0 && saved.out.contains("revision 2"), "\(saved.err)")
        let project = folder.appendingPathComponent("project.json")
        try Data(#"{"name": "p", "area": "industry", "start_year": 2026, "energy": {"coal": 100}, "value_added": 10}"#.utf8)
            .write(to: project)
        let reviewed = try ExecutableTests.run([
            "pathway", "review", "--unit", "DEMO-G1", "--project", project.path, "--data-dir", data,
            "--lang", "en",
        ])
        #expect(reviewed.code == 0 && reviewed.err.contains("kept as review"), "\(reviewed.err)")
        let none = try ExecutableTests.run(["pathway", "run", "--unit", "DEMO-G2", "--data-dir", data, "--lang", "en"])
        #expect(none.code != 0 && none.err.contains("--unit DEMO-G2"), "\(none.err)")
        let unknown = try ExecutableTests.run(["pathway", "run", "--unit", "NOPE", "--data-dir", data, "--lang", "en"])
        #expect(unknown.code != 0 && unknown.err.contains("no unit “NOPE”"), "\(unknown.err)")
        let both = try ExecutableTests.run(["pathway", "run", "--unit", "DEMO-G1", "--region", "510000", "--data-dir", data])
        #expect(both.code != 0 && both.err.contains("not both"), "\(both.err)")
    }
}

import Foundation
import Testing

/// `peakzero projects`, `assets` and `compliance`, run as a user runs them on the demo.
@Suite("peakzero projects, assets and compliance")
struct AssetCommandsTests {
    @Test("a project is saved, listed with its figures, staged and put on the curve; bad input exits 1 naming the field")
    func projects() throws {
        let folder = try IntakeCommandTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data").path
        #expect(try ExecutableTests.run(["demo", "--data-dir", data]).code == 0)
        let file = folder.appendingPathComponent("p.json")
        try Data(
            #"{"code": "CLI-1", "name": "电机变频", "type": "efficiency", "first_year": 2024, "lifetime_years": 10, "capex": 100, "yearly_benefit": 20, "savings": [{"item": "电力", "quantity": 1000, "unit": "MWh"}]}"#
                .utf8
        ).write(to: file)
        let saved = try ExecutableTests.run(["projects", "save", file.path, "--unit", "DEMO-G2-E1", "--data-dir", data, "--lang", "en"])
        #expect(saved.code == 0 && saved.out.contains("saved project CLI-1 of DEMO-G2-E1"), "\(saved.err)")
        let listed = try ExecutableTests.run(["projects", "list", "--unit", "DEMO-G2-E1", "--data-dir", data, "--format", "json"])
        let rows = try JSONSerialization.jsonObject(with: Data(listed.out.utf8)) as? [[String: Any]] ?? []
        let row = try #require(rows.first { ($0["project"] as? [String: Any])?["code"] as? String == "CLI-1" })
        // NPV at 8 %: −100 + 20 × 6.7100814 = 34.2016 万元.
        #expect(abs((row["net_present_value"] as? Double ?? 0) - 34.201628) < 1e-5)
        let shown = try ExecutableTests.run(["projects", "show", "--unit", "DEMO-G2-E1", "--code", "CLI-1", "--data-dir", data, "--lang", "en"])
        // The line names the grid factor it used: Sichuan 2024 falls back to the latest year the library has.
        #expect(shown.code == 0 && shown.out.contains("average grid emission factor") && shown.out.contains("GRID-"), "\(shown.out)\(shown.err)")
        let staged = try ExecutableTests.run([
            "projects", "stage", "--unit", "DEMO-G2-E1", "--code", "CLI-1", "--to", "operating", "--data-dir", data, "--lang", "en",
        ])
        #expect(staged.code == 1 && staged.err.contains("stage: a project cannot go from “planned” to “operating”"))
        // M&V by the product method of GB/T 13234: 0.4 → 0.38 tce per t on 78,000 t = 1,560 tce saved.
        let record = folder.appendingPathComponent("mv.json")
        try Data(
            #"{"year": 2024, "option": "C", "baseline": "2023 全厂计量", "product_unit": {"products": [{"name": "熟料", "baseline_per_unit": 0.4, "reporting_per_unit": 0.38, "reporting_output": 78000, "unit": "t"}]}}"#
                .utf8
        ).write(to: record)
        let verified = try ExecutableTests.run([
            "projects", "verify", record.path, "--unit", "DEMO-G2-E1", "--code", "CLI-1", "--data-dir", data, "--lang", "en",
        ])
        #expect(verified.code == 0, "\(verified.err)")
        let measured = try ExecutableTests.run(["projects", "list", "--unit", "DEMO-G2-E1", "--data-dir", data, "--format", "json"])
        let measuredRows = try JSONSerialization.jsonObject(with: Data(measured.out.utf8)) as? [[String: Any]] ?? []
        let measuredRow = try #require(measuredRows.first { ($0["project"] as? [String: Any])?["code"] as? String == "CLI-1" })
        #expect(measuredRow["verified"] as? Bool == true)
        #expect(abs((measuredRow["tce_equivalent"] as? Double ?? 0) - 1_560) < 1e-9, "\(measuredRow)")
        let curve = try ExecutableTests.run(["projects", "curve", "--unit", "DEMO-G2-E1", "--gap", "10", "--data-dir", data, "--lang", "en"])
        #expect(curve.code == 0 && curve.out.contains("DEMO-G2-E1/CLI-1"), "\(curve.err)")
        try Data(#"{"code": "CLI-2", "name": "x", "type": "efficiency", "first_year": 2024, "lifetime_years": 0, "capex": 1, "savings": [{"item": "电力", "quantity": 1, "unit": "t"}]}"#.utf8)
            .write(to: file)
        let bad = try ExecutableTests.run(["projects", "save", file.path, "--unit", "DEMO-G2-E1", "--data-dir", data, "--lang", "en"])
        #expect(bad.code == 1 && bad.err.contains("lifetime_years:") && bad.err.contains("savings[1].unit:"), "\(bad.err)")
    }

    @Test("a group's projects exported and imported again, the ledger export refusing a year; a benchmark allocation")
    func spreadsheets() throws {
        let folder = try IntakeCommandTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data").path
        #expect(try ExecutableTests.run(["demo", "--data-dir", data]).code == 0)
        let projects = folder.appendingPathComponent("projects.xlsx").path
        let exported = try ExecutableTests.run(["export", "projects", "--unit", "DEMO-G2", "--data-dir", data, "-o", projects])
        #expect(exported.code == 0, "\(exported.err)")
        // Appending the group's own projects again is refused at each; replacing them changes nothing.
        let appended = try ExecutableTests.run(["import", projects, "--data-dir", data, "--lang", "en"])
        #expect(appended.code != 0 && appended.out.contains("already"), "\(appended.out)\(appended.err)")
        let replaced = try ExecutableTests.run(["import", projects, "--mode", "replace", "--data-dir", data, "--lang", "en"])
        #expect(replaced.code == 0, "\(replaced.out)\(replaced.err)")
        #expect(try ExecutableTests.run(["export", "ledger", "--unit", "DEMO-G2", "--year", "2024", "--data-dir", data]).code != 0)
        let rule = try ExecutableTests.run([
            "compliance", "add-rule", "--id", "T-CLI", "--sectors", "power", "--first-year", "2024", "--parameter", "benchmark",
            "--output", "electricity_supplied", "--value", "0.8", "--source", "a test's own figure", "--data-dir", data,
        ])
        #expect(rule.code == 0, "\(rule.err)")
        let set = try ExecutableTests.run([
            "compliance", "set", "--unit", "DEMO-G2-E1-F1", "--year", "2024", "--sector", "power", "--output",
            "electricity_supplied=1000*1.05", "--correction-source", "cooling (fictional)", "--data-dir", data, "--lang", "en",
        ])
        #expect(set.code == 0, "\(set.err)")
        let board = try ExecutableTests.run(["compliance", "board", "--unit", "DEMO-G2", "--year", "2024", "--data-dir", data])
        // 0.8 × 1,000 × 1.05 = 840 t.
        #expect(board.out.contains("DEMO-G2-E1-F1 electricity_supplied: 0.8 (T-CLI) × 1,000 × 1.05 (cooling (fictional)) = 840.0 t"), "\(board.out)")
        // The demo's power plant complied in full for 2022: its light in the reader's words.
        let plant = try ExecutableTests.run([
            "compliance", "board", "--unit", "DEMO-G3", "--year", "2022", "--data-dir", data, "--lang", "zh",
        ])
        #expect(plant.out.contains("DEMO-G3-E6-F1") && plant.out.contains("已完成") && !plant.out.contains(" done"), "\(plant.out)")
        let bad = try ExecutableTests.run([
            "compliance", "set", "--unit", "DEMO-G2-E1-F1", "--year", "2024", "--sector", "power", "--output", "electricity_supplied",
            "--data-dir", data,
        ])
        #expect(bad.code != 0 && bad.err.contains("KEY=QUANTITY"))
    }

    @Test("ledger entries, holdings, a refused oversale, and the board of a year")
    func assetsAndCompliance() throws {
        let folder = try IntakeCommandTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data").path
        #expect(try ExecutableTests.run(["demo", "--data-dir", data]).code == 0)
        let buy = try ExecutableTests.run([
            "assets", "add", "--unit", "DEMO-G2-E1", "--day", "2024-02-01", "--action", "buy", "--kind", "cea",
            "--vintage", "2023", "--quantity", "800", "--price", "70", "--data-dir", data, "--lang", "en",
        ])
        #expect(buy.code == 0 && buy.out.contains("appended 1 ledger entries"), "\(buy.err)")
        let sell = try ExecutableTests.run([
            "assets", "add", "--unit", "DEMO-G2-E1", "--day", "2024-02-02", "--action", "sell", "--kind", "cea",
            "--vintage", "2023", "--quantity", "900", "--data-dir", data, "--lang", "en",
        ])
        #expect(sell.code == 1 && sell.err.contains("holds 800 of cea:2023, less than 900"), "\(sell.err)")
        let held = try ExecutableTests.run([
            "assets", "balances", "--unit", "DEMO-G2-E1", "--own", "--date", "2024-12-31", "--data-dir", data, "--format", "json",
        ])
        let balances = try JSONSerialization.jsonObject(with: Data(held.out.utf8)) as? [[String: Any]] ?? []
        #expect(balances.contains { $0["quantity"] as? Int == 800 })
        let set = try ExecutableTests.run([
            "compliance", "set", "--unit", "DEMO-G2-E1", "--year", "2023", "--sector", "power", "--allocation", "700",
            "--source", "fictional notice", "--data-dir", data, "--lang", "en",
        ])
        #expect(set.code == 0, "\(set.err)")
        let board = try ExecutableTests.run([
            "compliance", "board", "--unit", "DEMO-G2-E1", "--year", "2023", "--date", "2024-06-01", "--data-dir", data, "--lang", "en",
        ])
        #expect(board.code == 0 && board.out.contains("DEMO-G2-E1"), "\(board.out)\(board.err)")
        let rules = try ExecutableTests.run(["compliance", "rules", "--data-dir", data, "--lang", "en"])
        #expect(rules.code == 0 && rules.out.contains("ETS-R002"))
    }
}

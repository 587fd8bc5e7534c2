import Foundation
import Testing

/// `peakzero report inventory`, run as a user runs it, on data imported and computed by the CLI.
@Suite struct ReportCommandTests {
    @Test func inventoryReport_carriesTheStoredTotals_asJSONAndWorkbook() throws {
        let folder = try IntakeCommandTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data").path
        let units = folder.appendingPathComponent("units.csv")
        try Data("code,name,level,parent_code,region_code\nG1,集团,group,,510000\nF1,一厂,facility,G1,510104\n".utf8)
            .write(to: units)
        let activity = folder.appendingPathComponent("activity.csv")
        // 10 t at the facility, 5 t at the group itself: the group's own records are a facility too.
        try Data("单位代码,期间,品种,数量,计量单位\nF1,2023-01,柴油,10,t\nG1,2023-02,柴油,5,t\n".utf8).write(to: activity)
        for file in [units, activity] {
            let imported = try ExecutableTests.run(["import", file.path, "--data-dir", data, "--lang", "en"])
            #expect(imported.code == 0, "\(imported.out)\(imported.err)")
        }
        let computed = try ExecutableTests.run([
            "inventory", "compute", "--unit", "G1", "--year", "2023", "--gwp", "AR6", "--data-dir", data,
        ])
        #expect(computed.code == 0, "\(computed.err)")
        let run = try ExecutableTests.run(["report", "inventory", "--unit", "G1", "--year", "2023", "--data-dir", data])
        #expect(run.code == 0, "\(run.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        let total = try #require(json["total"] as? [String: Any])
        // 10 t diesel × 42.652 GJ/t × 0.0202 tC/GJ × 0.98 × 44/12 (NDRC 2015 defaults), as RollupAPITests.
        let diesel = 15 * 42.652 * 0.0202 * 0.98 * 44 / 12
        #expect(abs((total["scope1_t"] as? Double ?? 0) - diesel) < 1e-9 * diesel)
        let facilities = json["by_facility"] as? [[String: Any]] ?? []
        #expect(facilities.compactMap { $0["key"] as? String } == ["F1", "G1"])
        let summed = facilities.compactMap { $0["scope1_t"] as? Double }.reduce(0, +)
        #expect(abs(summed - diesel) < 1e-9 * diesel)
        let workbook = folder.appendingPathComponent("report.xlsx").path
        let written = try ExecutableTests.run([
            "report", "inventory", "--unit", "G1", "--year", "2023", "--data-dir", data, "-o", workbook, "--issue",
        ])
        #expect(written.err.contains("issued report #1"), "\(written.err)")
        #expect(written.code == 0 && FileManager.default.fileExists(atPath: workbook), "\(written.err)")
        // --format names the file after the report, in the working directory.
        let named = try ExecutableTests.run(
            ["report", "supervisor", "--unit", "G1", "--year", "2023", "--data-dir", data, "--format", "xlsx"],
            in: folder.path)
        #expect(named.code == 0 && named.out.contains("G1-2023-supervision.xlsx"), "\(named.err)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("G1-2023-supervision.xlsx").path))
        let clash = try ExecutableTests.run([
            "report", "inventory", "--unit", "G1", "--year", "2023", "--data-dir", data, "--format", "pdf", "-o", "x.xlsx",
        ])
        #expect(clash.code != 0 && clash.err.contains("not a .pdf file"), "\(clash.err)")
        let pdf = folder.appendingPathComponent("report.pdf")
        let printed = try ExecutableTests.run([
            "report", "inventory", "--unit", "G1", "--year", "2023", "--data-dir", data, "-o", pdf.path, "--lang", "zh",
        ])
        #expect(printed.code == 0, "\(printed.err)")
        #expect((try? Data(contentsOf: pdf))?.starts(with: Array("%PDF".utf8)) == true)
        let supervision = try ExecutableTests.run([
            "report", "supervisor", "--unit", "G1", "--year", "2023", "--data-dir", data,
        ])
        #expect(supervision.code == 0, "\(supervision.err)")
        let supervisor = try #require(
            try JSONSerialization.jsonObject(with: Data(supervision.out.utf8)) as? [String: Any])
        let indicators = try #require(supervisor["indicators"] as? [String: Any])
        #expect(abs((indicators["co2e_t"] as? Double ?? 0) - diesel) < 1e-9 * diesel)
        let none = try ExecutableTests.run(["report", "inventory", "--unit", "G1", "--year", "2019", "--data-dir", data])
        #expect(none.code != 0)

        // Scope 3 imported like any sheet; the climate section with its narrative, issued.
        let scope3 = folder.appendingPathComponent("scope3.csv")
        try Data("unit,year,category,method,supplier_emissions,tier,excluded_reason\nG1,2023,1,supplier_specific,42.5,2,\nG1,2023,14,,,,no franchises\n".utf8)
            .write(to: scope3)
        let valueChain = try ExecutableTests.run(["import", scope3.path, "--data-dir", data, "--lang", "en"])
        #expect(valueChain.code == 0, "\(valueChain.out)\(valueChain.err)")
        let words = folder.appendingPathComponent("narrative.json")
        try Data(#"{"governance": "董事会每年审议。", "strategy": "<b>bold</b>"}"#.utf8).write(to: words)
        let refused = try ExecutableTests.run([
            "report", "climate", "--unit", "G1", "--year", "2023", "--data-dir", data, "--narrative", words.path,
        ])
        #expect(refused.code != 0 && refused.err.contains("strategy"), "\(refused.err)")
        try Data(#"{"governance": "董事会每年审议。"}"#.utf8).write(to: words)
        let climate = try ExecutableTests.run([
            "report", "climate", "--unit", "G1", "--year", "2023", "--data-dir", data, "--narrative", words.path,
            "--issue",
        ])
        #expect(climate.code == 0 && climate.err.contains("issued report #2"), "\(climate.err)")
        let section = try #require(try JSONSerialization.jsonObject(with: Data(climate.out.utf8)) as? [String: Any])
        #expect((section["narrative"] as? [String: Any])?["governance"] as? String == "董事会每年审议。")
        let inventory = section["inventory"] as? [String: Any]
        #expect((inventory?["scope3"] as? [String: Any])?["upstream_tonnes"] as? Double == 42.5)
        #expect(abs(((inventory?["total"] as? [String: Any])?["scope1_t"] as? Double ?? 0) - diesel) < 1e-9 * diesel)
        let quarterly = try ExecutableTests.run([
            "report", "supervisor", "--unit", "G1", "--year", "2023", "--as-of", "2023-06-30", "--issue",
            "--data-dir", data,
        ])
        #expect(quarterly.code == 0 && quarterly.err.contains("issued report #3"), "\(quarterly.err)")
        #expect(quarterly.out.contains("2023-06-30"))
    }
}

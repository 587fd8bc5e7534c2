import Foundation
import Testing

/// `peakzero footprint calc`, run as a user runs it.
@Suite struct FootprintCommandTests {
    @Test func example_givesThePublishedFootprint_andAReproducibleRange() throws {
        // Examples/footprint-heijungs-suh.json is Heijungs & Suh (2002) ch. 2: 120 kg CO2 for 1,000 kWh.
        let run = try ExecutableTests.run([
            "footprint", "calc", "Examples/footprint-heijungs-suh.json", "--monte-carlo", "500", "--seed", "7",
            "--format",
            "json",
        ])
        #expect(run.code == 0, "\(run.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        #expect(json["total_co2e_kg"] as? Double == 120)
        let uncertainty = try #require(json["uncertainty"] as? [String: Any])
        #expect(uncertainty["iterations"] as? Int == 500)
        let again = try ExecutableTests.run([
            "footprint", "calc", "Examples/footprint-heijungs-suh.json", "--monte-carlo", "500", "--seed", "7",
            "--format",
            "json",
        ])
        #expect(again.out == run.out)
    }

    @Test func table_speaksTheReadersLanguage() throws {
        let zh = try ExecutableTests.run(["footprint", "calc", "Examples/footprint-heijungs-suh.json", "--lang", "zh"])
        #expect(zh.code == 0)
        #expect(zh.out.contains("合计 120.000 kg CO2e"))
        #expect(zh.out.contains("原材料获取"))
        let en = try ExecutableTests.run(["footprint", "calc", "Examples/footprint-heijungs-suh.json", "--lang", "en"])
        #expect(en.out.contains("total 120.000 kg CO2e (GWP: AR6)"))
    }

    @Test func badModels_areRefusedByProcessAndExchange() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("footprint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = folder.appendingPathComponent("broken.json")
        try Data(#"{"name": "x", "declared_unit": {"process": "a", "amount": 1, "unit": "furlong"}}"#.utf8).write(
            to: broken)
        let unreadable = try ExecutableTests.run(["footprint", "calc", broken.path, "--lang", "en"])
        #expect(unreadable.code != 0)
        #expect(unreadable.err.contains("broken.json: the JSON model cannot be read: declared_unit.unit:"))
        let mismatch = folder.appendingPathComponent("mismatch.json")
        try Data(
            #"""
            {"name": "m", "declared_unit": {"process": "a", "amount": 1, "unit": "kg"}, "boundary": "cradle_to_gate",
             "processes": [
               {"id": "a", "stage": "production", "output": {"product": "a", "amount": 1, "unit": "kg"},
                "inputs": [{"provider": "b", "amount": 2, "unit": "kWh"}]},
               {"id": "b", "stage": "production", "output": {"product": "b", "amount": 1, "unit": "kg"}}]}
            """#.utf8
        ).write(to: mismatch)
        let refused = try ExecutableTests.run(["footprint", "calc", mismatch.path, "--lang", "en"])
        #expect(refused.code != 0)
        #expect(refused.err.contains("process a · inputs[1]: the unit kWh (energy) does not measure"))
    }

    @Test func batteryModel_printsThePerKilowattHourFigureByTheRulesStages() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("footprint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("pack.json")
        // 7,200 kg CO2 for a pack of 60 kWh × 300 cycles × 8 years = 144,000 kWh: 0.05 kg CO2e per kWh.
        try Data(
            #"""
            {"name": "pack", "declared_unit": {"process": "pack", "amount": 1, "unit": "item"}, "boundary": "cradle_to_gate",
             "battery": {"capacity_kilowatt_hours": 60, "cycles_per_year": 300, "years": 8},
             "processes": [{"id": "pack", "stage": "production", "output": {"product": "pack", "amount": 1, "unit": "item"},
               "emissions": [{"flow": "CO2", "amount": 7200, "unit": "kg"}]}]}
            """#.utf8
        ).write(to: file)
        let run = try ExecutableTests.run(["footprint", "calc", file.path, "--lang", "en"])
        #expect(run.code == 0, "\(run.err)")
        #expect(run.out.contains("per kWh of lifetime energy: 0.0500 kg CO2e"))
        #expect(run.out.contains("main product production: 0.050000 kg CO2e/kWh"))
    }

    @Test func batteryModelNamingItsVehicleCategory_takesTheRulesCyclesAndSaysWhence() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("footprint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bus-pack.json")
        // A bus pack (category M3): the draft rules' 250 cycles a year, so 60 kWh × 250 × 8 years =
        // 120,000 kWh, and 7,200 kg CO2 / 120,000 kWh = 0.06 kg CO2e per kWh.
        try Data(
            #"""
            {"name": "bus pack", "declared_unit": {"process": "pack", "amount": 1, "unit": "item"}, "boundary": "cradle_to_gate",
             "battery": {"capacity_kilowatt_hours": 60, "vehicle_category": "M3", "years": 8},
             "processes": [{"id": "pack", "stage": "production", "output": {"product": "pack", "amount": 1, "unit": "item"},
               "emissions": [{"flow": "CO2", "amount": 7200, "unit": "kg"}]}]}
            """#.utf8
        ).write(to: file)
        let run = try ExecutableTests.run(["footprint", "calc", file.path, "--lang", "en"])
        #expect(run.code == 0, "\(run.err)")
        #expect(run.out.contains("lifetime energy: 60 kWh × 250 cycles a year × 8 years = 120,000 kWh"))
        #expect(run.out.contains("cycles a year: the battery rules' default for category M3 (S: European Commission, draft"))
        #expect(run.out.contains("per kWh of lifetime energy: 0.0600 kg CO2e"))
        let zh = try ExecutableTests.run(["footprint", "calc", file.path, "--lang", "zh"])
        #expect(zh.out.contains("年循环次数：电池规则对 M3 类车辆的默认值(S：欧盟委员会"))
    }

    @Test func template_convertsBothWays_computesTheSame_andWritesTheWorkbook() throws {
        let folder = try IntakeCommandTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let xlsx = folder.appendingPathComponent("model.xlsx").path
        let converted = try ExecutableTests.run([
            "footprint", "convert", "Examples/footprint-heijungs-suh.json", "--to", "xlsx", "-o", xlsx,
        ])
        #expect(converted.code == 0, "\(converted.err)")
        let workbook = folder.appendingPathComponent("results.xlsx").path
        let run = try ExecutableTests.run([
            "footprint", "calc", xlsx, "--workbook", workbook, "--format", "json",
        ])
        #expect(run.code == 0, "\(run.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        #expect(json["total_co2e_kg"] as? Double == 120)
        #expect(FileManager.default.fileExists(atPath: workbook))
        let back = folder.appendingPathComponent("back.json").path
        #expect(try ExecutableTests.run(["footprint", "convert", xlsx, "--to", "json", "-o", back]).code == 0)
        let recomputed = try ExecutableTests.run(["footprint", "calc", back, "--format", "json"])
        let again = try JSONSerialization.jsonObject(with: Data(recomputed.out.utf8)) as? [String: Any]
        #expect(again?["total_co2e_kg"] as? Double == 120)
        #expect((again?["by_process"] as? [Any])?.count == 2)
    }

    @Test func import_keepsTheModelForTheUnit_andRefusesAnUnknownUnit() throws {
        let folder = try IntakeCommandTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data").path
        let units = folder.appendingPathComponent("units.csv")
        try Data("code,name,level,region_code\nE001,电池厂,enterprise,510100\n".utf8).write(to: units)
        let imported = try ExecutableTests.run(["import", units.path, "--data-dir", data, "--lang", "en"])
        #expect(imported.code == 0, "\(imported.out)\(imported.err)")
        let saved = try ExecutableTests.run([
            "footprint", "import", "Examples/footprint-heijungs-suh.json", "--unit", "E001", "--data-dir", data,
            "--lang", "en",
        ])
        #expect(saved.code == 0, "\(saved.err)")
        #expect(saved.out.contains("saved the product model “Heijungs & Suh 2002, chapter 2” (id 1) for unit E001"))
        let unknown = try ExecutableTests.run([
            "footprint", "import", "Examples/footprint-heijungs-suh.json", "--unit", "NOPE", "--data-dir", data,
        ])
        #expect(unknown.code != 0)
    }
}

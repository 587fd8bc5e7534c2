import Foundation
import Hummingbird
import HummingbirdTesting
import Persistence
import PersistenceTestSupport
import Spreadsheet
import Testing

@testable import PeakZeroServer

/// Product models and their footprints through the API, on the small tree (F1 in Chengdu):
/// figures by hand from the bundled factors.
@Suite("API: product footprints")
struct FootprintAPITests {
    /// 1 kg of cells from 0.5 kg of cathode (a second process) and 2 kWh of Sichuan's 2022 grid;
    /// the cathode emits 0.4 kg CO2 and 0.001 kg N2O per kg.
    static let model = #"""
        {"name": "cell", "declared_unit": {"process": "cell", "amount": 1, "unit": "kg"}, "boundary": "cradle_to_gate",
         "processes": [
           {"id": "cell", "name": "cell assembly", "stage": "production",
            "output": {"product": "cell", "amount": 1, "unit": "kg"},
            "inputs": [{"provider": "cathode", "amount": 0.5, "unit": "kg", "uncertainty": {"distribution": "lognormal", "gsd": 1.2}}],
            "electricity": [{"amount": 2, "unit": "kWh", "province": "51", "year": 2022}]},
           {"id": "cathode", "name": "cathode material", "stage": "raw_material",
            "output": {"product": "cathode", "amount": 1, "unit": "kg"},
            "emissions": [{"flow": "CO2", "amount": 0.4, "unit": "kg"}, {"flow": "N2O", "amount": 0.001, "unit": "kg"}]}]}
        """#

    @Test("a model is saved, computed from the library's factors, replaced and deleted; its footprint answers by stage")
    func modelLifecycle() async throws {
        try await withAPI("sqlite") { client, _ in
            let units = try await RollupAPITests.load(client)
            let saved = try await client.call(.post, "/api/v1/units/\(units["F1"]!)/footprint-models", json: Self.model)
            #expect(saved.status == .created)
            let id = try #require(saved.json.object["id"] as? Int)
            let listed = try await client.call(.get, "/api/v1/units/\(units["G"]!)/footprint-models")
            #expect(listed.json.items.compactMap { $0["name"] as? String } == ["cell"])

            let footprint = try await client.call(.get, "/api/v1/footprint-models/\(id)/footprint?gwp=AR6")
            #expect(footprint.status == .ok)
            // Sichuan 2022: 0.1404 kg CO2/kWh (GRID-083); N2O AR6: 273. Cell: 2 × 0.1404 = 0.2808;
            // cathode for 0.5 kg: 0.5 × (0.4 + 0.001 × 273) = 0.3365. Total 0.6173 kg CO2e.
            let total = try #require(footprint.json.object["total_co2e_kg"] as? Double)
            #expect(abs(total - 0.6173) < 1e-12)
            let stages = footprint.json.object["by_stage"] as? [[String: Any]] ?? []
            #expect(stages.compactMap { $0["key"] as? String } == ["raw_material", "production"])
            let ar5 = try await client.call(.get, "/api/v1/footprint-models/\(id)/footprint?gwp=AR5")
            // AR5 N2O: 265 → 0.2808 + 0.5 × (0.4 + 0.265).
            #expect(abs((ar5.json.object["total_co2e_kg"] as? Double ?? 0) - 0.6133) < 1e-12)

            let ranged = try await client.call(.get, "/api/v1/footprint-models/\(id)/footprint?monte_carlo=300&seed=3")
            let uncertainty = try #require(ranged.json.object["uncertainty"] as? [String: Any])
            #expect(uncertainty["iterations"] as? Int == 300)
            let again = try await client.call(.get, "/api/v1/footprint-models/\(id)/footprint?monte_carlo=300&seed=3")
            #expect(
                (again.json.object["uncertainty"] as? [String: Any])?["mean"] as? Double == uncertainty["mean"]
                    as? Double)

            // The workbook carries the same total, in the asked language.
            let workbook = try await client.execute(
                uri: "/api/v1/footprint-models/\(id)/footprint/export?lang=zh&monte_carlo=50", method: .get,
                headers: [:]
            ) { ($0.status, $0.headers[.contentType] ?? "", Data(buffer: $0.body)) }
            #expect(workbook.0 == .ok)
            #expect(workbook.1.contains("spreadsheetml"))
            let book = try XLSXWorkbook(data: workbook.2)
            let rows = try book.rows(sheet: "碳足迹")
            let totalRow = try #require(rows.first { $0.cells.first?.text == "产品碳足迹" })
            guard case .number(let total) = totalRow.cells[1] else {
                Issue.record("the total is no number")
                return
            }
            #expect(abs(total - 0.6173) < 1e-12)
            #expect(try book.rows(sheet: "蒙特卡洛").count == 51)
            // The declaration's sheet: the standard, the gases one by one, each process's data quality.
            let declaration = try book.rows(sheet: "声明")
            #expect(declaration.first?.cells.map(\.text) == ["依据标准", "GB/T 24067-2024 / ISO 14067:2018"])
            #expect(declaration.contains { $0.cells.first?.text == "N2O" })

            let renamed = Self.model.replacingOccurrences(of: #""name": "cell","#, with: #""name": "cell v2","#)
            let replaced = try await client.call(.put, "/api/v1/footprint-models/\(id)", json: renamed)
            #expect(replaced.status == .ok)
            #expect(replaced.json.object["name"] as? String == "cell v2")
            #expect(try await client.call(.delete, "/api/v1/footprint-models/\(id)").status == .noContent)
            #expect(try await client.call(.get, "/api/v1/footprint-models/\(id)").status == .notFound)
        }
    }

    @Test("a model that cannot be computed is refused with every problem by process and exchange; nothing kept")
    func badModels() async throws {
        try await withAPI("sqlite") { client, database in
            let units = try await RollupAPITests.load(client)
            let f1 = units["F1"]!
            let bad = Self.model.replacingOccurrences(
                of: #""amount": 0.5, "unit": "kg""#, with: #""amount": 0.5, "unit": "kWh""#
            )
            .replacingOccurrences(of: #""province": "51""#, with: #""province": "99""#)
            let refused = try await client.call(.post, "/api/v1/units/\(f1)/footprint-models?lang=en", json: bad)
            #expect(refused.status == .unprocessableContent)
            let issues = ((refused.json.object["error"] as? [String: Any])?["issues"] as? [[String: Any]]) ?? []
            #expect(
                issues.compactMap { $0["field"] as? String } == [
                    "processes[cell].inputs[1]", "processes[cell].electricity[1]",
                ])
            #expect((issues.first?["message"] as? String)?.contains("the unit kWh (energy) does not measure") == true)
            #expect(try await FootprintModelStore(database).list(under: Int64(f1)).isEmpty)
            let loop = Self.model.replacingOccurrences(
                of: #""output": {"product": "cathode", "amount": 1, "unit": "kg"},"#,
                with:
                    #""output": {"product": "cathode", "amount": 1, "unit": "kg"}, "inputs": [{"provider": "cathode", "amount": 1, "unit": "kg"}],"#
            )
            let singular = try await client.call(.post, "/api/v1/units/\(f1)/footprint-models?lang=zh", json: loop)
            #expect(singular.status == .unprocessableContent)
            let messages = ((singular.json.object["error"] as? [String: Any])?["issues"] as? [[String: Any]]) ?? []
            #expect(messages.compactMap { $0["message"] as? String }.contains { $0.contains("模型无解") })
            #expect(
                try await client.call(.post, "/api/v1/units/\(f1)/footprint-models", json: "{}").status == .badRequest)
            let saved = try await client.call(.post, "/api/v1/units/\(f1)/footprint-models", json: Self.model)
            let id = saved.json.object["id"] as? Int ?? 0
            #expect(
                try await client.call(.get, "/api/v1/footprint-models/\(id)/footprint?gwp=AR7").status == .badRequest)
            #expect(
                try await client.call(.get, "/api/v1/footprint-models/\(id)/footprint?monte_carlo=10001").status
                    == .badRequest)
        }
    }

    /// The model above as the product model template (CSV) fills it in.
    static let templateCSV = """
        record,process,name,stage,flow,provider,amount,unit,boundary,province,year,distribution,gsd
        model,cell,cell,,,,1,kg,cradle_to_gate,,,,
        output,cell,cell assembly,production,cell,,1,kg,,,,,
        input,cell,,,,cathode,0.5,kg,,,,lognormal,1.2
        electricity,cell,,,,,2,kWh,,51,2022,,
        output,cathode,cathode material,raw_material,cathode,,1,kg,,,,,
        emission,cathode,,,CO2,,0.4,kg,,,,,
        emission,cathode,,,N2O,,0.001,kg,,,,,
        """

    @Test("a model file is imported, given back as the template, and declared by gas with its data quality")
    func importTemplateAndDeclaration() async throws {
        try await withAPI("sqlite") { client, database in
            let units = try await RollupAPITests.load(client)
            let f1 = units["F1"]!
            func upload(_ text: String, name: String) async throws -> (status: Int, json: [String: Any]) {
                try await client.execute(
                    uri: "/api/v1/units/\(f1)/footprint-models/import?file_name=\(name)&lang=en", method: .post,
                    headers: [.contentType: "text/csv"], body: ByteBuffer(string: text)
                ) {
                    (
                        Int($0.status.code),
                        (try? JSONSerialization.jsonObject(with: Data(buffer: $0.body)) as? [String: Any]) ?? [:]
                    )
                }
            }
            let imported = try await upload(Self.templateCSV, name: "cell.csv")
            #expect(imported.status == 201, "\(imported.json)")
            let id = try #require((imported.json["model"] as? [String: Any])?["id"] as? Int)
            let footprint = try await client.call(.get, "/api/v1/footprint-models/\(id)/footprint")
            // The same model as the JSON above: 0.6173 kg CO2e by hand.
            #expect(abs((footprint.json.object["total_co2e_kg"] as? Double ?? 0) - 0.6173) < 1e-12)

            // A bad cell and a unit that does not fit its provider, named by row; nothing kept.
            let broken = Self.templateCSV.replacingOccurrences(of: ",0.5,kg,", with: ",0.5,kWh,")
                .replacingOccurrences(of: "emission,cathode,,,CO2,,0.4,kg", with: "emission,cathode,,,CO2,,lots,kg")
            let refused = try await upload(broken, name: "broken.csv")
            #expect(refused.status == 422)
            let issues = ((refused.json["error"] as? [String: Any])?["issues"] as? [[String: Any]]) ?? []
            #expect(issues.compactMap { $0["row"] as? Int } == [7])
            #expect(try await FootprintModelStore(database).list(under: Int64(f1)).count == 1)
            let unfit = try await upload(
                Self.templateCSV.replacingOccurrences(of: ",0.5,kg,", with: ",0.5,kWh,"), name: "unfit.csv")
            let unfitIssues = ((unfit.json["error"] as? [String: Any])?["issues"] as? [[String: Any]]) ?? []
            #expect(unfit.status == 422 && unfitIssues.compactMap { $0["row"] as? Int } == [4])

            let template = try await client.execute(
                uri: "/api/v1/footprint-models/\(id)/template?format=csv&lang=en", method: .get, headers: [:]
            ) { (Int($0.status.code), String(buffer: $0.body)) }
            #expect(template.0 == 200)
            #expect(template.1.hasPrefix("record,process,name,stage,flow"))
            #expect(template.1.contains("electricity,cell,,,,,2,kWh"))

            let declared = try await client.call(.get, "/api/v1/footprint-models/\(id)/declaration")
            #expect(declared.status == .ok)
            let declaration = try #require(declared.json.object["declaration"] as? [String: Any])
            #expect(declaration["partial"] as? Bool == true)
            // By gas: 0.5 × 0.4 kg CO2 and 0.5 × 0.001 kg N2O (× 273, AR6); the grid's 0.2808 apart.
            let gases = declaration["by_gas"] as? [[String: Any]] ?? []
            let n2o = try #require(gases.first { $0["gas"] as? String == "N2O" })
            #expect(abs((n2o["amount_kg"] as? Double ?? 0) - 0.0005) < 1e-15)
            #expect(abs((n2o["co2e_kg"] as? Double ?? 0) - 0.1365) < 1e-12)
            #expect(abs((declaration["grid_co2e_kg"] as? Double ?? 0) - 0.2808) < 1e-12)
            let quality = declaration["data_quality"] as? [[String: Any]] ?? []
            let cell = try #require(quality.first { $0["process"] as? String == "cell" })
            #expect(cell["exchanges"] as? Int == 2 && cell["with_uncertainty"] as? Int == 1)
            #expect((cell["sources"] as? [String])?.first?.hasPrefix("grid:51:2022 — ") == true)
        }
    }
}

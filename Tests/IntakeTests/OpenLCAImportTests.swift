import Accounting
import Footprint
import Foundation
import Intake
import Testing
import ZIPFoundation

/// The export is the ingot-casting product system of openLCA's format documentation
/// (olca-schema `examples/product_system.json`: "Ingot casting" fed by "Electrolysis" through a
/// link on "liquid aluminium"), with its processes, flows, flow properties and unit groups written
/// out as openLCA exports them (`Tests/IntakeTests/OpenLCA/ingot-casting`). The amounts are ours.
@Suite("Importing an openLCA JSON-LD export")
struct OpenLCAImportTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("OpenLCA/ingot-casting")

    /// The export's files by path, to change before zipping.
    static func files() throws -> [String: Data] {
        var files: [String: Data] = [:]
        let root = folder.standardizedFileURL.path
        let enumerator = FileManager.default.enumerator(atPath: root)!
        while let path = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder)
            if !isFolder.boolValue { files[path] = try Data(contentsOf: URL(fileURLWithPath: root + "/" + path)) }
        }
        return files
    }

    static func zipped(_ files: [String: Data]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
        }
        return archive.data!
    }

    /// One JSON file changed by `change`.
    static func changing(
        _ files: [String: Data], _ path: String, _ change: (inout [String: Any]) -> Void
    ) throws -> [String: Data] {
        var files = files
        var object = try JSONSerialization.jsonObject(with: files[path]!) as! [String: Any]
        change(&object)
        files[path] = try JSONSerialization.data(withJSONObject: object)
        return files
    }

    static let casting = "processes/55fd27b1-c73d-4a76-b560-cfc461e81efd.json"
    static let electrolysis = "processes/41b31d77-5223-47a1-a24a-153ac1a9f670.json"
    static let system = "product_systems/e673be33-b071-4ba2-9097-5b77a9c3ced2.json"

    static func refusal(_ files: [String: Data]) throws -> [String] {
        let data = try zipped(files)
        do {
            _ = try OpenLCAImport.read(data, file: "ingot.zip")
            Issue.record("the export was accepted")
            return []
        } catch {
            return error.issues.map { $0.message(in: .en) }
        }
    }

    @Test("the documented product system reads as a model and computes by hand")
    func documentedSystem() throws {
        let data = try Self.zipped(try Self.files())
        #expect(OpenLCAImport.isExport(data))
        let imported = try OpenLCAImport.read(data, file: "ingot.zip")
        let model = imported.model
        #expect(model.name == "Ingot casting")
        #expect(model.declaredUnit.process == "55fd27b1-c73d-4a76-b560-cfc461e81efd")
        #expect(model.declaredUnit.amount == 1000 && model.declaredUnit.unit == FlowUnit(parsing: "kg"))
        let casting = try #require(model.processes.first { $0.name == "Ingot casting (Germany)" })
        #expect(casting.inputs.count == 1 && casting.inputs[0].provider == "41b31d77-5223-47a1-a24a-153ac1a9f670")
        #expect(casting.inputs[0].amount == 1.02)
        let electrolysis = try #require(model.processes.first { $0.name == "Electrolysis" })
        // CO2 and fossil methane by CAS number (written with ecoinvent's leading zeros); biogenic CO2
        // kept by its name, outside the total; the land occupation (m2*a) left out and said so.
        #expect(electrolysis.emissions.map(\.flow) == ["CO2", "CH4_fossil", "Carbon dioxide, non-fossil"])
        #expect(electrolysis.emissions[0].uncertainty == .lognormal(gsd: 1.2))
        #expect(imported.notes.count == 3)
        #expect(imported.notes.contains { $0.en.contains("m2*a × 1") })

        // By hand, per kg of ingot: 0.05 kg CO2 at casting, and 1.02 kg of liquid aluminium each
        // emitting 1.6 kg CO2 and 0.001 kg fossil CH4 (AR6 GWP 29.8, IPCC AR6 WGI Table 7.15):
        // 0.05 + 1.02 × (1.6 + 0.0298) = 1.712396 kg CO2e; for the declared 1,000 kg, 1,712.396.
        let factors = LibraryFactors(library: try FactorLibrary.standard(), gwp: .ar6)
        let calculation = try FootprintCalculation(try SystemMatrices.build(model, factors: factors))
        #expect(abs(calculation.result().total - 1712.396) < 1e-9 * 1712.396)
    }

    @Test("without a product system, the default providers link and the one unused product is declared")
    func defaultProviders() throws {
        var files = try Self.files()
        files[Self.system] = nil
        files = try Self.changing(files, Self.casting) { process in
            var exchanges = process["exchanges"] as! [[String: Any]]
            exchanges[1]["defaultProvider"] = ["@type": "Process", "@id": "41b31d77-5223-47a1-a24a-153ac1a9f670"]
            process["exchanges"] = exchanges
        }
        let model = try OpenLCAImport.read(try Self.zipped(files), file: "ingot.zip").model
        #expect(model.declaredUnit.process == "55fd27b1-c73d-4a76-b560-cfc461e81efd" && model.declaredUnit.amount == 1)
        #expect(model.processes.count == 2)
    }

    @Test("a unit that is not of its flow's unit group is refused, naming process and exchange")
    func unitMismatch() throws {
        let files = try Self.changing(try Self.files(), Self.electrolysis) { process in
            var exchanges = process["exchanges"] as! [[String: Any]]
            exchanges[1]["unit"] = ["@type": "Unit", "name": "m2*a"]
            process["exchanges"] = exchanges
        }
        let messages = try Self.refusal(files)
        #expect(messages.count == 1)
        #expect(messages.first?.contains("process Electrolysis") == true)
        #expect(messages.first?.contains("exchanges[2] (Carbon dioxide, fossil)") == true)
        #expect(messages.first?.contains("“m2*a” is not one of flow “Carbon dioxide, fossil”'s unit group Units of mass") == true)
    }

    @Test("a product input without a provider, a missing flow and damaged JSON are all named")
    func refusals() throws {
        var files = try Self.files()
        files[Self.system] = nil
        files = try Self.changing(files, Self.electrolysis) { process in
            var exchanges = process["exchanges"] as! [[String: Any]]
            exchanges[2]["flow"] = ["@type": "Flow", "@id": "no-such-flow", "name": "ghost"]
            process["exchanges"] = exchanges
        }
        var messages = try Self.refusal(files)
        #expect(messages.contains { $0.contains("Ingot casting") && $0.contains("exchanges[2] (liquid aluminium)") && $0.contains("no provider") })
        #expect(messages.contains { $0.contains("exchanges[3] (ghost)") && $0.contains("no-such-flow")  == false && $0.contains("names no flow") })

        files = try Self.files()
        files[Self.casting] = Data("{\"@id\": \"x\", \"exchanges\": [{\"amount\": \"many\"}]}".utf8)
        messages = try Self.refusal(files)
        #expect(messages.count == 1 && messages[0].contains(Self.casting) && messages[0].contains("exchanges[0].amount"))

        #expect(throws: InputIssues.self) { try OpenLCAImport.read(Data("not a zip".utf8), file: "x.zip") }
    }

    @Test("causal allocation is refused; stored physical factors are kept in product order")
    func allocation() throws {
        let coproduct: [String: Any] = [
            "@type": "Exchange", "internalId": 4, "amount": 0.5, "isInput": false, "isQuantitativeReference": false,
            "flow": ["@type": "Flow", "@id": "b55f8bd2-404d-4830-b053-4731e36668b9", "name": "liquid aluminium"],
            "unit": ["@type": "Unit", "name": "kg"],
        ]
        func with(method: String) throws -> [String: Data] {
            var files = try Self.files()
            files[Self.system] = nil
            files[Self.electrolysis] = nil
            return try Self.changing(files, Self.casting) { process in
                var exchanges = process["exchanges"] as! [[String: Any]]
                exchanges.remove(at: 1)
                exchanges.append(coproduct)
                process["exchanges"] = exchanges
                process["defaultAllocationMethod"] = method
                process["allocationFactors"] = [
                    ["allocationType": method, "value": 0.75, "product": ["@id": "6dbb1b3e-8f6a-4e0c-9b4e-5a0c2f0e3d11"]],
                    ["allocationType": method, "value": 0.25, "product": ["@id": "b55f8bd2-404d-4830-b053-4731e36668b9"]],
                ]
            }
        }
        let model = try OpenLCAImport.read(try Self.zipped(try with(method: "PHYSICAL_ALLOCATION")), file: "a.zip").model
        #expect(model.processes[0].allocation == .factors([0.75, 0.25]))
        let messages = try Self.refusal(try with(method: "CAUSAL_ALLOCATION"))
        #expect(messages.count == 1 && messages[0].contains("causal allocation"))
    }
}

import Accounting
import Footprint
import Foundation
import Intake
import Testing

@Suite("The product model template")
struct FootprintTemplateTests {
    /// Every kind of record: a co-product shared by stated factors, inputs (one of a co-product),
    /// emissions, a cited background factor, grid electricity, each distribution, a battery rating.
    static let model: ProductModel = {
        let kg = FlowUnit(parsing: "kg")!, kwh = FlowUnit(parsing: "kWh")!
        var model = ProductModel(
            name: "磷酸铁锂电芯 LFP cell", declaredUnit: DeclaredUnit(process: "cell", amount: 1, unit: .items),
            boundary: .cradleToGate,
            processes: [
                ProcessModel(
                    id: "cell", name: "电芯装配", stage: .production,
                    output: ProductOutput(product: "cell", amount: 1, unit: .items),
                    inputs: [
                        ProductInput(provider: "cathode", amount: 0.4, unit: kg, uncertainty: .lognormal(gsd: 1.1)),
                        ProductInput(provider: "cathode", product: "slag", amount: 0.01, unit: kg),
                    ],
                    emissions: [Emission(flow: "CO2", amount: 0.002, unit: kg, uncertainty: .normal(sd: 0.0002))],
                    background: [
                        BackgroundInput(factor: "al-foil", amount: 0.05, unit: kg, uncertainty: .triangular(min: 0.04, max: 0.06))
                    ],
                    electricity: [
                        ElectricityInput(
                            amount: 3.2, unit: kwh, province: "51", year: 2022, transmissionLoss: 0.05,
                            uncertainty: .uniform(min: 3, max: 3.5))
                    ]),
                ProcessModel(
                    id: "cathode", name: "正极材料", stage: .rawMaterial,
                    output: ProductOutput(product: "LFP", amount: 1, unit: kg),
                    coproducts: [ProductOutput(product: "slag", amount: 0.2, unit: kg)],
                    allocation: .factors([0.9, 0.1]),
                    emissions: [
                        Emission(
                            flow: "CH4_fossil", amount: 1e-5, unit: kg,
                            uncertainty: .pedigree(
                                PedigreeScores(
                                    reliability: 2, completeness: 3, temporal: 1, geographical: 2, technological: 4,
                                    basicGSD: 1.05)))
                    ]),
            ],
            cutOff: "质量占比低于 1% 的辅料", battery: BatteryRating(capacityKilowattHours: 0.32, cyclesPerYear: 250, years: 10))
        model.backgroundFactors = [
            BackgroundFactorEntry(
                id: "al-foil", name: "铝箔", value: 8.6, unit: "kgCO2e/kg", source: "illustrative value for the test",
                year: 2021)
        ]
        return model
    }()

    @Test("a model written to the template reads back the same", arguments: Templates.Format.allCases, [Language.zh, .en])
    func roundTrip(_ format: Templates.Format, _ language: Language) throws {
        let data = try FootprintTemplate.data(Self.model, format: format, language: language)
        let read = try FootprintModelFile.read(data, name: "model.\(format.rawValue)")
        #expect(read.model == Self.model)
    }

    @Test("a battery rated by its vehicle category reads back with the category and no cycles", arguments: [Language.zh, .en])
    func batteryByCategory(_ language: Language) throws {
        var model = Self.model
        model.battery = BatteryRating(capacityKilowattHours: 0.32, vehicleCategory: "L", years: 10)
        let data = try FootprintTemplate.data(model, format: .xlsx, language: language)
        let read = try FootprintModelFile.read(data, name: "model.xlsx")
        #expect(read.model.battery == model.battery)
        #expect(read.model.battery?.lifetimeEnergyKWh == 0.32 * 20 * 10)
    }

    @Test("the blank template is a product model template with its lists and instructions")
    func blank() throws {
        let data = try FootprintTemplate.data(nil, format: .xlsx, language: .zh)
        let file = try IntakeFile(data: data, name: "blank.xlsx")
        #expect(file.kind == .footprint && file.sheet == "产品模型")
        #expect(throws: InputIssues.self) { try FootprintModelFile.read(data, name: "blank.xlsx") }
    }

    static func messages(_ csv: String) -> [String] {
        do {
            _ = try FootprintModelFile.read(Data(csv.utf8), name: "m.csv")
            Issue.record("the file was accepted")
            return []
        } catch {
            return error.issues.map { $0.message(in: .en) }
        }
    }

    @Test("bad cells are named by row and column, all at once")
    func badCells() {
        let messages = Self.messages(
            """
            record,process,name,stage,flow,provider,amount,unit,boundary,distribution,gsd,pedigree
            model,,LFP,,,,1,item,cradle_to_moon,,,
            output,cell,,assembly,cell,,1,item,,,,
            input,cell,,,,cathode,lots,kg,,lognormal,,
            emission,nowhere,,,CO2,,1,kg,,,,
            emission,cell,,,CO2,,1,furlong,,pedigree,,1;2;3
            spaceship,cell,,,,,1,kg,,,,
            """)
        #expect(messages.count == 9, "\(messages)")
        #expect(messages.contains { $0.contains("row 2") && $0.contains("\"process\"") && $0.contains("must not be empty") })
        #expect(messages.contains { $0.contains("row 2") && $0.contains("cradle_to_moon") })
        #expect(messages.contains { $0.contains("row 3") && $0.contains("assembly") })
        #expect(messages.contains { $0.contains("row 4") && $0.contains("lots") })
        #expect(messages.contains { $0.contains("row 4") && $0.contains("gsd") })
        #expect(messages.contains { $0.contains("row 5") && $0.contains("process nowhere has no output row") })
        #expect(messages.contains { $0.contains("row 6") && $0.contains("furlong") })
        #expect(messages.contains { $0.contains("row 6") && $0.contains("1;2;3") })
        #expect(messages.contains { $0.contains("row 7") && $0.contains("spaceship") })
    }

    @Test("what the model's check finds is told at the row it came from")
    func checkedAtRow() throws {
        let csv = """
            record,process,name,stage,flow,provider,amount,unit,boundary
            model,cell,LFP cell,,,,1,item,cradle_to_gate
            output,cell,,production,cell,,1,item,
            input,cell,,,,cathode,0.4,kWh,
            output,cathode,,raw_material,LFP,,1,kg,
            input,cathode,,,,ghost,1,kg,
            """
        let imported = try FootprintModelFile.read(Data(csv.utf8), name: "m.csv")
        let factors = LibraryFactors(library: try FactorLibrary.standard(), gwp: .ar6)
        do {
            _ = try SystemMatrices.build(imported.model, factors: factors)
            Issue.record("the model was accepted")
        } catch {
            let messages = imported.issues(error).issues.map { $0.message(in: .en) }
            #expect(messages.count == 2)
            #expect(messages.contains { $0.contains("row 4") && $0.contains("kWh") })
            #expect(messages.contains { $0.contains("row 6") && $0.contains("ghost") })
        }
    }
}

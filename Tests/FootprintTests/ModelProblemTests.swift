import Accounting
import Foundation
import Testing

@testable import Footprint

/// Bad models are refused with every problem named by process and exchange, and nothing computed.
@Suite struct ModelProblemTests {
    private func problems(_ model: ProductModel, _ factors: FixedFactors = FixedFactors()) -> [FootprintProblem] {
        do {
            _ = try FootprintCalculation(SystemMatrices.build(model, factors: factors))
            return []
        } catch {
            return error.problems
        }
    }

    private func model(_ processes: [ProcessModel], declared: String = "a") -> ProductModel {
        ProductModel(
            name: "m", declaredUnit: DeclaredUnit(process: declared, amount: 1, unit: .kg), boundary: .cradleToGate,
            processes: processes)
    }

    private func process(_ id: String, output: Double = 1, inputs: [ProductInput] = [], emissions: [Emission] = [])
        -> ProcessModel
    {
        ProcessModel(
            id: id, name: id, stage: .production, output: ProductOutput(product: id, amount: output, unit: .kg),
            inputs: inputs, emissions: emissions)
    }

    @Test func productNobodyMakes_isSingularAndNamed() {
        // a and b each make 1 kg and each need 1 kg of the other: the loop has no way out
        // (det = 1 − 1 = 0), so nothing can deliver a.
        let found = problems(
            model([
                process("a", inputs: [ProductInput(provider: "b", amount: 1, unit: .kg)]),
                process("b", inputs: [ProductInput(provider: "a", amount: 1, unit: .kg)]),
            ]))
        #expect(found.map(\.kind) == [.singular])
        #expect(found.first?.message(.en).contains("no process can make product") == true)
    }

    @Test func zeroOutput_unknownProvider_unitMismatch_badUncertainty_areAllReported() {
        let found = problems(
            model([
                process(
                    "a",
                    inputs: [
                        ProductInput(provider: "nobody", amount: 1, unit: .kg),
                        ProductInput(provider: "b", amount: 1, unit: .kWh),
                        ProductInput(provider: "b", amount: 1, unit: .kg, uncertainty: .lognormal(gsd: 0.5)),
                    ]),
                process("b", output: 0),
            ]))
        #expect(
            found.map { "\($0.process ?? "") \($0.exchange ?? "") \($0.kind)" } == [
                "b output negativeOutput"
            ])
        // The outputs are checked first; with b mended, the exchanges' problems come all together.
        let second = problems(
            model([
                process(
                    "a",
                    inputs: [
                        ProductInput(provider: "nobody", amount: 1, unit: .kg),
                        ProductInput(provider: "b", amount: 1, unit: .kWh),
                        ProductInput(provider: "b", amount: 1, unit: .kg, uncertainty: .lognormal(gsd: 0.5)),
                        ProductInput(provider: "b", amount: .nan, unit: .kg),
                    ]),
                process("b"),
            ]))
        #expect(
            second.map { "\($0.process ?? "") \($0.exchange ?? "") \($0.kind)" } == [
                "a inputs[1] unknownProvider", "a inputs[2] unitMismatch", "a inputs[3].uncertainty badGSD",
                "a inputs[4] notFinite",
            ])
        #expect(second[1].message(.zh) == "过程 a · inputs[2]：计量单位 kWh（energy）与产品“b”的单位 kg（mass）不是同一种量")
    }

    @Test func negativeSpreadAndRanges_areRefused() {
        let found = problems(
            model([
                process(
                    "a",
                    emissions: [
                        Emission(flow: "CO2", amount: 1, unit: .kg, uncertainty: .normal(sd: -1)),
                        Emission(flow: "CO2", amount: 5, unit: .kg, uncertainty: .triangular(min: 1, max: 4)),
                        Emission(
                            flow: "CO2", amount: 1, unit: .kg,
                            uncertainty: .pedigree(
                                PedigreeScores(
                                    reliability: 6, completeness: 1, temporal: 1, geographical: 1, technological: 1))),
                        Emission(flow: "CO2", amount: 1, unit: .kWh),
                    ])
            ]))
        #expect(found.map(\.kind) == [.negativeSpread, .amountOutsideRange, .badPedigree, .unitMismatch])
    }

    @Test func allocationAndFactorProblems_areReported() {
        var multi = process("a")
        multi.coproducts = [ProductOutput(product: "x", amount: 1, unit: .kWh)]
        #expect(problems(model([multi])).map(\.kind) == [.allocationMissing])
        multi.allocation = .physical
        #expect(problems(model([multi])).map(\.kind) == [.allocationNotPhysical])
        multi.allocation = .factors([0.5, 0.6])
        #expect(problems(model([multi])).map(\.kind) == [.allocationFactors])
        multi.allocation = .economic
        #expect(problems(model([multi])).map(\.kind) == [.allocationPrices])
        var withFactors = process("a")
        withFactors.background = [BackgroundInput(factor: "missing", amount: 1, unit: .kg)]
        withFactors.electricity = [
            ElectricityInput(amount: 1, unit: .kWh, province: "99", year: 2022),
            ElectricityInput(amount: 1, unit: .kWh, province: "5x", year: 2022),
            ElectricityInput(amount: 1, unit: .kWh, province: "51", year: 2022, transmissionLoss: 1),
        ]
        #expect(problems(model([withFactors])).map(\.kind) == [.unknownFactor, .noGridFactor, .badProvince, .badLoss])
    }

    @Test func duplicateIdsAndABadDeclaredUnit_areRefused() {
        #expect(problems(model([process("a"), process("a")])).map(\.kind) == [.duplicateProcess])
        #expect(problems(model([process("a")], declared: "zz")).map(\.kind) == [.declaredUnit])
        #expect(problems(model([])).map(\.kind) == [.noProcesses])
    }

    @Test func gasWithoutAWarmingPotential_isKeptAndNoted() throws {
        let system = try SystemMatrices.build(
            model([process("a", emissions: [Emission(flow: "NF3", amount: 1, unit: .kg)])]), factors: FixedFactors())
        #expect(system.notes.map(\.kind) == [.noGWP])
        #expect(system.flows.map(\.kind) == [.other("NF3")])
    }

    @Test func everyMessage_existsInBothLanguages() {
        #expect(FootprintProblem.catalogue.gaps.isEmpty)
    }

    @Test func modelFile_roundTripsThroughJSON() throws {
        var model = MatrixMethodGoldenTests.heijungsSuh
        model.processes[0].inputs[0].uncertainty = .pedigree(
            PedigreeScores(
                reliability: 2, completeness: 3, temporal: 1, geographical: 4, technological: 2, basicGSD: 1.05))
        model.processes[1].coproducts = [ProductOutput(product: "gas", amount: 3, unit: .kg, price: 2)]
        model.processes[1].allocation = .factors([0.9, 0.1])
        let decoded = try ProductModel.decode(json: model.encodedJSON())
        #expect(decoded == model)
        #expect(throws: (any Error).self) {
            try ProductModel.decode(
                json: Data(#"{"name":"x","declared_unit":{"process":"a","amount":1,"unit":"furlong"}}"#.utf8))
        }
    }
}

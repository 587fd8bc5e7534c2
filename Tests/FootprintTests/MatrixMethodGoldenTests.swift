import Testing

@testable import Footprint

/// The matrix method against worked examples whose answers are known by hand.
@Suite struct MatrixMethodGoldenTests {
    /// Heijungs & Suh, *The Computational Structure of Life Cycle Assessment* (2002), ch. 2: electricity
    /// production (10 kWh from 2 L of fuel, emitting 1 kg CO2 and 0.1 kg SO2) and fuel production
    /// (100 L of fuel, taking 50 L of crude oil, emitting 10 kg CO2 and 2 kg SO2); 1,000 kWh delivered.
    /// Published: s = (100, 2); g = 120 kg CO2, 14 kg SO2, −100 L crude oil (taken from nature).
    static let heijungsSuh = ProductModel(
        name: "Heijungs & Suh 2002, chapter 2",
        declaredUnit: DeclaredUnit(process: "electricity", amount: 1000, unit: .kWh),
        boundary: .cradleToGate,
        processes: [
            ProcessModel(
                id: "electricity", name: "production of electricity", stage: .production,
                output: ProductOutput(product: "electricity", amount: 10, unit: .kWh),
                inputs: [ProductInput(provider: "fuel", amount: 2, unit: .litre)],
                emissions: [Emission(flow: "CO2", amount: 1, unit: .kg), Emission(flow: "SO2", amount: 0.1, unit: .kg)]),
            ProcessModel(
                id: "fuel", name: "production of fuel", stage: .rawMaterial,
                output: ProductOutput(product: "fuel", amount: 100, unit: .litre),
                emissions: [
                    Emission(flow: "CO2", amount: 10, unit: .kg), Emission(flow: "SO2", amount: 2, unit: .kg),
                    Emission(flow: "crude oil", amount: -50, unit: .litre),
                ]),
        ])

    @Test func heijungsSuhExample_reproducesThePublishedScalingAndInventory() throws {
        let system = try SystemMatrices.build(Self.heijungsSuh, factors: FixedFactors())
        let calculation = try FootprintCalculation(system)
        let result = calculation.result()
        #expect(result.scaling == [100, 2])
        func amount(_ kind: SystemMatrices.FlowKind) -> Double? {
            system.flows.firstIndex { $0.kind == kind }.map { result.inventory[$0] }
        }
        #expect(amount(.gas("CO2")) == 120)
        #expect(amount(.other("SO2")) == 14)
        #expect(amount(.other("crude oil")) == -100)
        // Only CO2 is characterised here (1 kg CO2e per kg): the footprint is its 120 kg.
        #expect(result.total == 120)
        #expect(result.byStage[.production] == 100)
        #expect(result.byStage[.rawMaterial] == 20)
        // Unit scores by one transposed solve: 0.12 kg CO2e per kWh, 0.1 per litre of fuel.
        #expect(abs(result.unitScores[0] - 0.12) < 1e-15)
        #expect(abs(result.unitScores[1] - 0.1) < 1e-15)
    }

    /// A loop: electricity (10 kWh) takes 2 L of fuel; fuel (100 L) takes 5 kWh of electricity. For
    /// 1,000 kWh, with d = 10·100 − 2·5 = 990: s_e = 1000·100/d, s_f = 1000·2/d (Cramer's rule), and
    /// the CO2 (1 kg a run of electricity, 10 kg a run of fuel) is s_e + 10 s_f.
    @Test func loop_isSolvedExactlyAgainstItsClosedForm() throws {
        var model = Self.heijungsSuh
        model.processes[1].inputs = [ProductInput(provider: "electricity", amount: 5, unit: .kWh)]
        let result = try FootprintCalculation(SystemMatrices.build(model, factors: FixedFactors())).result()
        let d = 10.0 * 100 - 2 * 5
        let runsOfElectricity = 1000 * 100 / d
        let runsOfFuel = 1000 * 2 / d
        #expect(abs(result.scaling[0] - runsOfElectricity) <= 1e-12 * runsOfElectricity)
        #expect(abs(result.scaling[1] - runsOfFuel) <= 1e-12 * runsOfFuel)
        let co2 = runsOfElectricity * 1 + runsOfFuel * 10
        #expect(abs(result.total - co2) <= 1e-12 * co2)
    }

    /// Physical allocation: a refinery makes 60 kg of petrol and 40 kg of diesel emitting 10 kg CO2:
    /// petrol carries 6 kg, so 1 kg of petrol carries 0.1 kg.
    @Test func physicalAllocation_sharesBurdensByMass() throws {
        let model = ProductModel(
            name: "refinery", declaredUnit: DeclaredUnit(process: "refinery", amount: 1, unit: .kg),
            boundary: .cradleToGate,
            processes: [
                ProcessModel(
                    id: "refinery", name: "refinery", stage: .production,
                    output: ProductOutput(product: "petrol", amount: 60, unit: .kg),
                    coproducts: [ProductOutput(product: "diesel", amount: 40, unit: .kg)], allocation: .physical,
                    emissions: [Emission(flow: "CO2", amount: 10, unit: .kg)])
            ])
        let result = try FootprintCalculation(SystemMatrices.build(model, factors: FixedFactors())).result()
        #expect(abs(result.total - 0.1) < 1e-15)
    }

    /// Substitution: a CHP plant makes 10 kWh and 20 MJ of heat from 5 kg CO2; the heat displaces a
    /// boiler's (0.05 kg CO2 per MJ): 1 kWh carries (5 − 20 × 0.05) / 10 = 0.4 kg.
    @Test func substitution_creditsTheDisplacedProduct() throws {
        let model = ProductModel(
            name: "chp", declaredUnit: DeclaredUnit(process: "chp", amount: 1, unit: .kWh), boundary: .cradleToGate,
            processes: [
                ProcessModel(
                    id: "chp", name: "CHP", stage: .production,
                    output: ProductOutput(product: "electricity", amount: 10, unit: .kWh),
                    coproducts: [
                        ProductOutput(product: "heat", amount: 20, unit: FlowUnit(parsing: "MJ")!, displaces: "boiler")
                    ],
                    allocation: .substitution, emissions: [Emission(flow: "CO2", amount: 5, unit: .kg)]),
                ProcessModel(
                    id: "boiler", name: "boiler", stage: .production,
                    output: ProductOutput(product: "heat", amount: 1, unit: FlowUnit(parsing: "MJ")!),
                    emissions: [Emission(flow: "CO2", amount: 0.05, unit: .kg)]),
            ])
        let result = try FootprintCalculation(SystemMatrices.build(model, factors: FixedFactors())).result()
        #expect(abs(result.total - 0.4) < 1e-15)
    }

    /// Grid electricity from the factor library's province and year, with losses: 100 kWh at
    /// 0.5 kg/kWh with 10 % lost is 100 × 0.5 / 0.9 kg; a background factor of 2 kg CO2e per kg for
    /// 3 t of steel adds 6,000 kg.
    @Test func gridAndBackgroundFactors_areCharacterisedFromTheirSets() throws {
        let factors = FixedFactors(grids: ["51-2022": 0.5], backgrounds: ["steel": (2, .kg)])
        let model = ProductModel(
            name: "part", declaredUnit: DeclaredUnit(process: "part", amount: 1, unit: .items), boundary: .cradleToGate,
            processes: [
                ProcessModel(
                    id: "part", name: "part", stage: .production,
                    output: ProductOutput(product: "part", amount: 1, unit: .items),
                    background: [BackgroundInput(factor: "steel", amount: 3, unit: FlowUnit(parsing: "t")!)],
                    electricity: [
                        ElectricityInput(amount: 100, unit: .kWh, province: "51", year: 2022, transmissionLoss: 0.1)
                    ])
            ])
        let result = try FootprintCalculation(SystemMatrices.build(model, factors: factors)).result()
        #expect(abs(result.total - (100 * 0.5 / 0.9 + 6000)) < 1e-9)
    }
}

extension MatrixMethodGoldenTests {
    /// A model may carry its own cited background factors: 2.1 t CO2e per t of steel for 3 t is
    /// 6,300 kg, used before any factor set's factor of the same id; an uncited one is refused.
    @Test func modelsOwnBackgroundFactors_areUsedAndMustBeCited() throws {
        var model = ProductModel(
            name: "part", declaredUnit: DeclaredUnit(process: "part", amount: 1, unit: .items), boundary: .cradleToGate,
            processes: [
                ProcessModel(
                    id: "part", name: "part", stage: .production,
                    output: ProductOutput(product: "part", amount: 1, unit: .items),
                    background: [BackgroundInput(factor: "steel", amount: 3, unit: FlowUnit(parsing: "t")!)])
            ])
        model.backgroundFactors = [
            BackgroundFactorEntry(
                id: "steel", value: 2.1, unit: "tCO2e/t", source: "a cited study, table 4", year: 2023)
        ]
        let factors = FixedFactors(backgrounds: ["steel": (99, .kg)])
        let result = try FootprintCalculation(SystemMatrices.build(model, factors: factors)).result()
        #expect(abs(result.total - 6300) < 1e-9)
        model.backgroundFactors?[0].source = " "
        #expect(throws: FootprintProblems.self) { try SystemMatrices.build(model, factors: factors) }
    }
}

extension MatrixMethodGoldenTests {
    /// A pack rated 60 kWh for 300 cycles a year over 8 years delivers 60 × 300 × 8 = 144,000 kWh.
    /// Its 5,000 kg of material and 2,000 kg of assembly and 100 kg of recycling give 7,100 kg, so
    /// 7,100 / 144,000 kg CO2e per kWh; the use stage's 900 kg lies outside the battery rules' stages.
    @Test func batteryDeclaration_isPerKilowattHourOfLifetimeEnergy_byTheRulesStages() throws {
        func process(_ id: String, _ stage: LifeCycleStage, _ co2: Double) -> ProcessModel {
            ProcessModel(
                id: id, name: id, stage: stage, output: ProductOutput(product: id, amount: 1, unit: .items),
                emissions: [Emission(flow: "CO2", amount: co2, unit: .kg)])
        }
        var pack = process("pack", .production, 2000)
        pack.inputs = ["material", "use", "recycling"].map { ProductInput(provider: $0, amount: 1, unit: .items) }
        let model = ProductModel(
            name: "pack", declaredUnit: DeclaredUnit(process: "pack", amount: 1, unit: .items),
            boundary: .cradleToGrave,
            processes: [
                pack, process("material", .rawMaterial, 5000), process("use", .use, 900),
                process("recycling", .endOfLife, 100),
            ], battery: BatteryRating(capacityKilowattHours: 60, cyclesPerYear: 300, years: 8))
        let calculation = try FootprintCalculation(SystemMatrices.build(model, factors: FixedFactors()))
        let summary = calculation.summary(of: model, result: calculation.result(), gwpSet: "test", language: .en)
        let stages = try #require(summary.batteryStages)
        #expect(stages.map(\.stage) == BatteryStage.allCases)
        #expect(stages.map(\.co2eKg) == [5000, 2000, 0, 100])
        #expect(abs(stages.map(\.perLifetimeKilowattHour).reduce(0, +) - 7100.0 / 144_000) < 1e-15)
        // The whole footprint, use included, per kWh: 8,000 / 144,000.
        #expect(abs((summary.perLifetimeKilowattHour ?? 0) - 8000.0 / 144_000) < 1e-15)
    }
}

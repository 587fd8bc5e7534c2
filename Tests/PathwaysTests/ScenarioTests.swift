import Accounting
import Pathways
import Testing

/// Two areas, three carriers, 2020 → 2025. The expected figures were worked out year by year in
/// plain Python from the rules of `ScenarioSet.run` (growth, elasticity × GDP growth, intensity
/// steps, straight-line mix and factor paths, the lever's ramp).
enum ScenarioFixture {
    static let base = PlanBase(
        year: 2020, gdp: 1000,
        areas: [
            .industry: AreaBase(activity: 400, energy: ["coal": 100, "oil": 10, "electricity": 40]),
            .transport: AreaBase(activity: 100, energy: ["coal": 0, "oil": 45, "electricity": 5]),
        ],
        carriers: [
            CarrierSpec(id: "coal", nameZh: "煤炭", nameEn: "coal", emissionFactor: 2.66, isCoal: true),
            CarrierSpec(id: "oil", nameZh: "石油", nameEn: "oil", emissionFactor: 2.1),
            CarrierSpec(id: "electricity", nameZh: "电力", nameEn: "electricity", emissionFactor: 5.0, equivalentFactor: 2.5),
        ])

    static let baseline = ScenarioDefinition(
        id: "baseline", name: "基准情景", horizon: 2025, gdpGrowth: YearPath([2021: 0.05]),
        areas: [
            .industry: AreaDrivers(
                activityGrowth: YearPath([2021: 0.04]), intensityChange: YearPath([2021: -0.03]),
                mix: [2025: ["coal": 0.5, "oil": 0.05, "electricity": 0.45]]),
            .transport: AreaDrivers(activityElasticity: YearPath([2021: 1.2]), intensityChange: YearPath([2023: -0.02])),
        ],
        emissionFactors: ["electricity": YearPath([2025: 4.0])])

    static let policy = ScenarioDefinition(
        id: "policy", name: "政策情景", parent: "baseline",
        areas: [.industry: AreaDrivers(intensityChange: YearPath([2023: -0.05]))],
        levers: [Lever(id: "boiler", name: "燃煤锅炉改造", area: .industry, startYear: 2024, rampYears: 2, energySaved: ["coal": 5])])
}

@Suite("Scenarios")
struct ScenarioTests {
    @Test("the baseline by hand: GDP, activity, energy at both bases, coal and CO2")
    func baselineByHand() throws {
        let plan = try ScenarioSet(base: ScenarioFixture.base, scenarios: [ScenarioFixture.baseline])
        let result = try #require(plan.run("baseline"))
        #expect(result.years.map(\.year) == Array(2020...2025))
        let y2023 = try #require(result.year(2023))
        expectClose(y2023.gdp, 1157.625)
        expectClose(y2023.activity[.industry], 449.9456)
        expectClose(y2023.activity[.transport], 119.1016)
        expectClose(y2023.totalEnergy, 212.35473422080003)
        expectClose(y2023.totalEnergyEquivalent, 308.1158486955521)
        expectClose(y2023.coal, 87.26380512512)
        expectClose(y2023.totalCO2, 641.6463815950336)
        let y2025 = try #require(result.year(2025))
        expectClose(y2025.totalEnergy, 219.69354710525616)
        expectClose(y2025.totalCO2, 651.1959643154181)
        expectClose(y2025.carbonIntensity, 651.1959643154181 / 1276.2815625000003)
        // The base year is the base year's figures: 200 tce, 100·2.66 + 55·2.1 + 45·5.0 t.
        expectClose(result.years[0].totalEnergy, 200)
        expectClose(result.years[0].totalCO2, 266 + 115.5 + 225)
    }

    @Test("a child scenario overrides the years it gives and adds its lever")
    func inheritance() throws {
        let plan = try ScenarioSet(base: ScenarioFixture.base, scenarios: [ScenarioFixture.baseline, ScenarioFixture.policy])
        let resolved = try #require(plan.resolved("policy"))
        #expect(resolved.horizon == 2025, "the horizon is inherited")
        #expect(resolved.areas[.industry]?.intensityChange == YearPath([2021: -0.03, 2023: -0.05]))
        #expect(resolved.areas[.industry]?.activityGrowth == YearPath([2021: 0.04]))
        let result = try #require(plan.run("policy"))
        expectClose(result.year(2023)?.totalCO2, 631.220235515136)
        expectClose(result.year(2025)?.totalCO2, 607.1785162091079)
        expectClose(result.year(2025)?.coal, 68.61091977005978)
        expectClose(result.year(2025)?.leverCO2["boiler"], 13.3)
        expectClose(result.year(2024)?.leverCO2["boiler"], 2.5 * 2.66)
        // A grandchild that removes the lever gets the policy's intensities without it.
        let enhanced = ScenarioDefinition(id: "enhanced", name: "强化情景", parent: "policy", removedLevers: ["boiler"])
        let three = try ScenarioSet(
            base: ScenarioFixture.base, scenarios: [ScenarioFixture.baseline, ScenarioFixture.policy, enhanced])
        #expect(three.resolved("enhanced")?.levers == [])
    }

    @Test("the scenario against its baseline decomposes exactly, by area and carrier")
    func againstBaseline() throws {
        let plan = try ScenarioSet(base: ScenarioFixture.base, scenarios: [ScenarioFixture.baseline, ScenarioFixture.policy])
        let baseline = try #require(plan.run("baseline")), policy = try #require(plan.run("policy"))
        let effects = LMDI.decompose(
            from: try #require(baseline.snapshot(2025)), to: try #require(policy.snapshot(2025)), form: .additive)
        expectClose(effects.explained, 607.1785162091079 - 651.1959643154181, relative: 1e-9)
        expectClose(effects.effects[.activity], 0, relative: 1e-9)
        #expect((effects.effects[.intensity] ?? 0) < 0)
    }

    @Test("bad input is refused with the field named, and nothing runs")
    func badInput() {
        func problems(_ scenarios: [ScenarioDefinition], base: PlanBase = ScenarioFixture.base) -> [String] {
            do {
                _ = try ScenarioSet(base: base, scenarios: scenarios)
                return []
            } catch { return error.problems.map { "\($0.scenario ?? "-") \($0.field) \($0.kind.rawValue)" } }
        }
        var late = ScenarioFixture.baseline
        late.areas[.industry]?.intensityChange = YearPath([2030: -0.02])
        #expect(problems([late]) == ["baseline areas.industry.intensity_change[2030] yearOutsideHorizon"])
        var noBase = ScenarioFixture.base
        noBase.gdp = 0
        #expect(problems([ScenarioFixture.baseline], base: noBase) == ["- base.gdp missingBase"])
        var negative = ScenarioFixture.base
        negative.areas[.transport]?.activity = -1
        #expect(problems([ScenarioFixture.baseline], base: negative) == ["- base.areas.transport.activity negativeBaseValue"])
        var a = ScenarioFixture.policy, b = ScenarioFixture.baseline
        a.parent = "baseline"
        b.parent = "policy"
        #expect(problems([b, a]).allSatisfy { $0.hasSuffix("parent inheritanceCycle") } && problems([b, a]).count == 2)
        var orphan = ScenarioFixture.policy
        orphan.parent = "nowhere"
        #expect(problems([ScenarioFixture.baseline, orphan]) == ["policy parent unknownParent"])
        var shares = ScenarioFixture.baseline
        shares.areas[.industry]?.mix = [2025: ["coal": 0.5, "oil": 0.4]]
        #expect(problems([shares]) == ["baseline areas.industry.mix[2025] sharesDoNotSumToOne"])
        var tooFar = ScenarioFixture.baseline
        tooFar.horizon = 2070
        #expect(problems([tooFar]) == ["baseline horizon horizonTooLate"])
    }

    @Test("a problem reads with its scenario and field, in both languages")
    func messages() {
        let problem = ScenarioProblem(
            scenario: "policy", field: "areas.industry.intensity_change[2065]", .yearOutsideHorizon,
            ["year": "2065", "base": "2020", "horizon": "2060"])
        #expect(problem.text(.en) == "policy: areas.industry.intensity_change[2065]: the year 2065 is outside the horizon 2020–2060")
        #expect(ScenarioProblem.catalogue.gaps == [] && PlanningArea.names.gaps == [])
    }

    @Test("a plan may hold at most 50 scenarios, 100 carriers and 500 levers a scenario: the work one plan asks is bounded")
    func bounds() {
        func kinds(_ base: PlanBase, _ scenarios: [ScenarioDefinition]) -> [ScenarioProblem.Kind] {
            do { _ = try ScenarioSet(base: base, scenarios: scenarios) } catch { return error.problems.map(\.kind) }
            return []
        }
        let many = (0...50).map { ScenarioDefinition(id: "s\($0)", name: "", parent: $0 == 0 ? nil : "s0", horizon: 2030) }
        #expect(kinds(ScenarioFixture.base, many) == [.tooManyScenarios])
        var wide = ScenarioFixture.base
        wide.carriers += (0...100).map { CarrierSpec(id: "c\($0)", nameZh: "", nameEn: "", emissionFactor: 1) }
        #expect(kinds(wide, [ScenarioFixture.baseline]) == [.tooManyCarriers])
        var parent = ScenarioFixture.baseline
        parent.levers = (0..<300).map { Lever(id: "a\($0)", name: "", area: .industry, startYear: 2022, co2Avoided: 1) }
        var child = ScenarioDefinition(id: "child", name: "", parent: parent.id)
        child.levers = (0..<201).map { Lever(id: "b\($0)", name: "", area: .industry, startYear: 2022, co2Avoided: 1) }
        // The parent's 300 are within bounds; the child's 300 inherited and 201 of its own are not.
        #expect(kinds(ScenarioFixture.base, [parent, child]) == [.tooManyLevers])
    }

    @Test("figures no plan can mean are refused by field, so that no run can overflow")
    func outOfRange() {
        var scenario = ScenarioFixture.baseline
        scenario.gdpGrowth = YearPath([2022: 1e300])
        scenario.areas[.industry] = AreaDrivers(activityElasticity: YearPath([2022: 1e6]))
        scenario.emissionFactors = ["coal": YearPath([2025: 1e9])]
        scenario.levers = [Lever(id: "l", name: "", area: .industry, startYear: 2022, co2Avoided: -5)]
        var base = ScenarioFixture.base
        base.gdp = 1e300
        do {
            _ = try ScenarioSet(base: base, scenarios: [scenario])
            Issue.record("a plan of figures out of range ran")
        } catch {
            let fields = Set(error.problems.filter { $0.kind == .outOfRange }.map(\.field))
            #expect(
                fields == [
                    "base.gdp", "gdp_growth[2022]", "areas.industry.activity_elasticity[2022]",
                    "emission_factors.coal[2025]", "levers.l.co2_avoided",
                ], "\(error.problems)")
        }
        #expect(ScenarioProblem.catalogue.gaps == [])
    }
}

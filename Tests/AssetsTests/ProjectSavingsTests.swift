import Accounting
import Assets
import Testing

/// Savings by hand from the bundled factors (each value's row id in factors.csv is named).
@Suite("A project's savings come from the factor library")
struct ProjectSavingsTests {
    let catalog = ItemCatalog.bundled
    let calculator = ProjectSavingsCalculator(library: try! FactorLibrary.standard())

    func project(region: String, year: Int, savings: [ProjectSaving]) -> ReductionProject {
        ReductionProject(
            code: "P1", name: "余热利用", unitCode: "U1", region: RegionCode(region)!, type: .efficiency,
            firstYear: year, lifetimeYears: 10, capex: Money(100, .tenThousandYuan), savings: savings)
    }

    func electricity(_ mwh: Double) -> ProjectSaving {
        ProjectSaving(item: catalog.item(code: "electricity")!, quantity: PhysicalQuantity(mwh, .energy(.megawattHour)))
    }

    @Test("electricity in Sichuan 2022 and Zhejiang 2023: each province's grid factor of the year")
    func twoProvinces() throws {
        // 1000 MWh × 0.1404 tCO2/MWh (GRID-083, Sichuan 2022) = 140.4 t; market-based × 0.5856 (GRID-006) = 585.6 t.
        let sichuan = try calculator.savings(of: project(region: "510104", year: 2022, savings: [electricity(1000)]))
        #expect(abs(sichuan.avoidedLocationBased.value(in: .tonneCO2e) - 140.4) < 1e-9)
        #expect(abs(sichuan.avoidedMarketBased.value(in: .tonneCO2e) - 585.6) < 1e-9)
        // 当量值 1000 MWh × 0.1229 tce/MWh (STDCOAL-034) = 122.9 tce; 等价值 at the previous year's
        // coal rate, 2021 → the latest earlier, 2020: 305.5 gce/kWh (EQV-001) = 305.5 tce.
        #expect(abs(sichuan.energyCalorific.value(in: .tonneCoalEquivalent) - 122.9) < 1e-9)
        #expect(abs(sichuan.energyEquivalent.value(in: .tonneCoalEquivalent) - 305.5) < 1e-9)

        // 1000 MWh × 0.4974 (GRID-101, Zhejiang 2023) = 497.4 t; × 0.6096 (GRID-008) = 609.6 t.
        let zhejiang = try calculator.savings(of: project(region: "330106", year: 2023, savings: [electricity(1000)]))
        #expect(abs(zhejiang.avoidedLocationBased.value(in: .tonneCO2e) - 497.4) < 1e-9)
        #expect(abs(zhejiang.avoidedMarketBased.value(in: .tonneCO2e) - 609.6) < 1e-9)
        #expect(zhejiang.lines[0].factors.contains { $0.entry?.id == "GRID-101" })
    }

    @Test("a fuel and a gas: NCV × carbon content × oxidation × 44/12, and mass × GWP")
    func fuelAndGas() throws {
        let gas = ProjectSaving(
            item: catalog.item(code: "natural_gas")!, quantity: PhysicalQuantity(10, .volume(.tenThousandNormalCubicMetres)))
        let methane = ProjectSaving(item: catalog.item(code: "ch4")!, quantity: PhysicalQuantity(100, .mass(.tonne)))
        let savings = try calculator.savings(of: project(region: "510104", year: 2022, savings: [gas, methane]))
        // 10 × 389.31 GJ (FUEL15-081) × 0.0153 tC/GJ (FUEL15-082) × 0.99 (FUEL15-083) × 44/12 = 216.2188809 t;
        // 100 t CH4 × 28 (GWP-007, AR5) = 2800 t.
        #expect(abs(savings.avoidedLocationBased.value(in: .tonneCO2e) - (216.2188809 + 2800)) < 1e-6)
        // 100 000 Nm³ × 1.33 kgce/Nm³ (STDCOAL-028) = 133 tce on both bases; the gas saves no energy.
        #expect(abs(savings.energyCalorific.value(in: .tonneCoalEquivalent) - 133) < 1e-9)
        #expect(abs(savings.energyEquivalent.value(in: .tonneCoalEquivalent) - 133) < 1e-9)
    }

    @Test("a fuel switch: coal saved, electricity used, the net of both")
    func fuelSwitch() throws {
        let diesel = ProjectSaving(item: catalog.item(code: "diesel")!, quantity: PhysicalQuantity(100, .mass(.tonne)))
        let savings = try calculator.savings(
            of: project(region: "510104", year: 2022, savings: [diesel, electricity(-200)]))
        // Diesel: 100 × 42.652 × 0.0202 × 0.98 × 44/12 = 309.6019 t (FUEL15-045..047); electricity −200 × 0.1404.
        let diesel100 = 100 * 42.652 * 0.0202 * 0.98 * 44 / 12
        #expect(abs(savings.avoidedLocationBased.value(in: .tonneCO2e) - (diesel100 - 28.08)) < 1e-9)
        // 100 t × 1.4571 (STDCOAL-018) − 200 MWh × 0.1229 = 145.71 − 24.58.
        #expect(abs(savings.energyCalorific.value(in: .tonneCoalEquivalent) - (145.71 - 24.58)) < 1e-9)
    }

    @Test("bad projects are refused with the field named: wrong unit, negative lifetime, repeated item")
    func refusals() {
        var bad = project(
            region: "510104", year: 2022,
            savings: [
                ProjectSaving(item: catalog.item(code: "electricity")!, quantity: PhysicalQuantity(5, .mass(.tonne))),
                electricity(10),
            ])
        bad.lifetimeYears = -3
        bad.capex = Money(-1, .tenThousandYuan)
        let problems = bad.problems
        #expect(problems.map(\.field) == ["lifetime_years", "capex", "savings[1].unit", "savings[2].item"])
        #expect(problems[2].message(.zh) == "savings[1].unit：计量单位 t 不适用于 electricity")
        #expect(problems[0].message(.en) == "lifetime_years: the lifetime must be 1 to 60 years")
    }

    @Test("a saving whose factor the library lacks names the saving and the factor")
    func missingFactor() {
        // NF3 has no GWP in the SAR set (factors.csv has AR4, AR5 and AR6 only).
        let sar = ProjectSavingsCalculator(library: try! FactorLibrary.standard(), options: CalculationOptions(gwp: .sar))
        let nf3 = ProjectSaving(item: catalog.item(code: "nf3")!, quantity: PhysicalQuantity(1, .mass(.tonne)))
        #expect(throws: ProjectProblems.self) { try sar.savings(of: project(region: "510104", year: 2022, savings: [electricity(1), nf3])) }
        do {
            _ = try sar.savings(of: project(region: "510104", year: 2022, savings: [electricity(1), nf3]))
        } catch {
            #expect(error.problems.map(\.field) == ["savings[2].item"])
            #expect(error.problems[0].message(.en) == "savings[2].item: the factor library has no global warming potential for nf3, so the savings cannot be computed")
        }
    }

    @Test("stages move one step forward, or to closed")
    func stages() {
        #expect(ProjectStage.planned.canMove(to: .approved))
        #expect(!ProjectStage.planned.canMove(to: .operating))
        #expect(ProjectStage.building.canMove(to: .closed))
        #expect(!ProjectStage.closed.canMove(to: .planned))
    }

    @Test("the catalogue has every message in both languages")
    func catalogue() {
        #expect(ProjectProblem.catalogue.gaps.isEmpty)
        #expect(LedgerProblem.catalogue.gaps.isEmpty)
    }
}

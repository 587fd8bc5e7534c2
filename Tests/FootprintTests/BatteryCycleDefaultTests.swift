import Accounting
import Testing

@testable import Footprint

/// A battery model that names its vehicle category takes its cycles a year from the battery rules'
/// table (`Data/battery-cycles.csv`); one that contradicts the table, or names a category it lacks,
/// is refused at `battery`.
@Suite struct BatteryCycleDefaultTests {
    /// Expected values: the draft delegated act on EV battery carbon footprints (European Commission,
    /// Ares(2024)3131389, 29 April 2024), functional unit, "FEqC per year": categories M1 and N1 60,
    /// category L 20, categories M2, M3, N2 and N3 250 — as two secondary pages report its table.
    @Test func theTableHoldsTheDraftActsCyclesWithTheirSource() throws {
        let table = BatteryCycleDefaults.bundled
        let cycles = Dictionary(uniqueKeysWithValues: table.entries.map { ($0.vehicleCategory, $0.cyclesPerYear) })
        #expect(cycles == ["M1": 60, "N1": 60, "L": 20, "M2": 250, "M3": 250, "N2": 250, "N3": 250])
        for entry in table.entries {
            #expect(entry.source.contains("Ares(2024)3131389"), "\(entry.vehicleCategory) names its document")
            #expect(["V", "S", "U"].contains(entry.grade))
        }
        // Typed in lower case or with spaces, a category is still found.
        #expect(table.entry(for: " m1 ")?.cyclesPerYear == 60)
        // The page in Chinese shows the source in Chinese.
        let source = try #require(table.entries.first?.source)
        #expect(ReferenceTexts.bundled.holds(source))
    }

    private func pack(_ rating: BatteryRating) -> ProductModel {
        var pack = ProcessModel(
            id: "pack", name: "pack", stage: .production, output: ProductOutput(product: "pack", amount: 1, unit: .items),
            emissions: [Emission(flow: "CO2", amount: 2000, unit: .kg)])
        pack.inputs = [ProductInput(provider: "cells", amount: 1, unit: .items)]
        let cells = ProcessModel(
            id: "cells", name: "cells", stage: .rawMaterial,
            output: ProductOutput(product: "cells", amount: 1, unit: .items),
            emissions: [Emission(flow: "CO2", amount: 5200, unit: .kg)])
        return ProductModel(
            name: "pack", declaredUnit: DeclaredUnit(process: "pack", amount: 1, unit: .items), boundary: .cradleToGate,
            processes: [pack, cells], battery: rating)
    }

    private func problems(_ model: ProductModel) -> [FootprintProblem] {
        do {
            _ = try SystemMatrices.build(model, factors: FixedFactors())
            return []
        } catch {
            return error.problems
        }
    }

    /// A 60 kWh passenger-car pack (M1) with an 8-year warranty: 60 kWh × 60 cycles × 8 years =
    /// 28,800 kWh of lifetime energy; 7,200 kg CO2e / 28,800 kWh = 0.25 kg CO2e per kWh.
    @Test func aPassengerCarPack_takesSixtyCyclesAYearFromTheRules() throws {
        let model = pack(BatteryRating(capacityKilowattHours: 60, vehicleCategory: "M1", years: 8))
        let calculation = try FootprintCalculation(SystemMatrices.build(model, factors: FixedFactors()))
        let summary = calculation.summary(of: model, result: calculation.result(), gwpSet: "test", language: .en)
        let basis = try #require(summary.batteryBasis)
        #expect(basis.cyclesPerYear == 60)
        #expect(basis.lifetimeEnergyKWh == 28_800)
        #expect(basis.vehicleCategory == "M1")
        #expect(basis.cyclesSource?.contains("Ares(2024)3131389") == true)
        #expect(basis.cyclesGrade == "S")
        #expect(abs((summary.perLifetimeKilowattHour ?? 0) - 0.25) < 1e-15)
    }

    @Test func statedCycles_areUsedAndCarryNoRulesSource() throws {
        let model = pack(BatteryRating(capacityKilowattHours: 60, cyclesPerYear: 300, years: 8))
        let calculation = try FootprintCalculation(SystemMatrices.build(model, factors: FixedFactors()))
        let summary = calculation.summary(of: model, result: calculation.result(), gwpSet: "test", language: .en)
        #expect(summary.batteryBasis?.lifetimeEnergyKWh == 144_000)
        #expect(summary.batteryBasis?.cyclesSource == nil)
    }

    @Test func aCategoryTheRulesLack_isRefusedNamingTheField() {
        let found = problems(pack(BatteryRating(capacityKilowattHours: 60, vehicleCategory: "X9", years: 8)))
        #expect(found.map(\.kind) == [.unknownVehicleCategory])
        #expect(found.first?.exchange == "battery.vehicle_category")
        #expect(found.first?.message(.en).contains("M1, N1, L, M2, M3, N2, N3") == true)
    }

    @Test func cyclesThatContradictTheRules_areRefused() {
        let found = problems(pack(BatteryRating(capacityKilowattHours: 60, cyclesPerYear: 300, vehicleCategory: "M1", years: 8)))
        #expect(found.map(\.kind) == [.cyclesAgainstRules])
        #expect(found.first?.exchange == "battery.cycles_per_year")
        #expect(found.first?.message(.zh).contains("每年 60 次") == true)
        // The same cycles the rules give are accepted.
        #expect(problems(pack(BatteryRating(capacityKilowattHours: 60, cyclesPerYear: 60, vehicleCategory: "M1", years: 8))).isEmpty)
    }

    @Test func neitherCyclesNorCategory_isABadRating() {
        #expect(problems(pack(BatteryRating(capacityKilowattHours: 60, years: 8))).map(\.kind) == [.badRating])
        #expect(problems(pack(BatteryRating(capacityKilowattHours: 60, vehicleCategory: "N3", years: 0))).map(\.kind) == [.badRating])
    }
}

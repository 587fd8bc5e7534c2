import Accounting
import Pathways
import Testing

@Suite("Carrier factors of regional statistics")
struct CarrierFactorsTests {
    /// Expected by hand from the bundled entries: one tce is 29,307 kJ (STDCOAL-037); coal as
    /// bituminous coal 0.0261 tC/GJ × 0.93 (FUEL15-006/007), oil as crude oil 0.0201 × 0.98
    /// (FUEL15-034/035), gas 0.0153 × 0.99 (FUEL15-082/083), each × 44/12 × 29.307 GJ; electricity
    /// 2022 0.5366 tCO2/MWh (GRID-002) ÷ 0.1229 tce/MWh (STDCOAL-034), its 等价值 ratio 305.5 gce/kWh
    /// (EQV-001, the latest year up to 2022) ÷ 122.9; heat 0.11 tCO2/GJ (HEAT-001) × 29.307.
    @Test("derived from the bundled library for 2022, each with the entries it used")
    func bundled2022() throws {
        let factors = try CarrierFactors.derived(from: FactorLibrary.standard(), year: 2022).get()
        expectClose(factors.emission[.coal], 2.608352307, relative: 1e-9)
        expectClose(factors.emission[.oil], 2.116727382, relative: 1e-9)
        expectClose(factors.emission[.gas], 1.627681473, relative: 1e-9)
        expectClose(factors.emission[.electricity], 4.366151342554923)
        expectClose(factors.equivalent[.electricity], 2.4857607811228643)
        expectClose(factors.emission[.heat], 3.22377)
        #expect(factors.emission[.other] == 0)
        #expect(factors.basis[.electricity] == ["GRID-002", "STDCOAL-034", "EQV-001", "STDCOAL-037"])
        #expect(Set(factors.emission.keys) == Set(RegionalCarrier.allCases), "every carrier has a rule")
        let specs = factors.specs()
        #expect(specs.map(\.id) == RegionalCarrier.allCases.map(\.rawValue) && specs.filter(\.isCoal).map(\.id) == ["coal"])
    }

    /// `item-carriers.csv` follows the energy balance sheet's groups; every energy item of the
    /// bundled catalogue must be counted under one, and a process gas under none.
    @Test("every energy item of the catalogue is counted under a carrier")
    func itemCarriers() {
        for item in ItemCatalog.bundled.items {
            let carrier = RegionalCarrier(item: item.code)
            #expect((carrier != nil) == (item.kind != .gas), "\(item.code)")
        }
        #expect(RegionalCarrier(item: "coke_oven_gas") == .coal && RegionalCarrier(item: "lpg") == .oil)
        #expect(RegionalCarrier(item: "lng") == .gas && RegionalCarrier(item: "green_electricity") == .electricity)
    }
}

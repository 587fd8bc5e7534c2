@testable import Footprint

/// Characterisation factors written into the test, so an expected value can be worked by hand.
struct FixedFactors: FootprintFactors {
    var gases: [String: Double] = ["CO2": 1, "CH4": 27.9, "N2O": 273]
    var grids: [String: Double] = [:]
    var backgrounds: [String: (Double, FlowUnit)] = [:]

    var gwpSetName: String { "test" }

    func warmingPotential(of flow: String) -> CitedFactor? {
        gases[flow].map { CitedFactor(value: $0, id: "test-\(flow)", source: "test") }
    }

    func gridElectricity(province: String, year: Int) -> CitedFactor? {
        grids["\(province)-\(year)"].map { CitedFactor(value: $0, id: "grid-\(province)", source: "test", year: year) }
    }

    func background(_ id: String) -> (factor: CitedFactor, unit: FlowUnit)? {
        backgrounds[id].map { (CitedFactor(value: $0.0, id: id, source: "test"), $0.1) }
    }
}

extension FlowUnit {
    static let kWh = FlowUnit(parsing: "kWh")!
    static let kg = FlowUnit(parsing: "kg")!
    static let litre = FlowUnit.litres
}

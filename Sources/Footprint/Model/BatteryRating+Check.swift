import Accounting
import Foundation

extension BatteryRating {
    /// What is wrong with the rating, each problem placed at the model's `battery`: a vehicle
    /// category the rules' table lacks, cycles that contradict the rules' default for the category
    /// named, or a capacity, cycles or years that are not a number above 0.
    public var problems: [FootprintProblem] {
        let defaults = BatteryCycleDefaults.bundled
        if let category = vehicleCategory {
            guard let entry = defaults.entry(for: category) else {
                return [
                    FootprintProblem(
                        process: nil, exchange: "battery.vehicle_category", kind: .unknownVehicleCategory,
                        arguments: ["category": category, "known": defaults.categories.joined(separator: ", ")])
                ]
            }
            if let stated = cyclesPerYear, stated != entry.cyclesPerYear {
                return [
                    FootprintProblem(
                        process: nil, exchange: "battery.cycles_per_year", kind: .cyclesAgainstRules,
                        arguments: ["category": entry.vehicleCategory, "default": String(format: "%g", entry.cyclesPerYear)])
                ]
            }
        }
        let figures = [capacityKilowattHours, cycles ?? .nan, years]
        guard figures.allSatisfy({ $0.isFinite && $0 > 0 && $0 <= Plausible.largestAmount }) else {
            return [FootprintProblem(process: nil, exchange: "battery", kind: .badRating)]
        }
        return []
    }
}

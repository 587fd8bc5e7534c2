import Accounting

/// A unit's base year for its carbon-peak plan, made from what its inventory and economic records
/// hold: each descendant's energy placed in an area by its industry code (`industry-areas.csv`),
/// each item counted under its carrier (`item-carriers.csv`), and each area's activity.
///
/// The carriers' factors are the unit's own — its inventory's CO2e (scope 1 and location-based
/// scope 2) per tce and 等价值 per 当量值 of each carrier — so the plan's base year reproduces the
/// inventory's energy-related emissions; a carrier the unit does not use takes the regional factor
/// of the year, so that a scenario may still shift energy to it. Process emissions (items that are
/// not energy) are outside a plan, as they are in a region's.
public enum UnitPlanBase {
    /// Energy of one area and carrier in the base year.
    public struct Cell: Sendable, Equatable {
        public let area: PlanningArea
        public let carrier: RegionalCarrier
        /// tce at 当量值, tce at 等价值, t CO2e.
        public let energy: Double
        public let equivalent: Double
        public let co2: Double

        public init(area: PlanningArea, carrier: RegionalCarrier, energy: Double, equivalent: Double, co2: Double) {
            self.area = area
            self.carrier = carrier
            self.energy = energy
            self.equivalent = equivalent
            self.co2 = co2
        }
    }

    /// An area's economy in the base year, in 万元 at constant prices.
    public struct Economy: Sendable, Equatable {
        public var valueAdded: Double?
        public var outputValue: Double?

        public init(valueAdded: Double? = nil, outputValue: Double? = nil) {
            self.valueAdded = valueAdded
            self.outputValue = outputValue
        }

        /// The activity an area is projected on: value added, else output value.
        var activity: Double? {
            if let valueAdded, valueAdded > 0 { return valueAdded }
            if let outputValue, outputValue > 0 { return outputValue }
            return nil
        }
    }

    /// One year of a unit: its energy by area and carrier, and each area's economy.
    public struct Year: Sendable, Equatable {
        public var cells: [Cell]
        public var economy: [PlanningArea: Economy]

        public init(cells: [Cell], economy: [PlanningArea: Economy]) {
            self.cells = cells
            self.economy = economy
        }

        public var energy: Double { cells.map(\.energy).sorted().reduce(0, +) }
        public var co2: Double { cells.map(\.co2).sorted().reduce(0, +) }
    }

    /// Rows for LMDI over a unit's years (areas as sectors, carriers within them, each area's
    /// activity), of the areas with activity in every year they use energy; and the change in CO2
    /// of the areas left out, from the first year to the last.
    public static func decompositionRows(_ years: [Int: Year]) -> (rows: [DecompositionRow], excluded: Double) {
        var used: Set<PlanningArea> = []
        var lacking: Set<PlanningArea> = []
        for year in years.values {
            for cell in year.cells where cell.energy > 0 {
                used.insert(cell.area)
                if year.economy[cell.area]?.activity == nil { lacking.insert(cell.area) }
            }
        }
        var rows: [DecompositionRow] = []
        var excluded: [Int: Double] = [:]
        for (number, year) in years.sorted(by: { $0.key < $1.key }) {
            var sums: [PlanningArea: [RegionalCarrier: (energy: Double, co2: Double)]] = [:]
            for cell in year.cells {
                var sum = sums[cell.area]?[cell.carrier] ?? (0, 0)
                sum.energy += cell.energy
                sum.co2 += cell.co2
                sums[cell.area, default: [:]][cell.carrier] = sum
            }
            for (area, byCarrier) in sums.sorted(by: { $0.key < $1.key }) {
                guard !lacking.contains(area) else {
                    excluded[number, default: 0] += byCarrier.values.map(\.co2).sorted().reduce(0, +)
                    continue
                }
                for (carrier, sum) in byCarrier.sorted(by: { $0.key < $1.key }) {
                    rows.append(
                        DecompositionRow(
                            year: number, sector: area.rawValue, carrier: carrier.rawValue,
                            activity: year.economy[area]?.activity ?? 0, energy: StandardCoal(sum.energy, .tonneCoalEquivalent),
                            co2: Emissions(sum.co2, .tonneCO2e)))
                }
            }
        }
        let ordered = years.keys.sorted()
        let change = ordered.last.map { (excluded[$0] ?? 0) - (excluded[ordered.first!] ?? 0) } ?? 0
        return (rows, change)
    }

    /// The base year of `unit` (its code, for messages), or the problems that stop it: no energy
    /// in the year, or an area with energy but no activity.
    public static func make(
        unit: String, year: Int, _ figures: Year, regional: CarrierFactors
    ) throws(ScenarioProblems) -> PlanBase {
        let cells = figures.cells, economy = figures.economy
        var energy: [PlanningArea: [String: Double]] = [:]
        var byCarrier: [RegionalCarrier: (energy: Double, equivalent: Double, co2: Double)] = [:]
        for cell in cells where cell.energy > 0 {
            energy[cell.area, default: [:]][cell.carrier.rawValue, default: 0] += cell.energy
            var sum = byCarrier[cell.carrier] ?? (0, 0, 0)
            sum.energy += cell.energy
            sum.equivalent += cell.equivalent
            sum.co2 += cell.co2
            byCarrier[cell.carrier] = sum
        }
        var problems: [ScenarioProblem] = []
        var areas: [PlanningArea: AreaBase] = [:]
        for area in energy.keys.sorted() {
            guard let activity = economy[area]?.activity else {
                problems.append(
                    .init(
                        scenario: nil, field: "base_year", .noUnitActivity,
                        ["area": area.rawValue, "year": "\(year)"]))
                continue
            }
            areas[area] = AreaBase(activity: activity, energy: energy[area]!)
        }
        // The economy's growth drives elasticities: the unit's whole value added, else its output value.
        let valueAdded = economy.keys.sorted().compactMap { economy[$0]?.valueAdded }.reduce(0, +)
        let outputValue = economy.keys.sorted().compactMap { economy[$0]?.outputValue }.reduce(0, +)
        let gdp = valueAdded > 0 ? valueAdded : outputValue
        if energy.isEmpty {
            problems.append(.init(scenario: nil, field: "base_year", .noUnitInventory, ["year": "\(year)", "unit": unit]))
        }
        // With no problem, some area has energy and a positive activity, so `gdp` is positive.
        guard problems.isEmpty else { throw ScenarioProblems(problems) }
        let carriers = regional.specs().map { spec -> CarrierSpec in
            guard let carrier = RegionalCarrier(rawValue: spec.id), let own = byCarrier[carrier], own.energy > 0 else {
                return spec
            }
            var unit = spec
            unit.emissionFactor = own.co2 / own.energy
            unit.equivalentFactor = own.equivalent / own.energy
            return unit
        }
        return PlanBase(year: year, gdp: gdp, areas: areas, carriers: carriers)
    }
}

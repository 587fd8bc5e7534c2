import Accounting

/// A unit's history from its stored inventories and economic records: each year, each child's
/// energy (tce, 当量值), CO2 (scope 1 + location-based scope 2, t) and value added (万元 at
/// constant prices), so the change of a group or a supervisor can be decomposed by child.
public struct UnitHistory: Sendable, Equatable {
    public struct Child: Sendable, Equatable {
        public let key: String
        public let name: String
        public let energy: Double
        public let co2: Double
        public let valueAdded: Double?

        public init(key: String, name: String, energy: Double, co2: Double, valueAdded: Double?) {
            self.key = key
            self.name = name
            self.energy = energy
            self.co2 = co2
            self.valueAdded = valueAdded
        }
    }

    public let unitCode: String
    public let years: [Int: [Child]]

    public init(unitCode: String, years: [Int: [Child]]) {
        self.unitCode = unitCode
        self.years = years
    }

    /// The children LMDI can take: those with value added in every year they use energy (LMDI
    /// sums the children's activity, so it must be one measure).
    public var decomposableChildren: Set<String> {
        var keys = Set(years.values.flatMap { $0.filter { $0.energy > 0 || $0.co2 > 0 }.map(\.name) })
        for children in years.values {
            for child in children where (child.energy > 0 || child.co2 > 0) && (child.valueAdded ?? 0) <= 0 {
                keys.remove(child.name)
            }
        }
        return keys
    }

    /// Rows for a decomposition by child (children as sectors, no carriers).
    public func decompositionRows() -> [DecompositionRow] {
        let keep = decomposableChildren
        return years.sorted { $0.key < $1.key }.flatMap { year, children in
            children.filter { keep.contains($0.name) }.map { child in
                DecompositionRow(
                    year: year, sector: child.name, activity: child.valueAdded ?? 0,
                    energy: StandardCoal(child.energy, .tonneCoalEquivalent), co2: Emissions(child.co2, .tonneCO2e))
            }
        }
    }

    /// The change in CO2 of each child left out of the decomposition (every child with energy or
    /// CO2 in some year that is not decomposable), from one year to another.
    public func excludedChanges(from: Int, to: Int) -> [String: Double] {
        let excluded = Set(years.values.flatMap { $0.filter { $0.energy > 0 || $0.co2 > 0 }.map(\.name) })
            .subtracting(decomposableChildren)
        func co2(_ year: Int, _ name: String) -> Double {
            (years[year] ?? []).filter { $0.name == name }.map(\.co2).reduce(0, +)
        }
        return Dictionary(uniqueKeysWithValues: excluded.map { ($0, co2(to, $0) - co2(from, $0)) })
    }
}

extension UnitHistory {
    /// The name of the group of children whose industry code has no area.
    public static let unassigned = "unassigned"

    /// The same years with the children summed into the six areas (设定的六大领域), each child by its
    /// GB/T 4754 industry code (`industries` by child key; `industry-areas.csv`); children without
    /// a code that maps fall under `unassigned`. An area's value added is the sum of its children's,
    /// or nil when none of them gives one.
    public func byArea(industries: [String: String?]) -> UnitHistory {
        var grouped: [Int: [Child]] = [:]
        for (year, children) in years {
            var sums: [String: (energy: Double, co2: Double, valueAdded: Double?)] = [:]
            for child in children {
                let area = industries[child.key].flatMap { $0 }.flatMap(PlanningArea.init(industryCode:))
                let key = area?.rawValue ?? Self.unassigned
                var sum = sums[key] ?? (0, 0, nil)
                sum.energy += child.energy
                sum.co2 += child.co2
                if let added = child.valueAdded { sum.valueAdded = (sum.valueAdded ?? 0) + added }
                sums[key] = sum
            }
            grouped[year] = sums.keys.sorted().map { key in
                Child(key: key, name: key, energy: sums[key]!.energy, co2: sums[key]!.co2, valueAdded: sums[key]!.valueAdded)
            }
        }
        return UnitHistory(unitCode: unitCode, years: grouped)
    }
}

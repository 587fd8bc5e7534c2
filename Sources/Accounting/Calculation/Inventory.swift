/// An enterprise GHG inventory and its energy figures: the lines and their totals.
public struct Inventory: Sendable {
    public let lines: [InventoryLine]
    public let options: CalculationOptions
    /// The factor sets used, by name and fingerprint.
    public let libraryVersion: String

    public var scope1: Emissions { lines.filter { $0.scope == .scope1 }.sum(\.locationBased) }
    public var scope2LocationBased: Emissions { lines.filter { $0.scope == .scope2 }.sum(\.locationBased) }
    public var scope2MarketBased: Emissions { lines.filter { $0.scope == .scope2 }.sum(\.marketBased) }

    /// Scope 1 plus the scope-2 figure the options chose.
    public var total: Emissions {
        scope1 + (options.scope2 == .location ? scope2LocationBased : scope2MarketBased)
    }

    /// 综合能耗 at 当量值 (electricity 0.1229 kgce/kWh).
    public var energyCalorific: StandardCoal { lines.sum(\.energyCalorific) }
    /// 综合能耗 at 等价值 (electricity at the year's coal rate of power supply).
    public var energyEquivalent: StandardCoal { lines.sum(\.energyEquivalent) }

    /// A subtotal: emissions under the chosen method and energy both ways.
    public struct Subtotal: Sendable {
        public let emissions: Emissions
        public let energyCalorific: StandardCoal
        public let energyEquivalent: StandardCoal
    }

    public var byGas: [(gas: String, subtotal: Subtotal)] {
        grouped(by: \.gas).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
    public var byItem: [(item: String, subtotal: Subtotal)] {
        grouped(by: \.record.item.code).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
    public var byPeriod: [(period: Period, subtotal: Subtotal)] {
        grouped(by: \.record.period).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
    public var byUnit: [(unit: String, subtotal: Subtotal)] {
        grouped(by: \.record.unitCode).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    private func grouped<Key: Hashable>(by key: (InventoryLine) -> Key) -> [Key: Subtotal] {
        Dictionary(grouping: lines, by: key).mapValues { lines in
            Subtotal(
                emissions: lines.sum { $0.emissions(options.scope2) },
                energyCalorific: lines.sum(\.energyCalorific),
                energyEquivalent: lines.sum(\.energyEquivalent))
        }
    }

    /// Library factors of grade U that entered this inventory, by entry id, with the rows using them.
    public var unverifiedFactors: [(entry: FactorEntry, rows: [Int])] {
        var rows: [String: [Int]] = [:]
        var entries: [String: FactorEntry] = [:]
        for line in lines {
            for use in line.factors {
                guard let entry = use.entry, entry.grade == .unverified else { continue }
                entries[entry.id] = entry
                if let row = line.record.sourceRow, rows[entry.id]?.last != row {
                    rows[entry.id, default: []].append(row)
                }
            }
        }
        return entries.keys.sorted().map { (entries[$0]!, rows[$0, default: []]) }
    }
}

/// An enterprise GHG inventory and its energy figures: the lines and their totals.
public struct Inventory: Sendable {
    public let lines: [InventoryLine]
    public let options: CalculationOptions
    /// The factor sets used, by name and fingerprint.
    public let libraryVersion: String
    public let scope1: Emissions
    public let scope2LocationBased: Emissions
    public let scope2MarketBased: Emissions
    /// 综合能耗 at 当量值 (electricity 0.1229 kgce/kWh).
    public let energyCalorific: StandardCoal
    /// 综合能耗 at 等价值 (electricity at the year's coal rate of power supply).
    public let energyEquivalent: StandardCoal

    /// Sums the totals once: an inventory never changes, and a province has millions of lines.
    public init(lines: [InventoryLine], options: CalculationOptions, libraryVersion: String) {
        self.lines = lines
        self.options = options
        self.libraryVersion = libraryVersion
        var scope1 = 0.0, location = 0.0, market = 0.0, calorific = 0.0, equivalent = 0.0
        for line in lines {
            if line.scope == .scope1 {
                scope1 += line.locationBased.baseValue
            } else {
                location += line.locationBased.baseValue
                market += line.marketBased.baseValue
            }
            calorific += line.energyCalorific.baseValue
            equivalent += line.energyEquivalent.baseValue
        }
        self.scope1 = Emissions(scope1, .base)
        self.scope2LocationBased = Emissions(location, .base)
        self.scope2MarketBased = Emissions(market, .base)
        self.energyCalorific = StandardCoal(calorific, .base)
        self.energyEquivalent = StandardCoal(equivalent, .base)
    }

    /// Scope 1 plus the scope-2 figure the options chose.
    public var total: Emissions {
        scope1 + (options.scope2 == .location ? scope2LocationBased : scope2MarketBased)
    }

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

import Accounting

/// The climate section of a listed company's sustainability report (可持续发展报告·应对气候变化), as
/// one data model: the basis, the company's narrative by the four parts of the MoF climate standard
/// (2025) and the exchanges' guidelines (2024), and the metrics — the GHG inventory report (Scope 1,
/// Scope 2 both ways, Scope 3 by category, gases, intensities, energy by carrier), energy in GJ,
/// reductions by project, carbon assets surrendered and retired, targets and their progress,
/// product footprints — with an index to GRI 305/302 and IFRS S2. Every figure is the stored data's.
public struct ClimateDisclosure: Sendable, Codable, Equatable {
    public struct Basis: Sendable, Codable, Equatable {
        public let unitCode: String
        public let unitName: String
        public let year: Int
        /// The frameworks the section is laid out for, and those it is indexed to.
        public let frameworks: [String]
        public let indexedTo: [String]

        public init(unitCode: String, unitName: String, year: Int) {
            self.unitCode = unitCode
            self.unitName = unitName
            self.year = year
            frameworks = [
                "上海/深圳/北京证券交易所上市公司自律监管指引——可持续发展报告(试行)(2024)",
                "企业可持续披露准则——基本准则(财政部,2024)", "企业可持续披露准则第1号——气候(试行)(财政部,2025)",
            ]
            indexedTo = ["GRI 305: Emissions 2016", "GRI 302: Energy 2016", "IFRS S2 Climate-related Disclosures (2023)"]
        }
    }

    /// A reduction project's yearly savings in the report's year, planned and (when measured) verified.
    public struct Reduction: Sendable, Codable, Equatable {
        public let unitCode: String
        public let code: String
        public let name: String
        public let stage: String
        public let firstYear: Int
        public let plannedT: Double
        public let verifiedT: Double?
        public let plannedTce: Double
        /// The measure (措施) of the unit's list the project carries out, by its title.
        public let measure: String?

        public init(
            unitCode: String, code: String, name: String, stage: String, firstYear: Int, plannedT: Double,
            verifiedT: Double?, plannedTce: Double, measure: String? = nil
        ) {
            self.measure = measure
            self.unitCode = unitCode
            self.code = code
            self.name = name
            self.stage = stage
            self.firstYear = firstYear
            self.plannedT = plannedT
            self.verifiedT = verifiedT
            self.plannedTce = plannedTce
        }
    }

    /// Carbon assets used in the year: allowances surrendered for compliance, credits and
    /// certificates surrendered or retired, by instrument (tonnes, or MWh for certificates).
    public struct AssetUse: Sendable, Codable, Equatable {
        public let instrument: String
        public let action: String
        public let quantity: Int64

        public init(instrument: String, action: String, quantity: Int64) {
            self.instrument = instrument
            self.action = action
            self.quantity = quantity
        }
    }

    /// A product's footprint as computed now, per its declared unit.
    public struct ProductFootprint: Sendable, Codable, Equatable {
        public let modelId: Int64
        public let unitCode: String
        public let name: String
        public let declaredUnit: String
        /// kg CO2e per declared unit.
        public let footprintKg: Double

        public init(modelId: Int64, unitCode: String, name: String, declaredUnit: String, footprintKg: Double) {
            self.modelId = modelId
            self.unitCode = unitCode
            self.name = name
            self.declaredUnit = declaredUnit
            self.footprintKg = footprintKg
        }
    }

    /// The base year and its emissions: the base year of the unit's reduction target when it has
    /// one, else the first year an inventory covers the unit.
    public struct BaseYear: Sendable, Codable, Equatable {
        public let year: Int
        /// `target` or `first_inventory`.
        public let chosenBy: String
        public let scope1T: Double
        public let scope2LocationT: Double
        public let scope2MarketT: Double

        public init(year: Int, chosenBy: String, scope1T: Double, scope2LocationT: Double, scope2MarketT: Double) {
            self.year = year
            self.chosenBy = chosenBy
            self.scope1T = scope1T
            self.scope2LocationT = scope2LocationT
            self.scope2MarketT = scope2MarketT
        }
    }

    public let basis: Basis
    public let baseYear: BaseYear?
    /// Scope 1, 2 and 3, gases, facilities, energy by carrier, intensities, factors: the inventory report.
    public let inventory: GHGInventoryReport
    /// Energy consumed within the organisation in GJ: tce (calorific) × the heat of standard coal.
    public let energyGJ: Double
    /// Green power (the inventory's `green_power` source) as a share of energy at 当量值; nil without energy.
    public let greenPowerShare: Double?
    /// The heat of standard coal used, with its factor's id and source (GB/T 2589: 29,307 kJ/kgce).
    public let standardCoalHeat: GHGInventoryReport.Factor
    public let targets: [SupervisorReport.TargetLine]
    public let reductions: [Reduction]
    public let assetUse: [AssetUse]
    public let footprints: [ProductFootprint]
    public var narrative: ClimateNarrative
    public let index: [DisclosureIndexEntry]

    public init(
        basis: Basis, inventory: GHGInventoryReport, targets: [SupervisorReport.TargetLine], reductions: [Reduction],
        assetUse: [AssetUse], footprints: [ProductFootprint], narrative: ClimateNarrative,
        standardCoalHeat: GHGInventoryReport.Factor, gigajoulesPerTce: Double, baseYear: BaseYear?
    ) {
        self.basis = basis
        self.baseYear = baseYear
        let green = inventory.bySource.first { $0.key == ActivityCategory.greenPower.rawValue }?.tceCalorific ?? 0
        greenPowerShare = inventory.total.tceCalorific > 0 ? green / inventory.total.tceCalorific : nil
        self.inventory = inventory
        energyGJ = inventory.total.tceCalorific * gigajoulesPerTce
        self.standardCoalHeat = standardCoalHeat
        self.targets = targets
        self.reductions = reductions.sorted { ($0.unitCode, $0.code) < ($1.unitCode, $1.code) }
        self.assetUse = assetUse.sorted { ($0.instrument, $0.action) < ($1.instrument, $1.action) }
        self.footprints = footprints.sorted { $0.modelId < $1.modelId }
        self.narrative = narrative
        index = DisclosureIndex.entries
    }

    /// Planned reductions of the year, tCO2e (verified where measured).
    public var reductionsT: Double { reductions.reduce(0) { $0 + ($1.verifiedT ?? $1.plannedT) } }
}

import Accounting

/// An enterprise's greenhouse gas inventory report (温室气体排放报告) as one data model, from which
/// every rendering — the print-ready page, the workbook, JSON — is drawn, so that no number is
/// typed twice. Its structure follows the reporting parts of GB/T 32150-2015 and ISO 14064-1:2018:
/// the basis (who, which year, boundary and consolidation, GWP set, factors and their sources, data
/// status), emissions by scope with Scope 2 both location- and market-based, by gas, by facility and
/// by source type, energy by carrier at both standard-coal bases, and intensities with their
/// denominators. Every figure is the stored inventory's, in tonnes (tCO2e, tce) or 万元.
public struct GHGInventoryReport: Sendable, Codable, Equatable {
    public struct Basis: Sendable, Codable, Equatable {
        public let unitCode: String
        public let unitName: String
        public let year: Int
        /// The inventory the figures are from, and its version (a recalculation is a new version).
        public let inventoryId: Int64
        public let inventoryVersion: Int
        public let computedAt: String
        /// `control`: the unit and every unit below it counted in full (GB/T 32150's operational control).
        public let consolidation: ConsolidationApproach
        public let gwpSet: String
        /// The Scope 2 method of the headline total (both are reported).
        public let scope2Method: Scope2Method
        public let factorLibrary: String
        public let records: Int
        /// Records not yet approved in review: the report says so on its face.
        public let unapprovedRecords: Int
        /// The inventory was computed before its data last changed.
        public let stale: Bool
        public let standards: [String]

        public init(
            unitCode: String, unitName: String, year: Int, inventoryId: Int64, inventoryVersion: Int,
            computedAt: String, consolidation: ConsolidationApproach, gwpSet: String, scope2Method: Scope2Method,
            factorLibrary: String, records: Int, unapprovedRecords: Int, stale: Bool
        ) {
            self.unitCode = unitCode
            self.unitName = unitName
            self.year = year
            self.inventoryId = inventoryId
            self.inventoryVersion = inventoryVersion
            self.computedAt = computedAt
            self.consolidation = consolidation
            self.gwpSet = gwpSet
            self.scope2Method = scope2Method
            self.factorLibrary = factorLibrary
            self.records = records
            self.unapprovedRecords = unapprovedRecords
            self.stale = stale
            standards = ["GB/T 32150-2015", "ISO 14064-1:2018"]
        }
    }

    /// One part of the whole — a gas, a facility, a source type, a carrier — in tonnes.
    public struct Part: Sendable, Codable, Equatable {
        public let key: String
        public internal(set) var name: String
        public let scope1T: Double
        public let scope2LocationT: Double
        public let scope2MarketT: Double
        public let tceCalorific: Double
        public let tceEquivalent: Double

        public init(key: String, name: String, _ figures: IndicatorFigures) {
            self.key = key
            self.name = name
            scope1T = figures.scope1.value(in: .tonneCO2e)
            scope2LocationT = figures.scope2LocationBased.value(in: .tonneCO2e)
            scope2MarketT = figures.scope2MarketBased.value(in: .tonneCO2e)
            tceCalorific = figures.energyCalorific.value(in: .tonneCoalEquivalent)
            tceEquivalent = figures.energyEquivalent.value(in: .tonneCoalEquivalent)
        }

        public var totalLocationT: Double { scope1T + scope2LocationT }
        public var totalMarketT: Double { scope1T + scope2MarketT }
    }

    /// An intensity and its denominator: per 万元 of output value or value added at constant prices.
    public struct Intensity: Sendable, Codable, Equatable {
        public let base: EconomicBase
        public let denominatorTenThousandYuan: Double
        public let co2eLocationTPerTenThousandYuan: Double
        public let co2eMarketTPerTenThousandYuan: Double
        public let tceCalorificPerTenThousandYuan: Double
    }

    /// A factor the inventory used, with where it comes from.
    public struct Factor: Sendable, Codable, Equatable {
        public let id: String
        public let kind: String
        public let item: String
        public let value: Double
        public let unit: String
        public let grade: String
        public let source: String
        public let year: Int?

        public init(
            id: String, kind: String, item: String, value: Double, unit: String, grade: String, source: String,
            year: Int?
        ) {
            self.id = id
            self.kind = kind
            self.item = item
            self.value = value
            self.unit = unit
            self.grade = grade
            self.source = source
            self.year = year
        }
    }

    public let basis: Basis
    public let total: Part
    public let byGas: [Part]
    public let byFacility: [Part]
    public internal(set) var bySource: [Part]
    public internal(set) var byCarrier: [Part]
    public let intensities: [Intensity]
    public let factors: [Factor]
    /// By the city (or province) each unit is registered in; nil in a report issued before it was
    /// gathered, or when the inventory keeps no per-unit summaries.
    public var byRegion: [Part]?
    /// The value chain's emissions, beside Scope 1 and 2 and never in their totals; nil in a report
    /// issued before Scope 3 was gathered.
    public var scope3: Scope3Summary?

    /// The report of an inventory's figures. Parts are listed largest first (by the headline total).
    /// - Parameter totals: the inventory's totals, with the economic denominators of the year.
    public init(
        basis: Basis, totals: IndicatorFigures, byGas: [Part], byFacility: [Part], bySource: [Part],
        byCarrier: [Part], factors: [Factor]
    ) {
        self.basis = basis
        total = Part(key: "total", name: basis.unitName, totals)
        func ordered(_ parts: [Part]) -> [Part] {
            parts.sorted { a, b in
                let (x, y) =
                    basis.scope2Method == .market ? (a.totalMarketT, b.totalMarketT) : (a.totalLocationT, b.totalLocationT)
                return x != y ? x > y : a.key < b.key
            }
        }
        self.byGas = ordered(byGas)
        self.byFacility = ordered(byFacility)
        self.bySource = ordered(bySource)
        self.byCarrier = byCarrier.filter { $0.tceCalorific != 0 || $0.tceEquivalent != 0 }
            .sorted { $0.tceCalorific != $1.tceCalorific ? $0.tceCalorific > $1.tceCalorific : $0.key < $1.key }
        intensities = EconomicBase.allCases.compactMap { base in
            guard let location = totals.carbonIntensity(per: base, method: .location),
                let market = totals.carbonIntensity(per: base, method: .market),
                let energy = totals.energyIntensity(per: base),
                let money = base == .outputValue ? totals.outputValue : totals.valueAdded
            else { return nil }
            return Intensity(
                base: base, denominatorTenThousandYuan: money.value(in: .tenThousandYuan),
                co2eLocationTPerTenThousandYuan: location.value, co2eMarketTPerTenThousandYuan: market.value,
                tceCalorificPerTenThousandYuan: energy.value)
        }
        self.factors = factors.sorted { $0.id < $1.id }
    }
}

extension GHGInventoryReport {
    /// The report with its sources, carriers and regions named in `language` from their codes. An
    /// issued report keeps the names of the language it was made in; a reader of the other language
    /// sees the same figures under names of their own. Facilities keep the names they were given.
    public func named(in language: Language) -> GHGInventoryReport {
        func renamed(_ parts: [Part], _ name: (String) -> String?) -> [Part] {
            parts.map { part in
                var renamed = part
                if let name = name(part.key) { renamed.name = name }
                return renamed
            }
        }
        var copy = self
        copy.bySource = renamed(bySource) { ActivityCategory(rawValue: $0)?.name(in: language) }
        copy.byCarrier = renamed(byCarrier) { ItemCatalog.bundled.item(code: $0)?.name(in: language) }
        copy.byRegion = byRegion.map { renamed($0) { AdministrativeDivisions.bundled.name(ofPrefix: $0, language) } }
        return copy
    }
}

import Foundation
import Accounting
import Persistence

/// The indicators response: totals, last year and the change, breakdowns, and the inventories used.
struct IndicatorsBody: Codable {
    struct Subject: Codable {
        let kind: String
        let id: Int64?
        let code: String
        let name: String?
        let level: String
    }

    /// One set of figures. Intensities are per 万元 at constant prices, energy at 当量值.
    struct Figures: Codable {
        let energyTceCalorific: Double
        let energyTceEquivalent: Double
        let co2eT: Double
        let scope1: Double
        let scope2Location: Double
        let scope2Market: Double
        let outputValue: Double?
        let valueAdded: Double?
        let energyPerOutput: Double?
        let energyPerValueAdded: Double?
        let carbonPerOutput: Double?
        let carbonPerValueAdded: Double?

        init(figures f: IndicatorFigures, method: Scope2Method) {
            energyTceCalorific = f.energyCalorific.value(in: .tonneCoalEquivalent)
            energyTceEquivalent = f.energyEquivalent.value(in: .tonneCoalEquivalent)
            co2eT = f.emissions(method).value(in: .tonneCO2e)
            scope1 = f.scope1.value(in: .tonneCO2e)
            scope2Location = f.scope2LocationBased.value(in: .tonneCO2e)
            scope2Market = f.scope2MarketBased.value(in: .tonneCO2e)
            outputValue = f.outputValue?.value(in: .tenThousandYuan)
            valueAdded = f.valueAdded?.value(in: .tenThousandYuan)
            energyPerOutput = f.energyIntensity(per: .outputValue)?.value
            energyPerValueAdded = f.energyIntensity(per: .valueAdded)?.value
            carbonPerOutput = f.carbonIntensity(per: .outputValue, method: method)?.value
            carbonPerValueAdded = f.carbonIntensity(per: .valueAdded, method: method)?.value
        }

        /// The API's names, each with its unit; a missing economic figure leaves its key out.
        enum CodingKeys: String, CodingKey {
            case energyTceCalorific = "energy_tce_calorific", energyTceEquivalent = "energy_tce_equivalent"
            case co2eT = "co2e_t", scope1 = "scope1_co2e_t", scope2Location = "scope2_location_co2e_t"
            case scope2Market = "scope2_market_co2e_t", outputValue = "output_value_10k_cny"
            case valueAdded = "value_added_10k_cny", energyPerOutput = "energy_intensity_tce_per_10k_cny_output"
            case energyPerValueAdded = "energy_intensity_tce_per_10k_cny_value_added"
            case carbonPerOutput = "carbon_intensity_t_per_10k_cny_output"
            case carbonPerValueAdded = "carbon_intensity_t_per_10k_cny_value_added"
        }
    }

    /// A month, scope, item, category or child: its key and name beside its figures, in one object.
    struct Keyed: Codable {
        let key: String
        let name: String?
        let figures: Figures

        init(key: String, name: String?, figures: Figures) {
            (self.key, self.name, self.figures) = (key, name, figures)
        }

        enum Keys: String, CodingKey { case key, name }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            key = try c.decode(String.self, forKey: .key)
            name = try c.decodeIfPresent(String.self, forKey: .name)
            figures = try Figures(from: decoder)
        }

        func encode(to encoder: any Encoder) throws {
            try figures.encode(to: encoder)
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(key, forKey: .key)
            try c.encodeIfPresent(name, forKey: .name)
        }
    }

    /// Relative change from last year, as a fraction (−0.05 is 5 % down).
    struct Changes: Codable {
        let energyTceCalorific: Double?
        let co2eT: Double?
        let energyIntensityPerOutput: Double?
        let carbonIntensityPerOutput: Double?
        let energyIntensityPerValueAdded: Double?
        let carbonIntensityPerValueAdded: Double?
    }

    struct InventoryRef: Codable {
        let id: Int64
        let unitId: Int64
        let version: Int
        let stale: Bool
        let computedAt: String
        /// Its records outside approved periods when it was computed (nil: computed before review existed).
        let unapprovedRecords: Int?
    }

    let subject: Subject
    let year: Int
    let approach: String?
    let scope2: String
    let totals: Figures
    let previousYear: Figures?
    let yearOnYear: Changes?
    let byMonth: [Keyed]
    let byScope: [Keyed]
    let byItem: [Keyed]
    let byCategory: [Keyed]
    let byChild: [Keyed]
    let inventories: [InventoryRef]
    /// Whether every figure rests on approved data only: true when every inventory behind them
    /// counted no record outside an approved period; nil when that is not known.
    let approvedOnly: Bool?
    let uncoveredRootIds: [Int64]

    init(subject: Subject, approach: String?, method: Scope2Method, rollup: Rollup, childName: (String) -> String?) {
        self.subject = subject
        self.year = rollup.year
        self.approach = approach
        self.scope2 = method.rawValue
        self.totals = Figures(figures: rollup.totals, method: method)
        self.previousYear = rollup.previousYear.map { Figures(figures: $0, method: method) }
        if let last = rollup.previousYear {
            let now = rollup.totals
            yearOnYear = Changes(
                energyTceCalorific: Accounting.yearOnYear(
                    now.energyCalorific.baseValue, last.energyCalorific.baseValue),
                co2eT: Accounting.yearOnYear(now.emissions(method).baseValue, last.emissions(method).baseValue),
                energyIntensityPerOutput: Accounting.yearOnYear(
                    now.energyIntensity(per: .outputValue)?.value, last.energyIntensity(per: .outputValue)?.value),
                carbonIntensityPerOutput: Accounting.yearOnYear(
                    now.carbonIntensity(per: .outputValue, method: method)?.value,
                    last.carbonIntensity(per: .outputValue, method: method)?.value),
                energyIntensityPerValueAdded: Accounting.yearOnYear(
                    now.energyIntensity(per: .valueAdded)?.value, last.energyIntensity(per: .valueAdded)?.value),
                carbonIntensityPerValueAdded: Accounting.yearOnYear(
                    now.carbonIntensity(per: .valueAdded, method: method)?.value,
                    last.carbonIntensity(per: .valueAdded, method: method)?.value))
        } else {
            yearOnYear = nil
        }
        func keyed(_ key: String, _ figures: IndicatorFigures, name: String? = nil) -> Keyed {
            Keyed(key: key, name: name, figures: Figures(figures: figures, method: method))
        }
        byMonth = rollup.byMonth.map { keyed($0.month.map { String($0) } ?? "year", $0.figures) }
        byScope = rollup.byScope.map { keyed($0.scope, $0.figures) }
        byItem = rollup.byItem.map {
            keyed(
                $0.item, $0.figures, name: ItemCatalog.bundled.item(code: $0.item).map { "\($0.nameZh) \($0.nameEn)" })
        }
        byCategory = rollup.byCategory.map { keyed($0.category, $0.figures) }
        byChild = rollup.byChild.map { keyed($0.key, $0.figures, name: childName($0.key)) }
        inventories = rollup.inventories.map {
            InventoryRef(
                id: $0.id, unitId: $0.unitId, version: $0.version, stale: $0.stale, computedAt: $0.computedAt,
                unapprovedRecords: $0.unapprovedRecords)
        }
        let counts = rollup.inventories.map(\.unapprovedRecords)
        approvedOnly = counts.isEmpty || counts.contains(nil) ? nil : counts.allSatisfy { $0 == 0 }
        uncoveredRootIds = rollup.uncoveredRoots
    }
}

/// The indicators document the API serves, for the command line to print the same JSON.
public enum IndicatorsDocument {
    public static func unit(
        _ unit: ReportingUnit, children: [ReportingUnit], approach: ConsolidationApproach, method: Scope2Method,
        rollup: Rollup
    ) throws -> Data {
        let names = Dictionary(uniqueKeysWithValues: children.map { (String($0.id), "\($0.code) \($0.name)") })
        return try JSONCoding.encoder.encode(
            IndicatorsBody(
                subject: .init(kind: "unit", id: unit.id, code: unit.code, name: unit.name, level: unit.level.rawValue),
                approach: approach.rawValue, method: method, rollup: rollup, childName: { names[$0] }))
    }

    public static func region(_ region: RegionPrefix, method: Scope2Method, rollup: Rollup) throws -> Data {
        try JSONCoding.encoder.encode(
            IndicatorsBody(
                subject: .init(kind: "region", id: nil, code: region.code, name: nil, level: region.level.rawValue),
                approach: nil, method: method, rollup: rollup, childName: { _ in nil }))
    }
}

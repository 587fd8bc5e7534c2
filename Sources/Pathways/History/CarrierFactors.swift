import Accounting
import Foundation
import ReferenceData

/// Each regional carrier's CO2 per tce (当量值) and its 等价值 ratio for a year, derived from cited
/// entries of the factor library by the rules of `regional-carriers.csv`:
/// - a fuel: carbon per heat × oxidation rate × 44/12 × the heat of one tce (GB/T 2589, 29,307 kJ);
/// - electricity: the grid factor of the year ÷ 0.1229 tce/MWh; 等价值 ratio = supply coal rate ÷ 0.1229;
/// - heat: the heat factor × the heat of one tce;
/// - other: no CO2.
/// The ids of the entries used are kept, so a reader can trace every figure.
public struct CarrierFactors: Sendable, Equatable {
    public var emission: [RegionalCarrier: Double]
    public var equivalent: [RegionalCarrier: Double]
    public var basis: [RegionalCarrier: [String]]

    public init(
        emission: [RegionalCarrier: Double], equivalent: [RegionalCarrier: Double], basis: [RegionalCarrier: [String]]
    ) {
        self.emission = emission
        self.equivalent = equivalent
        self.basis = basis
    }

    /// The rule of each carrier, as `regional-carriers.csv` gives it.
    struct Rule {
        let carrier: RegionalCarrier
        let method: String
        let item: String
        let variant: String
    }

    static let rules: [Rule] = {
        // The file is part of the build; a malformed one shows as carriers without a rule (a test checks all six).
        guard let table = try? CSVTable(parsing: ReferenceData.regionalCarriersCSV) else { return [] }
        return table.records.dropFirst().compactMap { record in
            guard record.count >= 4, let carrier = RegionalCarrier(rawValue: record[0]) else { return nil }
            return Rule(carrier: carrier, method: record[1], item: record[2], variant: record[3])
        }
    }()

    /// The factors of `year` (a province's own where the library has them); nil when an entry a
    /// rule needs is missing, with the carrier named.
    public static func derived(
        from library: FactorLibrary, year: Int, province: String? = nil
    ) -> Result<CarrierFactors, MissingFactor> {
        guard let heatEntry = library.entry(.standardCoalHeat, item: ""),
            case .energyPerCoal(let heatRate) = heatEntry.value
        else { return .failure(MissingFactor(carrier: nil, kind: .standardCoalHeat)) }
        let gigajoulesPerTce = heatRate.value(in: .gigajoule, per: .tonneCoalEquivalent)
        var factors = CarrierFactors(emission: [:], equivalent: [:], basis: [:])
        for rule in rules {
            let found = Self.apply(rule, library, year: year, province: province, gigajoulesPerTce: gigajoulesPerTce)
            switch found {
            case .failure(let missing): return .failure(missing)
            case .success(let (emission, equivalent, ids)):
                factors.emission[rule.carrier] = emission
                factors.equivalent[rule.carrier] = equivalent
                factors.basis[rule.carrier] = ids + [heatEntry.id]
            }
        }
        return .success(factors)
    }

    /// The factors of each year of a history; the first missing factor when one is.
    public static func byYear(
        _ years: some Sequence<Int>, from library: FactorLibrary, province: String? = nil
    ) -> Result<[Int: CarrierFactors], MissingFactor> {
        var found: [Int: CarrierFactors] = [:]
        for year in years {
            switch derived(from: library, year: year, province: province) {
            case .success(let factors): found[year] = factors
            case .failure(let missing): return .failure(missing)
            }
        }
        return .success(found)
    }

    /// A factor a rule needs that the library lacks.
    public struct MissingFactor: Error, Sendable, Equatable {
        public let carrier: RegionalCarrier?
        public let kind: FactorKind
    }

    static func apply(
        _ rule: Rule, _ library: FactorLibrary, year: Int, province: String?, gigajoulesPerTce: Double
    ) -> Result<(Double, Double, [String]), MissingFactor> {
        let variant = rule.variant.isEmpty ? nil : rule.variant
        func entry(_ kind: FactorKind) -> FactorEntry? {
            library.entry(kind, item: rule.item, variant: variant, province: province, year: year)
        }
        func missing(_ kind: FactorKind) -> Result<(Double, Double, [String]), MissingFactor> {
            .failure(MissingFactor(carrier: rule.carrier, kind: kind))
        }
        switch rule.method {
        case "fuel":
            guard let carbon = entry(.carbonContent), case .carbonPerEnergy(let content) = carbon.value else {
                return missing(.carbonContent)
            }
            guard let oxidation = entry(.oxidationRate), case .fraction(let share) = oxidation.value else {
                return missing(.oxidationRate)
            }
            let perGJ = content.value(in: .tonneCarbon, per: .gigajoule) * share.value * 44 / 12
            return .success((perGJ * gigajoulesPerTce, 1, [carbon.id, oxidation.id]))
        case "electricity":
            guard let grid = entry(.gridAverage), case .emissionsPerEnergy(let factor) = grid.value else {
                return missing(.gridAverage)
            }
            guard let coal = entry(.coalCoefficient), case .coalPerEnergy(let calorific) = coal.value else {
                return missing(.coalCoefficient)
            }
            let tcePerMWh = calorific.value(in: .tonneCoalEquivalent, per: .megawattHour)
            var ids = [grid.id, coal.id]
            var ratio = 1.0
            if let rate = entry(.coalRate), case .coalPerEnergy(let supply) = rate.value {
                ratio = supply.value(in: .tonneCoalEquivalent, per: .megawattHour) / tcePerMWh
                ids.append(rate.id)
            }
            return .success((factor.value(in: .tonneCO2e, per: .megawattHour) / tcePerMWh, ratio, ids))
        case "heat":
            guard let heat = entry(.heat), case .emissionsPerEnergy(let factor) = heat.value else {
                return missing(.heat)
            }
            return .success((factor.value(in: .tonneCO2e, per: .gigajoule) * gigajoulesPerTce, 1, [heat.id]))
        default:
            return .success((0, 1, []))
        }
    }

    /// The carriers as a plan's carrier specifications.
    public func specs() -> [CarrierSpec] {
        RegionalCarrier.allCases.map { carrier in
            CarrierSpec(
                id: carrier.rawValue, nameZh: carrier.name(.zh), nameEn: carrier.name(.en),
                emissionFactor: emission[carrier] ?? 0, equivalentFactor: equivalent[carrier] ?? 1,
                isCoal: carrier == .coal)
        }
    }
}

import Foundation

/// A factor's value with its units, typed by what it converts from and to.
public enum FactorValue: Sendable, Equatable {
    case energyPerMass(Rate<EnergyUnit, MassUnit>)
    case energyPerVolume(Rate<EnergyUnit, VolumeUnit>)
    case carbonPerEnergy(CarbonContent)
    case fraction(Fraction)
    case coalPerMass(Rate<StandardCoalUnit, MassUnit>)
    case coalPerVolume(Rate<StandardCoalUnit, VolumeUnit>)
    case coalPerEnergy(Rate<StandardCoalUnit, EnergyUnit>)
    case energyPerCoal(Rate<EnergyUnit, StandardCoalUnit>)
    case emissionsPerEnergy(EmissionFactorPerEnergy)
    case emissionsPerMass(GlobalWarmingPotential)
    case valueChain(ValueChainRate)

    /// Reads `value` written in `unit` as a factor of `kind`; nil when the unit does not fit the kind.
    init?(_ value: Double, unit: String, kind: FactorKind) {
        let trimmed = unit.trimmed
        if kind == .oxidationRate {
            switch trimmed.lowercased() {
            case "fraction", "ratio", "": guard let f = Fraction(value) else { return nil }; self = .fraction(f)
            case "%": guard let f = Fraction(value / 100) else { return nil }; self = .fraction(f)
            default: return nil
            }
            return
        }
        if kind == .valueChain {
            guard let rate = ValueChainRate(value, unit: trimmed) else { return nil }
            self = .valueChain(rate)
            return
        }
        let parts = trimmed.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        let (top, bottom) = (parts[0], parts[1])
        switch kind {
        case .ncv:
            guard let n = EnergyUnit.parse(top) else { return nil }
            if let d = MassUnit.parse(bottom) {
                self = .energyPerMass(Rate(value, n, per: d))
            } else if let d = VolumeUnit.parse(bottom) {
                self = .energyPerVolume(Rate(value, n, per: d))
            } else {
                return nil
            }
        case .carbonContent:
            guard let n = CarbonMassUnit.parse(top), let d = EnergyUnit.parse(bottom) else { return nil }
            self = .carbonPerEnergy(Rate(value, n, per: d))
        case .coalCoefficient, .coalRate:
            guard let n = StandardCoalUnit.parse(top) else { return nil }
            if let d = EnergyUnit.parse(bottom) {
                self = .coalPerEnergy(Rate(value, n, per: d))
            } else if kind == .coalRate {
                return nil
            } else if let d = MassUnit.parse(bottom) {
                self = .coalPerMass(Rate(value, n, per: d))
            } else if let d = VolumeUnit.parse(bottom) {
                self = .coalPerVolume(Rate(value, n, per: d))
            } else {
                return nil
            }
        case .standardCoalHeat:
            guard let n = EnergyUnit.parse(top), let d = StandardCoalUnit.parse(bottom) else { return nil }
            self = .energyPerCoal(Rate(value, n, per: d))
        case .gridAverage, .gridExcludingMarketNonFossil, .gridFossil, .heat:
            guard let n = EmissionUnit.parse(top), let d = EnergyUnit.parse(bottom) else { return nil }
            self = .emissionsPerEnergy(Rate(value, n, per: d))
        case .gwp:
            guard let n = EmissionUnit.parse(top), let d = MassUnit.parse(bottom) else { return nil }
            self = .emissionsPerMass(Rate(value, n, per: d))
        case .oxidationRate, .valueChain:
            return nil
        }
    }

    /// The number as the table wrote it.
    public var number: Double {
        switch self {
        case .energyPerMass(let r): r.value
        case .energyPerVolume(let r): r.value
        case .carbonPerEnergy(let r): r.value
        case .fraction(let f): f.value
        case .coalPerMass(let r): r.value
        case .coalPerVolume(let r): r.value
        case .coalPerEnergy(let r): r.value
        case .energyPerCoal(let r): r.value
        case .emissionsPerEnergy(let r): r.value
        case .emissionsPerMass(let r): r.value
        case .valueChain(let r): r.value
        }
    }

    public var unitSymbol: String {
        switch self {
        case .energyPerMass(let r): r.symbol
        case .energyPerVolume(let r): r.symbol
        case .carbonPerEnergy(let r): r.symbol
        case .fraction: "fraction"
        case .coalPerMass(let r): r.symbol
        case .coalPerVolume(let r): r.symbol
        case .coalPerEnergy(let r): r.symbol
        case .energyPerCoal(let r): r.symbol
        case .emissionsPerEnergy(let r): r.symbol
        case .emissionsPerMass(let r): r.symbol
        case .valueChain(let r): r.symbol
        }
    }
}

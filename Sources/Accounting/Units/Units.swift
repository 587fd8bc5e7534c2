/// Mass of a material or a gas. Base: tonne, the unit of the NDRC guidelines' activity data.
public enum MassUnit: String, UnitFamily {
    case kilogram, tonne, tenThousandTonnes

    public var toBase: Double {
        switch self {
        case .kilogram: 0.001
        case .tonne: 1
        case .tenThousandTonnes: 10_000
        }
    }
    public var symbol: String {
        switch self {
        case .kilogram: "kg"
        case .tonne: "t"
        case .tenThousandTonnes: "10^4t"
        }
    }
    public static let base = MassUnit.tonne
    public static let dimension = Dimension.mass
}

/// Volume of a gaseous fuel at standard reference conditions. Base: Nm³.
///
/// Chinese energy statistics report gas in 立方米 / 万立方米 meaning the volume at standard conditions,
/// and the NDRC guidelines give NCVs per 10⁴ Nm³; so m³ as users type it is read as Nm³.
public enum VolumeUnit: String, UnitFamily {
    case normalCubicMetre, tenThousandNormalCubicMetres, hundredMillionNormalCubicMetres

    public var toBase: Double {
        switch self {
        case .normalCubicMetre: 1
        case .tenThousandNormalCubicMetres: 10_000
        case .hundredMillionNormalCubicMetres: 100_000_000
        }
    }
    public var symbol: String {
        switch self {
        case .normalCubicMetre: "Nm3"
        case .tenThousandNormalCubicMetres: "10^4Nm3"
        case .hundredMillionNormalCubicMetres: "10^8Nm3"
        }
    }
    public static let base = VolumeUnit.normalCubicMetre
    public static let dimension = Dimension.volume
}

/// Energy: heat and electricity. Base: GJ. 1 kWh = 3.6 MJ exactly (SI).
public enum EnergyUnit: String, UnitFamily {
    case kilojoule, megajoule, gigajoule, terajoule
    case kilowattHour, tenThousandKilowattHours, megawattHour, gigawattHour

    public var toBase: Double {
        switch self {
        case .kilojoule: 1e-6
        case .megajoule: 1e-3
        case .gigajoule: 1
        case .terajoule: 1_000
        case .kilowattHour: 0.0036
        case .tenThousandKilowattHours: 36
        case .megawattHour: 3.6
        case .gigawattHour: 3_600
        }
    }
    public var symbol: String {
        switch self {
        case .kilojoule: "kJ"
        case .megajoule: "MJ"
        case .gigajoule: "GJ"
        case .terajoule: "TJ"
        case .kilowattHour: "kWh"
        case .tenThousandKilowattHours: "10^4kWh"
        case .megawattHour: "MWh"
        case .gigawattHour: "GWh"
        }
    }
    /// kWh, 10⁴ kWh, MWh, GWh: the units of electricity.
    public var isElectrical: Bool {
        switch self {
        case .kilowattHour, .tenThousandKilowattHours, .megawattHour, .gigawattHour: true
        case .kilojoule, .megajoule, .gigajoule, .terajoule: false
        }
    }

    public static let base = EnergyUnit.gigajoule
    public static let dimension = Dimension.energy
}

/// Standard coal equivalent (标准煤). Base: tce.
public enum StandardCoalUnit: String, UnitFamily {
    case gramCoalEquivalent, kilogramCoalEquivalent, tonneCoalEquivalent, tenThousandTonnesCoalEquivalent

    public var toBase: Double {
        switch self {
        case .gramCoalEquivalent: 1e-6
        case .kilogramCoalEquivalent: 1e-3
        case .tonneCoalEquivalent: 1
        case .tenThousandTonnesCoalEquivalent: 10_000
        }
    }
    public var symbol: String {
        switch self {
        case .gramCoalEquivalent: "gce"
        case .kilogramCoalEquivalent: "kgce"
        case .tonneCoalEquivalent: "tce"
        case .tenThousandTonnesCoalEquivalent: "10^4tce"
        }
    }
    public static let base = StandardCoalUnit.tonneCoalEquivalent
    public static let dimension = Dimension.standardCoal
}

/// Mass of CO2 or CO2-equivalent. Base: tCO2e.
public enum EmissionUnit: String, UnitFamily {
    case kilogramCO2e, tonneCO2e, tenThousandTonnesCO2e

    public var toBase: Double {
        switch self {
        case .kilogramCO2e: 0.001
        case .tonneCO2e: 1
        case .tenThousandTonnesCO2e: 10_000
        }
    }
    public var symbol: String {
        switch self {
        case .kilogramCO2e: "kgCO2e"
        case .tonneCO2e: "tCO2e"
        case .tenThousandTonnesCO2e: "10^4tCO2e"
        }
    }
    public static let base = EmissionUnit.tonneCO2e
    public static let dimension = Dimension.emissions
}

/// Mass of carbon, the numerator of a carbon content per heat (tC/GJ). Base: tC.
public enum CarbonMassUnit: String, UnitFamily {
    case kilogramCarbon, tonneCarbon

    public var toBase: Double {
        switch self {
        case .kilogramCarbon: 0.001
        case .tonneCarbon: 1
        }
    }
    public var symbol: String {
        switch self {
        case .kilogramCarbon: "kgC"
        case .tonneCarbon: "tC"
        }
    }
    public static let base = CarbonMassUnit.tonneCarbon
    public static let dimension = Dimension.carbonMass
}

/// Money at current or constant prices. Base: 万元 (10⁴ CNY), the unit of Chinese intensity figures.
public enum MoneyUnit: String, UnitFamily {
    case yuan, tenThousandYuan, hundredMillionYuan

    public var toBase: Double {
        switch self {
        case .yuan: 1e-4
        case .tenThousandYuan: 1
        case .hundredMillionYuan: 10_000
        }
    }
    public var symbol: String {
        switch self {
        case .yuan: "CNY"
        case .tenThousandYuan: "10^4CNY"
        case .hundredMillionYuan: "10^8CNY"
        }
    }
    public static let base = MoneyUnit.tenThousandYuan
    public static let dimension = Dimension.money
}

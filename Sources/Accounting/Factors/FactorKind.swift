import Foundation

/// What a factor row gives; the value's unit must fit the kind (checked when a set is loaded).
public enum FactorKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// 低位发热量, GJ per t or per 10⁴ Nm³.
    case ncv
    /// 单位热值含碳量, tC/GJ.
    case carbonContent = "carbon_content"
    /// 碳氧化率, a fraction.
    case oxidationRate = "oxidation_rate"
    /// 折标准煤系数 (当量值), kgce per kg, Nm³, kWh or MJ.
    case coalCoefficient = "coal_coefficient"
    /// 供电标准煤耗 of a year, gce/kWh: the basis of electricity's 等价值.
    case coalRate = "coal_rate"
    /// The heat of one kgce (GB/T 2589: 29 307 kJ).
    case standardCoalHeat = "standard_coal_heat"
    /// 电力平均二氧化碳排放因子 (national, regional or provincial), tCO2/MWh.
    case gridAverage = "grid_average"
    /// National factor excluding market-traded non-fossil power, tCO2/MWh.
    case gridExcludingMarketNonFossil = "grid_excluding_market_nonfossil"
    /// National fossil-fuel power factor, tCO2/MWh.
    case gridFossil = "grid_fossil"
    /// Purchased heat, tCO2/GJ.
    case heat
    /// Global warming potential (100-year), tCO2e per t of gas; the variant names the set.
    case gwp
    /// A value-chain (Scope 3) factor, CO2e per unit of mass, energy, piece, t·km, p·km or money; a
    /// spend factor's `year` is its price year. Only user sets hold them: PeakZero ships none.
    case valueChain = "value_chain"

    public func name(in language: Language) -> String {
        switch (self, language) {
        case (.ncv, .zh): "低位发热量"
        case (.ncv, .en): "net calorific value"
        case (.carbonContent, .zh): "单位热值含碳量"
        case (.carbonContent, .en): "carbon content per heat"
        case (.oxidationRate, .zh): "碳氧化率"
        case (.oxidationRate, .en): "oxidation rate"
        case (.coalCoefficient, .zh): "折标准煤系数(当量值)"
        case (.coalCoefficient, .en): "standard-coal coefficient (calorific)"
        case (.coalRate, .zh): "供电标准煤耗(等价值)"
        case (.coalRate, .en): "coal rate of power supply (equivalent value)"
        case (.standardCoalHeat, .zh): "标准煤热值"
        case (.standardCoalHeat, .en): "heat of standard coal"
        case (.gridAverage, .zh): "电力平均二氧化碳排放因子"
        case (.gridAverage, .en): "average grid emission factor"
        case (.gridExcludingMarketNonFossil, .zh): "全国电力平均排放因子(不包括市场化交易的非化石能源电量)"
        case (.gridExcludingMarketNonFossil, .en): "national grid factor excluding market-traded non-fossil power"
        case (.gridFossil, .zh): "全国化石能源电力排放因子"
        case (.gridFossil, .en): "national fossil-fuel power factor"
        case (.heat, .zh): "热力排放因子"
        case (.heat, .en): "heat emission factor"
        case (.gwp, .zh): "全球变暖潜势"
        case (.gwp, .en): "global warming potential"
        case (.valueChain, .zh): "价值链(范围三)排放因子"
        case (.valueChain, .en): "value-chain (Scope 3) emission factor"
        }
    }
}

/// The IPCC assessment whose 100-year GWPs convert gases to CO2e.
public enum GWPSet: String, Sendable, Hashable, CaseIterable, Codable {
    case sar = "SAR", ar4 = "AR4", ar5 = "AR5", ar6 = "AR6"

    public init?(parsing text: String) {
        let t = text.uppercased().replacingOccurrences(of: " ", with: "")
        if t == "AR2" { self = .sar; return }
        self.init(rawValue: t)
    }
}

/// Which NDRC default set of fuel parameters to prefer.
public enum FuelParameterSet: String, Sendable, Hashable, CaseIterable {
    case ndrc2015 = "NDRC-2015"
    case ndrc2013 = "NDRC-2013"
}

import Accounting
import Foundation
import Reports

/// A fictional but realistic Sichuan provincial SASAC tree for demonstrations: 3 groups, 16
/// enterprises, 36 facilities in several cities and counties, with three years of monthly energy
/// data and yearly output values. Every name is invented (虚构) and says so; the region and
/// industry codes are real GB/T 2260 and GB/T 4754-2017 codes. Generated deterministically.
public struct DemoProvince: Sendable {
    public static let years = [2022, 2023, 2024]
    public static let supervisorCode = "DEMO-SC-SASAC"
    /// The listed company whose climate section the demo issues: the cement company, with projects,
    /// a verified year, a ledger and Scope 3.
    public static let climateReporterCode = "DEMO-G2-E3"
    /// Its narrative (fictional).
    static let climateNarrative = ClimateNarrative(
        governance: "董事会战略与可持续发展委员会每半年审议一次气候议题；总经理负责碳排放双控目标的分解与考核（虚构）。",
        strategy: "识别的主要转型风险为全国碳市场覆盖水泥行业后的履约成本；应对措施为余热发电、替代燃料和能效提升（虚构）。",
        riskManagement: "气候相关风险纳入公司全面风险管理，由安全环保部每年识别、评估并报告（虚构）。",
        metricsAndTargets: "以 2022 年为基准年，2025 年单位熟料碳排放强度下降 5%（虚构）。",
        assurance: "本节温室气体数据未经第三方鉴证（虚构）。")

    public let units: [NewUnit]
    public let activity: [NewActivityRecord]
    public let economic: [NewEconomicRecord]

    public init() {
        var random = SeededRandom(seed: 20_241_121)
        var units = [
            NewUnit(
                code: Self.supervisorCode, name: "四川省示范国资委（虚构演示数据）", level: "supervisor",
                regionCode: "510000")
        ]
        var activity: [NewActivityRecord] = []
        var economic: [NewEconomicRecord] = []
        for group in Self.groups {
            units.append(
                NewUnit(
                    code: group.code, name: group.name, level: "group", parentCode: Self.supervisorCode,
                    industryCode: group.enterprises.first?.industry, regionCode: group.region, ownershipShare: 1))
            for enterprise in group.enterprises {
                units.append(
                    NewUnit(
                        code: enterprise.code, name: enterprise.name, level: "enterprise", parentCode: group.code,
                        industryCode: enterprise.industry, regionCode: enterprise.facilities[0].region,
                        ownershipShare: enterprise.share))
                for (index, facility) in enterprise.facilities.enumerated() {
                    let code = "\(enterprise.code)-F\(index + 1)"
                    units.append(
                        NewUnit(
                            code: code, name: "\(enterprise.shortName)\(facility.name)（虚构）", level: "facility",
                            parentCode: enterprise.code, industryCode: enterprise.industry, regionCode: facility.region)
                    )
                    let size = facility.size * (0.8 + 0.4 * random.next())
                    activity += Self.monthlyRecords(
                        code: code, profile: enterprise.profile, size: size, random: &random)
                    economic += Self.yearlyEconomics(
                        code: code, profile: enterprise.profile, size: size, random: &random)
                }
            }
        }
        self.units = units
        self.activity = activity
        self.economic = economic
    }

    /// Monthly records for three years: a seasonal shape, a yearly efficiency gain, and noise.
    static func monthlyRecords(
        code: String, profile: Profile, size: Double, random: inout SeededRandom
    ) -> [NewActivityRecord] {
        var records: [NewActivityRecord] = []
        for (yearIndex, year) in years.enumerated() {
            let trend = 1 - profile.yearlyReduction * Double(yearIndex)
            for month in 1...12 {
                let season = 1 + profile.seasonality * cos(Double(month - 1) / 12 * 2 * .pi)
                for use in profile.uses {
                    let quantity = use.perMonth * size * trend * season * (0.92 + 0.16 * random.next())
                    records.append(
                        NewActivityRecord(
                            unitCode: code, period: String(format: "%04d-%02d", year, month), item: use.item,
                            quantity: (quantity * 1000).rounded() / 1000, uom: use.uom, category: use.category,
                            source: "demo (fictional)"))
                }
            }
        }
        return records
    }

    static func yearlyEconomics(code: String, profile: Profile, size: Double, random: inout SeededRandom)
        -> [NewEconomicRecord]
    {
        // Industrial producer prices, 2022 = 100 (illustrative).
        let priceIndex = [2022: 100.0, 2023: 101.5, 2024: 102.8]
        return years.enumerated().map { index, year in
            let output =
                profile.outputPerYear * size * (1 + profile.growth * Double(index)) * (0.95 + 0.1 * random.next())
            return NewEconomicRecord(
                unitCode: code, period: String(year), outputValue: (output * 10).rounded() / 10,
                valueAdded: (output * profile.valueAddedShare * 10).rounded() / 10,
                revenue: (output * 1.05 * 10).rounded() / 10,
                priceIndex: priceIndex[year], baseYear: 2022)
        }
    }
}

/// A small, fixed pseudo-random sequence (64-bit LCG), so the demo is the same on every machine.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A number in [0, 1).
    mutating func next() -> Double {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(state >> 11) / Double(1 << 53)
    }
}

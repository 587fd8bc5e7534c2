import Accounting

extension DecompositionProblem {
    public static let catalogue = Catalogue<Kind>(
        zh: [
            .carrierMissing: "能源品种列须每行都填或都不填",
            .negativeOrNotFinite: "活动水平、能源消费量和二氧化碳排放量不能为负数",
            .repeated: "同一年份、部门（和能源品种）出现了两次",
            .activityDiffers: "同一年份同一部门的各行活动水平必须相同",
            .emissionsWithoutEnergy: "有二氧化碳排放而没有能源消费，无法计算排放因子（工艺排放请单独分析）",
            .energyWithoutActivity: "有能源消费而活动水平为零，无法计算能耗强度",
            .noActivity: "当年各部门活动水平之和为零",
            .yearMissing: "数据中没有这一年",
            .sameYear: "起止年份相同，没有变化可分解",
            .zeroTotal: "当年排放总量为零，乘法分解无法计算比值（请用加法分解）",
        ],
        en: [
            .carrierMissing: "give the carrier on every row or on none",
            .negativeOrNotFinite: "activity, energy and CO2 cannot be negative",
            .repeated: "the same year, sector (and carrier) is given twice",
            .activityDiffers: "every row of a sector in a year must give the same activity",
            .emissionsWithoutEnergy:
                "CO2 without energy has no emission factor (analyse process emissions on their own)",
            .energyWithoutActivity: "energy with zero activity has no energy intensity",
            .noActivity: "the sectors' activity sums to zero this year",
            .yearMissing: "the data has no such year",
            .sameYear: "the start and end years are the same: there is no change to decompose",
            .zeroTotal: "the year's total CO2 is zero, so a ratio cannot be decomposed (use the additive form)",
        ])
}

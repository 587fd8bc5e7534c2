import Accounting

extension ProgressReason {
    public enum Message: String, MessageKey {
        case noFigures, noStartValue, noEconomicBase, forecastOfLimit, aheadOfExpected, seasonalFellBack
        case aboveEarlierPeak, growthNotSlowing, beforePeakYear
    }

    public static let catalogue = Catalogue<Message>(
        zh: [
            .noFigures: "目标期内尚无清单数据",
            .noStartValue: "{year} 年缺少完整数据，无法确定基准值",
            .noEconomicBase: "{year} 年缺少经济数据（不变价），无法计算强度",
            .forecastOfLimit: "预计全年为目标值的 {ratio}",
            .aheadOfExpected: "至今累计为进度预期的 {ratio}",
            .seasonalFellBack: "上年月度数据不全，按月均进度计算",
            .aboveEarlierPeak: "达峰年后排放为此前最高年份的 {ratio}",
            .growthNotSlowing: "排放仍增长 {growth} 且增速未放缓",
            .beforePeakYear: "尚未到达峰年份",
        ],
        en: [
            .noFigures: "no inventory covers the target's years yet",
            .noStartValue: "no complete figures for {year}, the starting value",
            .noEconomicBase: "no economic data (constant prices) for {year} to divide by",
            .forecastOfLimit: "the year is forecast at {ratio} of the limit",
            .aheadOfExpected: "to date at {ratio} of what was expected by now",
            .seasonalFellBack: "last year's months are incomplete: expected pro rata instead",
            .aboveEarlierPeak: "after the peak year, emissions at {ratio} of the highest earlier year",
            .growthNotSlowing: "emissions still grow by {growth} and the growth is not slowing",
            .beforePeakYear: "before the peak year",
        ])
}

import Accounting

extension TargetProblem {
    /// Each problem names the field (as the API and the form call it) before what is wrong with it.
    public static let catalogue = Catalogue<TargetProblem>(
        zh: [
            .years: "first_year 与 last_year：末年不得早于首年，规划期最长 11 年",
            .milestoneOutside: "milestones：里程碑年份须在目标期内",
            .amount: "value：目标值须为正数",
            .amountBeyondPlausible: "value：目标值超出任何实际的范围（不能超过 10¹²）",
            .fraction: "reduction：下降幅度须大于 0% 且小于 100%",
            .baseYear: "base_year：基准年须早于目标首年",
            .peakNeedsCarbon: "indicator：达峰目标只适用于碳排放总量",
            .thresholds: "yellow_from 与 red_above：须满足 0 < 黄灯起点 ≤ 红灯起点",
        ],
        en: [
            .years: "first_year, last_year: the last year may not precede the first, and a plan spans at most 11 years",
            .milestoneOutside: "milestones: each milestone's year must lie within the target's years",
            .amount: "value: the target amount must be a positive number",
            .amountBeyondPlausible: "value: the target amount is beyond any real figure (at most 10¹²)",
            .fraction: "reduction: the reduction must lie between 0 % and 100 %, exclusive",
            .baseYear: "base_year: the base year must precede the target's first year",
            .peakNeedsCarbon: "indicator: a peak target holds carbon emissions (carbon_total) only",
            .thresholds: "yellow_from, red_above: they must satisfy 0 < yellow_from ≤ red_above",
        ])
}

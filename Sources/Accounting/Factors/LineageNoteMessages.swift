/// The messages of `LineageNote`: why a line used the factor it did.
public enum LineageNoteMessage: String, MessageKey {
    case latestEarlierYear, earliestLaterYear, regionFallback, otherParameterSet, measured
    case coalEquivalentFromHeat, heatEquivalentIsCalorific, previousYearCoalRate, singleMethaneGWP
    case fuelEquivalentIsCalorific, certificatesRetired

    public static let catalogue = Catalogue<LineageNoteMessage>(
        zh: [
            .latestEarlierYear: "{requested} 年因子尚未发布，采用最近的 {used} 年",
            .earliestLaterYear: "{requested} 年及以前无因子，采用最早发布的 {used} 年",
            .regionFallback: "省份 {province} 无省级因子，采用 {used} 因子",
            .otherParameterSet: "{preferred} 无此参数，采用 {used}",
            .measured: "实测值",
            .coalEquivalentFromHeat: "无折标系数，按低位发热量 ÷ 29307 kJ/kgce 折算",
            .heatEquivalentIsCalorific: "因子库无热力等价值参数，等价值按当量值计",
            .previousYearCoalRate: "等价值按上年（{year}）供电标准煤耗计算",
            .singleMethaneGWP: "{set} 不区分甲烷来源，采用 CH4 值",
            .fuelEquivalentIsCalorific: "一次能源等价值等于当量值",
            .certificatesRetired: "已注销绿证 {lot} 抵扣此电量，市场法排放按零计",
        ],
        en: [
            .latestEarlierYear: "no factor published for {requested} yet; latest earlier year {used} used",
            .earliestLaterYear: "no factor for {requested} or before; earliest published year {used} used",
            .regionFallback: "no provincial factor for province {province}; {used} factor used",
            .otherParameterSet: "{preferred} has no such value; {used} used",
            .measured: "measured value",
            .coalEquivalentFromHeat: "no listed coefficient; heat ÷ 29 307 kJ/kgce used",
            .heatEquivalentIsCalorific: "the library has no equivalent value for heat; calorific value used",
            .previousYearCoalRate: "equivalent value from the previous year's ({year}) coal rate",
            .singleMethaneGWP: "{set} has one CH4 value for all origins",
            .fuelEquivalentIsCalorific: "for a fuel the equivalent value equals the calorific value",
            .certificatesRetired: "green certificates {lot} were retired against this electricity: zero market-based",
        ])
}

/// Why a factor other than the obvious one was used; shown with the line it affected.
public enum LineageNote: Sendable, Equatable, Hashable, Codable {
    /// The activity's data year is not published yet: the latest earlier year was used.
    case latestEarlierYear(requested: Int, used: Int)
    /// Nothing is published for or before the activity's year: the earliest published year was used.
    case earliestLaterYear(requested: Int, used: Int)
    /// No provincial factor for the province: the grid region's (or the national) factor was used.
    case regionFallback(province: String, used: String)
    /// The preferred fuel-parameter set lacks the value: another set was used.
    case otherParameterSet(preferred: String, used: String)
    /// The value was measured on the record, not taken from a library.
    case measured
    /// tce was computed from the heat (NCV) and the heat of one tce, for want of a listed coefficient.
    case coalEquivalentFromHeat
    /// Heat has no 等价值 parameter in the library: its 当量值 was used for both.
    case heatEquivalentIsCalorific
    /// 等价值 of electricity takes the previous year's coal rate (GB 30251-2024 表A.2).
    case previousYearCoalRate(activityYear: Int)
    /// SAR, AR4 and AR5 give one CH4 GWP whatever the methane's origin.
    case singleMethaneGWP(GWPSet)
    /// A fuel's equivalent value is its calorific value (only secondary energy differs).
    case fuelEquivalentIsCalorific

    public func text(in language: Language) -> String {
        let zh = language == .zh
        switch self {
        case .latestEarlierYear(let requested, let used):
            return zh
                ? "\(requested) 年因子尚未发布，采用最近的 \(used) 年"
                : "no factor published for \(requested) yet; latest earlier year \(used) used"
        case .earliestLaterYear(let requested, let used):
            return zh
                ? "\(requested) 年及以前无因子，采用最早发布的 \(used) 年"
                : "no factor for \(requested) or before; earliest published year \(used) used"
        case .regionFallback(let province, let used):
            return zh
                ? "省份 \(province) 无省级因子，采用 \(used) 因子"
                : "no provincial factor for province \(province); \(used) factor used"
        case .otherParameterSet(let preferred, let used):
            return zh ? "\(preferred) 无此参数，采用 \(used)" : "\(preferred) has no such value; \(used) used"
        case .measured:
            return zh ? "实测值" : "measured value"
        case .coalEquivalentFromHeat:
            return zh ? "无折标系数，按低位发热量 ÷ 29307 kJ/kgce 折算" : "no listed coefficient; heat ÷ 29 307 kJ/kgce used"
        case .heatEquivalentIsCalorific:
            return zh ? "因子库无热力等价值参数，等价值按当量值计" : "the library has no equivalent value for heat; calorific value used"
        case .previousYearCoalRate(let year):
            return zh
                ? "等价值按上年（\(year - 1)）供电标准煤耗计算" : "equivalent value from the previous year's (\(year - 1)) coal rate"
        case .singleMethaneGWP(let set):
            return zh ? "\(set.rawValue) 不区分甲烷来源，采用 CH4 值" : "\(set.rawValue) has one CH4 value for all origins"
        case .fuelEquivalentIsCalorific:
            return zh ? "一次能源等价值等于当量值" : "for a fuel the equivalent value equals the calorific value"
        }
    }
}

/// One factor a line used, with its value, source and why it was chosen.
public struct FactorUse: Sendable {
    public let kind: FactorKind
    public let value: Double
    public let unit: String
    /// The library entry, or nil for a measured value.
    public let entry: FactorEntry?
    public let notes: [LineageNote]

    init(kind: FactorKind, value: FactorValue, entry: FactorEntry?, notes: [LineageNote]) {
        self.kind = kind
        self.value = value.number
        self.unit = entry?.unitText ?? value.unitSymbol
        self.entry = entry
        self.notes = notes
    }
}

/// A value found in the library, with the entry it came from and the notes on its choice.
public struct Cited<Value: Sendable>: Sendable {
    public let value: Value
    public let entry: FactorEntry?
    public let notes: [LineageNote]
}

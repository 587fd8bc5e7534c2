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
    /// Green-electricity certificates of this lot were retired against the electricity: market-based
    /// it counts zero.
    case certificatesRetired(lot: String)

    public func text(in language: Language) -> String {
        let (key, arguments) = message
        return LineageNoteMessage.catalogue.text(key, language, arguments)
    }

    /// The note's message and what fills its placeholders.
    var message: (LineageNoteMessage, [String: String]) {
        switch self {
        case .latestEarlierYear(let requested, let used):
            (.latestEarlierYear, ["requested": "\(requested)", "used": "\(used)"])
        case .earliestLaterYear(let requested, let used):
            (.earliestLaterYear, ["requested": "\(requested)", "used": "\(used)"])
        case .regionFallback(let province, let used): (.regionFallback, ["province": province, "used": used])
        case .otherParameterSet(let preferred, let used): (.otherParameterSet, ["preferred": preferred, "used": used])
        case .measured: (.measured, [:])
        case .coalEquivalentFromHeat: (.coalEquivalentFromHeat, [:])
        case .heatEquivalentIsCalorific: (.heatEquivalentIsCalorific, [:])
        case .previousYearCoalRate(let year): (.previousYearCoalRate, ["year": "\(year - 1)"])
        case .singleMethaneGWP(let set): (.singleMethaneGWP, ["set": set.rawValue])
        case .fuelEquivalentIsCalorific: (.fuelEquivalentIsCalorific, [:])
        case .certificatesRetired(let lot): (.certificatesRetired, ["lot": lot])
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

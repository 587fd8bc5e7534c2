import Accounting

extension PlanTarget.Indicator: MessageKey {
    public func name(_ language: Language) -> String { Self.names.text(self, language) }

    public static let names = Catalogue<PlanTarget.Indicator>(
        zh: [
            .energyTotal: "能源消费总量", .carbonTotal: "碳排放总量", .coalTotal: "煤炭消费总量",
            .energyIntensity: "能耗强度", .carbonIntensity: "碳排放强度", .peakBy: "碳达峰",
        ],
        en: [
            .energyTotal: "energy total", .carbonTotal: "carbon total", .coalTotal: "coal total",
            .energyIntensity: "energy intensity", .carbonIntensity: "carbon intensity", .peakBy: "peak by",
        ])
}

extension ProjectReview.Verdict: MessageKey {
    public func name(_ language: Language) -> String { Self.names.text(self, language) }

    public static let names = Catalogue<ProjectReview.Verdict>(
        zh: [.fits: "符合", .tightens: "收紧（占用过半余量）", .breaks: "突破"],
        en: [.fits: "fits", .tightens: "tightens (takes over half the room)", .breaks: "breaks"])
}

extension PlanTarget {
    /// How a target is shown: its name where it was set, else its indicator, and its year.
    public func label(_ language: Language) -> String { Self.label(name: name, indicator: indicator, year: year, language) }

    public static func label(name: String?, indicator: Indicator, year: Int, _ language: Language) -> String {
        "\(name ?? indicator.name(language)) · \(year)"
    }
}

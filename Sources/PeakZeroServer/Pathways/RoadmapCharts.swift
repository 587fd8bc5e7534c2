import Accounting
import Charts
import Pathways

/// The roadmap page's charts, each with its table: the trajectories of every scenario after the
/// history (peaks marked, caps and deadlines drawn), the shown scenario by area, and the two
/// waterfalls — the shown scenario against the baseline, and the statistics' years.
struct RoadmapCharts {
    let roadmap: Roadmap?
    let history: HistoryFigures
    let language: Language
    let t: Words

    var format: ChartNumberFormat {
        let language = language
        return { WebNumbers.amount($0, language) }
    }

    /// Every year from the first of the history to the latest horizon.
    var years: [Int] {
        let all = Array(history.co2.keys) + (roadmap?.scenarios.flatMap { $0.years.map(\.year) } ?? [])
        guard let first = all.min(), let last = all.max() else { return [] }
        return Array(first...last)
    }

    func trajectories(
        id: String, title: String, history past: [Int: Double], value: (Roadmap.Year) -> Double,
        caps: Set<PlanTarget.Indicator>, unit: String
    ) -> LineChart? {
        let years = years
        guard !years.isEmpty else { return nil }
        let scenarios = roadmap?.scenarios ?? []
        var series: [(name: String, values: [Double?])] = []
        if !past.isEmpty { series.append((t[.roadmapHistory], years.map { past[$0] })) }
        let offset = series.count
        for scenario in scenarios {
            let byYear = Dictionary(uniqueKeysWithValues: scenario.years.map { ($0.year, value($0)) })
            series.append((scenario.name, years.map { byYear[$0] }))
        }
        let marks = scenarios.enumerated().compactMap { index, scenario -> (Int, Int, String)? in
            guard scenario.peak?.status == "peaked", let year = scenario.peak?.year, id == "co2" else { return nil }
            return (offset + index, year - years[0], "\(t[.roadmapPeakMark]) \(year)")
        }
        let targets = scenarios.first?.targets ?? []
        let references = targets.filter { caps.contains($0.indicator) }.map {
            (label: "\($0.indicator.name(language)) \(t[.roadmapCap]) \($0.year)", value: $0.limit)
        }
        let deadlines = id == "co2"
            ? targets.filter { $0.indicator == .peakBy }.map { ($0.year - years[0], "\(t[.roadmapDeadline]) \($0.year)") }
            : []
        return LineChart(
            id: id, title: title, summary: title, categories: years.map(String.init), series: series,
            references: references, deadlines: deadlines, marks: marks, unit: unit, format: format)
    }

    func areas(of scenario: Roadmap.Scenario) -> StackedBarChart {
        let title = t.format(.roadmapAreasChart, ["scenario": scenario.name])
        return StackedBarChart(
            id: "areas", title: title, summary: title, categories: scenario.years.map { String($0.year) },
            parts: PlanningArea.allCases.map { area in
                (area.name(language), scenario.years.map { $0.co2ByArea[area.rawValue] })
            }, totalName: t[.total], unit: t[.unitTco2e], format: format)
    }

    func effects(_ effects: [String: Double]) -> [(label: String, value: Double)] {
        DecompositionFactor.allCases.compactMap { factor in
            effects[factor.rawValue].map { (DecompositionFactor.names.text(factor.name, language), $0) }
        }
    }

    func againstBaseline(_ scenario: Roadmap.Scenario) -> WaterfallChart? {
        guard let comparison = scenario.againstBaseline, let baseline = roadmap?.scenario(comparison.baseline),
            let start = baseline.years.first(where: { $0.year == comparison.year }),
            let end = scenario.years.first(where: { $0.year == comparison.year })
        else { return nil }
        let title = t.format(.roadmapAgainstBaseline, ["scenario": scenario.name, "year": "\(comparison.year)"])
        var steps = effects(comparison.effects)
        if comparison.captureChange != 0 { steps.append((t[.roadmapCapture], comparison.captureChange)) }
        return WaterfallChart(
            id: "against", title: title, summary: title, start: (baseline.name, start.co2T), effects: steps,
            end: (scenario.name, end.co2T), unit: t[.unitTco2e], format: format)
    }

    func historyWaterfall() -> WaterfallChart? {
        guard let result = history.decomposition, let start = history.co2[result.from], let end = history.co2[result.to]
        else { return nil }
        let title = t.format(.roadmapHistoryWaterfall, ["from": "\(result.from)", "to": "\(result.to)"])
        var steps = effects(Dictionary(uniqueKeysWithValues: result.total.effects.map { ($0.key.rawValue, $0.value) }))
        if history.excludedChange != 0 { steps.append((t[.roadmapExcluded], history.excludedChange)) }
        return WaterfallChart(
            id: "history", title: title, summary: title, start: (String(result.from), start), effects: steps,
            end: (String(result.to), end), unit: t[.unitTco2e], format: format)
    }
}

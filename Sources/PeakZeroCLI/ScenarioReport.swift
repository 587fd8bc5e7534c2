import Accounting
import Foundation
import Pathways

/// A plan's results: per scenario its peak and a table of years (the base year, every fifth year
/// and the horizon), then each scenario against the baseline at the horizon; or all of it as JSON.
struct ScenarioReport {
    let roadmap: Roadmap
    let language: Language

    func peakText(_ peak: Roadmap.PeakFigures?) -> String {
        switch (peak?.status, peak?.year) {
        case ("peaked", let year?):
            language.word(
                .planPeaked,
                ["year": "\(year)", "value": NumberText.grouped(peak?.valueT ?? 0, decimals: 0),
                 "from": "\(peak?.plateauFrom ?? year)"])
        case ("plateau_at_horizon", let year?): language.word(.planPlateau, ["year": "\(year)"])
        default: language.word(.planRising)
        }
    }

    func table() -> String {
        var blocks: [String] = []
        for scenario in roadmap.scenarios {
            var table = TextTable(header: language.columns(.planHeader))
            table.rightAligned = Set(1...7)
            let shown = scenario.years.filter {
                $0.year == roadmap.baseYear || $0.year % 5 == 0 || $0.year == scenario.horizon
            }
            for year in shown {
                table.rows.append(
                    ["\(year.year)"]
                        + [year.gdp, year.energyTce, year.energyEquivalentTce, year.coalTce, year.co2T].map {
                            NumberText.grouped($0, decimals: 0)
                        }
                        + [NumberText.grouped(year.energyIntensity, decimals: 4), NumberText.grouped(year.carbonIntensity, decimals: 4)])
            }
            blocks.append("\(scenario.name) (\(scenario.id)) — \(peakText(scenario.peak))\n" + table.render())
        }
        let compared = roadmap.scenarios.compactMap { scenario in scenario.againstBaseline.map { (scenario.id, $0) } }
        if let baseline = roadmap.baseline, !compared.isEmpty {
            blocks.append(language.word(.planAgainstBaseline, ["baseline": baseline]))
            var table = TextTable(
                header: [language.word(.planScenario)]
                    + DecompositionFactor.allCases.map { DecompositionFactor.names.text($0.name, language) }
                    + [language.word(.planCapture), language.word(.decompositionTotal)])
            table.rightAligned = Set(1...(DecompositionFactor.allCases.count + 2))
            for (id, comparison) in compared {
                table.rows.append(
                    [id] + DecompositionFactor.allCases.map { NumberText.grouped(comparison.effects[$0.rawValue] ?? 0, decimals: 0) }
                        + [comparison.captureChange, comparison.totalChange].map { NumberText.grouped($0, decimals: 0) })
            }
            blocks.append(table.render())
        }
        return blocks.joined(separator: "\n\n")
    }

    func json() -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(roadmap), as: UTF8.self)
    }
}

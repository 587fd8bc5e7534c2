import Accounting
import Foundation
import Pathways

/// A plan's results: per scenario its peak and a table of years (the base year, every fifth year
/// and the horizon), then each scenario against the baseline at the horizon; or all of it as JSON.
struct ScenarioReport {
    let results: [ScenarioResult]
    /// The scenario the others are compared with: the plan's first without a parent.
    let baselineID: String?
    let tolerance: Double
    let language: Language

    var baseline: ScenarioResult? { results.first { $0.scenario.id == baselineID } }

    func peakText(_ result: ScenarioResult) -> String {
        switch result.peak(tolerance: tolerance) {
        case .peaked(let year, let value, let from):
            language.word(.planPeaked, ["year": "\(year)", "value": NumberText.grouped(value, decimals: 0), "from": "\(from)"])
        case .plateauAtHorizon(let year, _): language.word(.planPlateau, ["year": "\(year)"])
        case .risingAtHorizon, nil: language.word(.planRising)
        }
    }

    func table() -> String {
        var blocks: [String] = []
        for result in results {
            var table = TextTable(header: language.columns(.planHeader))
            table.rightAligned = Set(1...7)
            let shown = result.years.filter {
                $0.year == result.years.first?.year || $0.year % 5 == 0 || $0.year == result.scenario.horizon
            }
            for year in shown {
                table.rows.append(
                    ["\(year.year)"]
                        + [year.gdp, year.totalEnergy, year.totalEnergyEquivalent, year.coal, year.totalCO2].map {
                            NumberText.grouped($0, decimals: 0)
                        }
                        + [NumberText.grouped(year.energyIntensity, decimals: 4), NumberText.grouped(year.carbonIntensity, decimals: 4)])
            }
            blocks.append(
                "\(result.scenario.name) (\(result.scenario.id)) — \(peakText(result))\n" + table.render())
        }
        if let baseline, results.count > 1 {
            blocks.append(language.word(.planAgainstBaseline, ["baseline": baseline.scenario.id]))
            var table = TextTable(
                header: [language.word(.planScenario)]
                    + DecompositionFactor.allCases.map { DecompositionFactor.names.text($0.name, language) }
                    + [language.word(.planCapture), language.word(.decompositionTotal)])
            table.rightAligned = Set(1...(DecompositionFactor.allCases.count + 2))
            for result in results where result.scenario.id != baseline.scenario.id {
                guard let effects = against(baseline, result) else { continue }
                let capture = captureChange(baseline, result)
                table.rows.append(
                    [result.scenario.id] + DecompositionFactor.allCases.map { NumberText.grouped(effects.effects[$0] ?? 0, decimals: 0) }
                        + [capture, effects.totalChange + capture].map { NumberText.grouped($0, decimals: 0) })
            }
            blocks.append(table.render())
        }
        return blocks.joined(separator: "\n\n")
    }

    /// The change in CO2 kept out of the air by capture (levers outside energy use) at the horizon
    /// both reach: not in the energy decomposition, so shown beside it.
    func captureChange(_ baseline: ScenarioResult, _ result: ScenarioResult) -> Double {
        let year = min(baseline.scenario.horizon, result.scenario.horizon)
        func captured(_ r: ScenarioResult) -> Double { r.year(year)?.co2Avoided.values.reduce(0, +) ?? 0 }
        return captured(baseline) - captured(result)
    }

    /// A scenario against the baseline in the horizon both reach.
    func against(_ baseline: ScenarioResult, _ result: ScenarioResult) -> DecompositionEffects? {
        let year = min(baseline.scenario.horizon, result.scenario.horizon)
        guard let a = baseline.snapshot(year), let b = result.snapshot(year), a.totalCO2 > 0 || b.totalCO2 > 0 else {
            return nil
        }
        return LMDI.decompose(from: a, to: b, form: .additive)
    }

    func json() -> String {
        let scenarios: [[String: Any]] = results.map { result in
            var entry: [String: Any] = ["id": result.scenario.id, "name": result.scenario.name]
            switch result.peak(tolerance: tolerance) {
            case .peaked(let year, let value, let from):
                entry["peak"] = ["status": "peaked", "year": year, "value_t": value, "plateau_from": from]
            case .plateauAtHorizon(let year, let value):
                entry["peak"] = ["status": "plateau_at_horizon", "year": year, "value_t": value]
            case .risingAtHorizon(let largest): entry["peak"] = ["status": "rising_at_horizon", "largest_t": largest]
            case nil: break
            }
            entry["years"] = result.years.map { year in
                [
                    "year": year.year, "gdp": year.gdp, "energy_tce": year.totalEnergy,
                    "energy_equivalent_tce": year.totalEnergyEquivalent, "coal_tce": year.coal, "co2_t": year.totalCO2,
                    "co2_by_area": Dictionary(uniqueKeysWithValues: year.co2.keys.map { ($0.rawValue, year.co2(of: $0)) }),
                    "lever_co2_t": year.leverCO2,
                ] as [String: Any]
            }
            if let baseline, result.scenario.id != baseline.scenario.id, let effects = against(baseline, result) {
                entry["against_baseline"] = [
                    "baseline": baseline.scenario.id, "year": min(baseline.scenario.horizon, result.scenario.horizon),
                    "total_change": effects.totalChange + captureChange(baseline, result),
                    "capture_change": captureChange(baseline, result),
                    "effects": Dictionary(uniqueKeysWithValues: effects.effects.map { ($0.key.rawValue, $0.value) }),
                ] as [String: Any]
            }
            return entry
        }
        let data = try! JSONSerialization.data(
            withJSONObject: ["scenarios": scenarios, "plateau_tolerance": tolerance],
            options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}

import Accounting
import Foundation
import Pathways

/// A decomposition as a table for people, JSON for programs (with each factor's definition, so a
/// reader can re-derive the figures) or CSV for spreadsheets.
struct DecompositionReport: FormattedReport {
    let result: Decomposition
    let language: Language
    /// Lines printed under the table, and fields added to the JSON (what was left out, say).
    var notes: [String] = []
    var extraJSON: [String: Any] = [:]

    var isAdditive: Bool { result.form == .additive }

    func value(_ number: Double) -> String {
        isAdditive ? NumberText.grouped(number, decimals: 3) : String(format: "%.6f", number)
    }

    func table() -> String {
        let total = result.total
        var lines = [
            language.word(
                isAdditive ? .decompositionAdditive : .decompositionMultiplicative,
                ["from": "\(result.from)", "to": "\(result.to)", "start": NumberText.grouped(total.start),
                 "end": NumberText.grouped(total.end)])
        ]
        var table = TextTable(header: language.columns(.decompositionHeader))
        table.rightAligned = [1, 2]
        for factor in result.factors {
            let effect = total.effects[factor] ?? 0
            let share = isAdditive ? effect / (total.end - total.start) : log(effect) / log(total.totalChange)
            table.rows.append([
                DecompositionFactor.names.text(factor.name, language), value(effect),
                share.isFinite ? String(format: "%.1f%%", share * 100) : "",
            ])
        }
        table.rows.append([language.word(.decompositionTotal), value(total.totalChange), "100.0%"])
        lines.append(table.render())
        if !result.steps.isEmpty {
            var steps = TextTable(
                header: [language.word(.decompositionStep)]
                    + result.factors.map { DecompositionFactor.names.text($0.name, language) })
            steps.rightAligned = Set(1...result.factors.count)
            for step in result.steps {
                steps.rows.append(["\(step.from)–\(step.to)"] + result.factors.map { value(step.effects.effects[$0] ?? 0) })
            }
            lines += ["", steps.render()]
        }
        if !notes.isEmpty { lines += [""] + notes }
        lines += ["", language.word(.decompositionDefinitions)]
        lines += result.factors.map { "  " + $0.definition(language) }
        lines.append("  " + DecompositionFactor.definitions.text(.weight, language))
        return lines.joined(separator: "\n")
    }

    func effectsObject(_ effects: DecompositionEffects) -> [String: Any] {
        Dictionary(uniqueKeysWithValues: result.factors.map { ($0.rawValue, effects.effects[$0] ?? 0) })
    }

    func json() -> String {
        var document: [String: Any] = [
            "from": result.from, "to": result.to, "form": result.form.rawValue, "chained": result.chained,
            "start_co2_t": result.total.start, "end_co2_t": result.total.end,
            "total_change": result.total.totalChange, "effects": effectsObject(result.total),
            "definitions": Dictionary(
                uniqueKeysWithValues: result.factors.map { ($0.rawValue, $0.definition(language)) }
                    + [("weight", DecompositionFactor.definitions.text(.weight, language))]),
        ]
        document.merge(extraJSON) { _, extra in extra }
        if !result.steps.isEmpty {
            document["steps"] = result.steps.map { step in
                ["from": step.from, "to": step.to, "total_change": step.effects.totalChange,
                 "effects": effectsObject(step.effects)] as [String: Any]
            }
        }
        let data = try! JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    func csv() -> String {
        var lines = ["from,to,form," + result.factors.map(\.rawValue).joined(separator: ",") + ",total_change"]
        func line(_ from: Int, _ to: Int, _ effects: DecompositionEffects) -> String {
            (["\(from)", "\(to)", result.form.rawValue] + result.factors.map { "\(effects.effects[$0] ?? 0)" }
                + ["\(effects.totalChange)"]).joined(separator: ",")
        }
        lines += result.steps.map { line($0.from, $0.to, $0.effects) }
        lines.append(line(result.from, result.to, result.total))
        return lines.joined(separator: "\n")
    }
}

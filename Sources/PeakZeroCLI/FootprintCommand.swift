import Accounting
import ArgumentParser
import Foundation
import Footprint

/// `peakzero footprint …`: product carbon footprints from a model file.
struct FootprintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "footprint", abstract: "Product carbon footprints (GB/T 24067-2024, ISO 14067) by matrix LCA.",
        subcommands: [Calc.self])

    struct Calc: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The footprint of a product model: by stage, flow and process, with an uncertainty range.",
            discussion: """
                MODEL is a product model in PeakZero's JSON form (docs/footprint.md). Gases are characterised by the
                factor library's GWP set, grid electricity by the province's factor of the data year, background
                inputs by a cited factor set given with --background.
                Example: peakzero footprint calc Examples/footprint-heijungs-suh.json --monte-carlo 1000
                """)

        @Argument(help: "The product model (JSON).") var model: String
        @Option(name: .customLong("monte-carlo"), help: "Monte Carlo draws (0 for none; at most 1,000,000).")
        var monteCarlo: Int = 0
        @Option(help: "The Monte Carlo seed; the same seed gives the same numbers.") var seed: UInt64 = 1
        @Option(help: "The GWP set: SAR, AR4, AR5 or AR6.") var gwp: String = "AR6"
        @Option(help: "A background factor set (CSV: id,name,value,unit,source,year).") var background: String?
        @Option(help: "Rows of the flow and process tables to print (all in JSON).") var top: Int = 10
        @OptionGroup var output: TableOrJSONOption
        @OptionGroup var language: LanguageOption

        func validate() throws {
            guard (0...1_000_000).contains(monteCarlo) else {
                throw ValidationError("--monte-carlo must be 0 to 1,000,000")
            }
            guard GWPSet(parsing: gwp) != nil else { throw ValidationError("--gwp must be SAR, AR4, AR5 or AR6") }
            guard top > 0 else { throw ValidationError("--top must be above 0") }
        }

        func run() throws {
            let lang = try language.resolved()
            let model: ProductModel
            do {
                model = try ProductModel.decode(json: try UserFile.contents(atPath: self.model))
            } catch let error as InputIssues {
                throw ValidationError(error.issues.map { $0.message(in: lang) }.joined(separator: "\n"))
            } catch let error as DecodingError {
                let (field, reason) = error.fieldAndReason
                throw ValidationError(
                    lang.word(.footprintUnreadable, ["file": self.model, "reason": "\(field): \(reason)"]))
            }
            let set = GWPSet(parsing: gwp)!
            let factors = LibraryFactors(
                library: try FactorLibrary.standard(), gwp: set, background: try backgroundSet(lang))
            let summary: FootprintSummary
            do {
                let calculation = try FootprintCalculation(SystemMatrices.build(model, factors: factors))
                let uncertainty = monteCarlo > 0 ? calculation.monteCarlo(iterations: monteCarlo, seed: seed) : nil
                summary = calculation.summary(
                    of: model, result: calculation.result(), gwpSet: set.rawValue, uncertainty: uncertainty,
                    language: lang)
            } catch {
                throw ValidationError(error.problems.map { $0.message(lang) }.joined(separator: "\n"))
            }
            say(
                output.isJSON
                    ? try Self.json(summary) : FootprintReport(summary: summary, language: lang, top: top).text)
        }

        private func backgroundSet(_ lang: Language) throws -> BackgroundFactorSet {
            guard let background else { return .empty }
            let text = try String(contentsOfFile: background, encoding: .utf8)
            do {
                return try BackgroundFactorSet(csv: text, name: (background as NSString).lastPathComponent)
            } catch {
                throw ValidationError(error.problems.map { $0.message(lang) }.joined(separator: "\n"))
            }
        }

        static func json(_ summary: FootprintSummary) throws -> String {
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = .convertToSnakeCase
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.nonConformingFloatEncodingStrategy = .convertToString(
                positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
            return String(decoding: try encoder.encode(summary), as: UTF8.self)
        }
    }
}

/// The footprint summary as text tables.
struct FootprintReport {
    let summary: FootprintSummary
    let language: Language
    let top: Int

    var text: String {
        let lang = language
        func n(_ value: Double, _ decimals: Int = 3) -> String { NumberText.grouped(value, decimals: decimals) }
        func percent(_ share: Double) -> String { NumberText.grouped(share * 100, decimals: 1) + " %" }
        var lines = [
            lang.word(
                .footprintHeading,
                [
                    "model": summary.model, "amount": NumberText.plain(summary.declaredAmount),
                    "unit": summary.declaredUnit,
                    "product": summary.declaredProduct,
                    "boundary": lang.word(
                        summary.boundary == .cradleToGate ? .footprintCradleToGate : .footprintCradleToGrave),
                ]),
            lang.word(.footprintTotal, ["total": n(summary.totalCo2eKg), "gwp": summary.gwpSet]),
        ]
        if let perKWh = summary.perLifetimeKilowattHour {
            lines.append(lang.word(.footprintBattery, ["value": n(perKWh, 4)]))
        }
        for part in summary.batteryStages ?? [] {
            lines.append("  \(part.stage.name(in: lang)): \(n(part.perLifetimeKilowattHour, 6)) kg CO2e/kWh")
        }
        if let mc = summary.uncertainty {
            lines.append(
                lang.word(
                    .footprintUncertainty,
                    [
                        "iterations": "\(mc.iterations)", "seed": "\(mc.seed)", "mean": n(mc.mean),
                        "median": n(mc.median),
                        "low": n(mc.lower2_5), "high": n(mc.upper97_5),
                        "failed": mc.failed > 0 ? " (−\(mc.failed))" : "",
                    ]))
        }
        var stages = TextTable(header: lang.columns(.footprintStageHeader))
        stages.rightAligned = [1, 2]
        for part in summary.byStage {
            let stage = LifeCycleStage(rawValue: part.key).map { $0.name(in: lang) } ?? part.key
            stages.rows.append([stage, n(part.co2eKg), percent(part.share)])
        }
        var flows = TextTable(header: lang.columns(.footprintFlowHeader))
        flows.rightAligned = [1, 3]
        for flow in summary.byFlow.prefix(top) {
            flows.rows.append([flow.key, n(flow.amount, 4), flow.unit, n(flow.co2eKg), flow.factor?.id ?? "—"])
        }
        var processes = TextTable(header: lang.columns(.footprintProcessHeader))
        processes.rightAligned = [3, 5, 6]
        for line in summary.byProcess.prefix(top) {
            processes.rows.append([
                line.process, line.name, line.stage.name(in: lang), n(line.amount, 4), line.unit, n(line.directCo2eKg),
                percent(line.share),
            ])
        }
        lines += ["", stages.render(), "", flows.render(), "", processes.render()]
        if !summary.notes.isEmpty { lines += ["", lang.word(.footprintNotes)] + summary.notes.map { "- " + $0 } }
        return lines.joined(separator: "\n")
    }
}

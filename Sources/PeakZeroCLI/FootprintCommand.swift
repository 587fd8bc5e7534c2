import Accounting
import ArgumentParser
import Foundation
import Footprint
import Intake
import Persistence

/// `peakzero footprint …`: product carbon footprints from a model file.
struct FootprintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "footprint", abstract: "Product carbon footprints (GB/T 24067-2024, ISO 14067) by matrix LCA.",
        subcommands: [Calc.self, Convert.self, FootprintImportCommand.self])

    /// The model file, in any of the forms PeakZero reads; a refusal naming each problem by place.
    static func read(_ path: String, productSystem: String?, _ lang: Language) throws -> ImportedModel {
        do {
            return try FootprintModelFile.read(
                try UserFile.contents(atPath: path), name: UserFile.name(of: path), productSystem: productSystem)
        } catch {
            throw ValidationError(error.issues.map { $0.message(in: lang) }.joined(separator: "\n"))
        }
    }

    /// The model checked against the factors: the matrices, or a refusal naming each problem where
    /// the file has it.
    static func build(_ imported: ImportedModel, factors: LibraryFactors, _ lang: Language) throws -> SystemMatrices {
        do { return try SystemMatrices.build(imported.model, factors: factors) } catch {
            throw ValidationError(imported.issues(error).issues.map { $0.message(in: lang) }.joined(separator: "\n"))
        }
    }

    struct Calc: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The footprint of a product model: by stage, flow and process, with an uncertainty range.",
            discussion: """
                MODEL is a product model: PeakZero's JSON form, the product model template (XLSX or CSV, \
                `peakzero template footprint`), or an openLCA JSON-LD export (zip) — docs/footprint.md. Gases \
                are characterised by the factor library's GWP set, grid electricity by the province's factor of \
                the data year, background inputs by the model's own cited factors or a factor set given with \
                --background.
                Example: peakzero footprint calc Examples/footprint-heijungs-suh.json --monte-carlo 1000
                """)

        @Argument(help: "The product model (JSON, XLSX, CSV or an openLCA JSON-LD zip).") var model: String
        @Option(name: .customLong("monte-carlo"), help: "Monte Carlo draws (0 for none; at most 1,000,000).")
        var monteCarlo: Int = 0
        @Option(help: "The Monte Carlo seed; the same seed gives the same numbers.") var seed: UInt64 = 1
        @Option(help: "The GWP set: SAR, AR4, AR5 or AR6.") var gwp: String = "AR6"
        @Option(help: "A background factor set (CSV: id,name,value,unit,source,year).") var background: String?
        @Option(name: .customLong("product-system"), help: "For an openLCA export with several: the product system.")
        var productSystem: String?
        @Option(help: "Also write the results workbook (XLSX: summary, stages, flows, processes, draws) here.")
        var workbook: String?
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
            let imported = try FootprintCommand.read(self.model, productSystem: productSystem, lang)
            let model = imported.model
            let set = GWPSet(parsing: gwp)!
            let factors = LibraryFactors(
                library: try FactorLibrary.standard(), gwp: set, background: try backgroundSet(lang))
            let summary: FootprintSummary
            do {
                let calculation = try FootprintCalculation(FootprintCommand.build(imported, factors: factors, lang))
                let uncertainty = monteCarlo > 0 ? calculation.monteCarlo(iterations: monteCarlo, seed: seed) : nil
                summary = calculation.summary(
                    of: model, result: calculation.result(), gwpSet: set.rawValue, uncertainty: uncertainty,
                    language: lang)
            } catch let error as FootprintProblems {
                throw ValidationError(imported.issues(error).issues.map { $0.message(in: lang) }.joined(separator: "\n"))
            }
            if let workbook {
                let data = try FootprintWorkbook.data(summary, language: lang)
                do { try data.write(to: URL(fileURLWithPath: workbook), options: .atomic) } catch {
                    throw ValidationError("cannot write \(workbook): \(error.localizedDescription)")
                }
            }
            for note in imported.notes { Console().err(lang == .zh ? note.zh : note.en) }
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
        if let basis = summary.batteryBasis {
            lines.append(
                lang.word(
                    .footprintLifetime,
                    [
                        "capacity": NumberText.plain(basis.capacityKilowattHours),
                        "cycles": NumberText.plain(basis.cyclesPerYear), "years": NumberText.plain(basis.years),
                        "energy": n(basis.lifetimeEnergyKWh, 0),
                    ]))
            if let source = basis.cyclesSource, let category = basis.vehicleCategory {
                lines.append(
                    lang.word(
                        .footprintCyclesDefault,
                        [
                            "category": category, "grade": basis.cyclesGrade ?? "",
                            "source": ReferenceTexts.bundled.shown(source, lang),
                        ]))
            }
        }
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

extension FootprintCommand {
    /// `peakzero footprint convert MODEL --to json|xlsx|csv`: a model in another of PeakZero's forms —
    /// an openLCA export as the template, to set its stages; the template as JSON for the API.
    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a product model in PeakZero's JSON form or as the product model template (XLSX, CSV).")

        @Argument(help: "The product model (JSON, XLSX, CSV or an openLCA JSON-LD zip).") var model: String
        @Option(help: "json, xlsx or csv.") var to: String
        @Option(name: .shortAndLong, help: "File to write (default: the model's name with the new extension).")
        var output: String?
        @Option(name: .customLong("product-system"), help: "For an openLCA export with several: the product system.")
        var productSystem: String?
        @OptionGroup var language: LanguageOption

        func run() throws {
            let lang = try language.resolved()
            let target = to.lowercased()
            guard ["json", "xlsx", "csv"].contains(target) else { throw ValidationError("--to must be json, xlsx or csv") }
            let imported = try FootprintCommand.read(model, productSystem: productSystem, lang)
            let data =
                target == "json"
                ? try imported.model.encodedJSON()
                : try FootprintTemplate.data(imported.model, format: Templates.Format(rawValue: target)!, language: lang)
            let path = output ?? ((model as NSString).deletingPathExtension + "." + target)
            guard path != model else { throw ValidationError("--output must name another file than \(model)") }
            do { try data.write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
                throw ValidationError("cannot write \(path): \(error.localizedDescription)")
            }
            for note in imported.notes { Console().err(lang == .zh ? note.zh : note.en) }
            say(path)
        }
    }
}

/// `peakzero footprint import MODEL --unit CODE`: keeps a model as one of a unit's product models
/// (checked against the factor library first; audited), as the unit's footprints page and the API do.
struct FootprintImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Save a product model (JSON, template or openLCA export) as one of a unit's models.")

    @Argument(help: "The product model (JSON, XLSX, CSV or an openLCA JSON-LD zip).") var model: String
    @Option(help: "The unit's code.") var unit: String
    @Option(name: .customLong("product-system"), help: "For an openLCA export with several: the product system.")
    var productSystem: String?
    @OptionGroup var storage: StorageOptions
    @OptionGroup var language: LanguageOption

    func run() async throws {
        let lang = try language.resolved()
        let imported = try FootprintCommand.read(model, productSystem: productSystem, lang)
        let saved = try await storage.withDatabase(logger: CLILogger.make()) { database in
            let owner: Int64
            do { owner = try await UnitStore(database).unit(code: unit).id } catch StoreError.notFound {
                throw ValidationError(lang.word(.planUnknownUnit, ["unit": unit]))
            }
            let factors = LibraryFactors(library: try await FactorSetStore(database).library(), gwp: .ar6)
            _ = try FootprintCommand.build(imported, factors: factors, lang)
            return try await FootprintModelStore(database).save(imported.model, unitID: owner)
        }
        for note in imported.notes { Console().err(lang == .zh ? note.zh : note.en) }
        say(lang.word(.footprintSaved, ["name": saved.name, "id": "\(saved.id)", "unit": unit]))
    }
}

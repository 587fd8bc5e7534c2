import Accounting
import ArgumentParser
import Assets
import Foundation
import Persistence

/// `peakzero projects …`: a unit's reduction projects — list with savings and economics, save from
/// a JSON file, move a stage, record a measurement, and the abatement cost curve.
struct ProjectsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "projects", abstract: "Reduction projects: savings, economics and the abatement cost curve.",
        subcommands: [List.self, Show.self, Save.self, Stage.self, Verify.self, Curve.self])

    /// `--rate` and `--method`, as the API's query.
    struct Terms: ParsableArguments {
        @Option(help: "Real discount rate (default 0.08).") var rate: Double = ProjectCashFlows.defaultDiscountRate
        @Option(help: "The CO2e the economics count: location or market.") var method: String = "location"

        func validate() throws {
            guard rate > -1, rate < 1 else { throw ValidationError("--rate must lie between -1 and 1, e.g. 0.08") }
            guard Scope2Method(rawValue: method) != nil else { throw ValidationError("--method must be location or market") }
        }

        var scope2: Scope2Method { Scope2Method(rawValue: method) ?? .location }
    }

    static func figures(unit: ReportingUnit, terms: Terms, database: PeakZeroDatabase) async throws -> [ProjectFigures] {
        try await ProjectFigures.load(
            try await ProjectStore(database).list(under: unit.id), in: database, rate: terms.rate, method: terms.scope2)
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The projects of a unit's subtree: savings at 等价值 and 当量值, CO2e avoided, NPV, payback, cost per tonne.")

        @Option(help: "The unit's code.") var unit: String
        @OptionGroup var terms: Terms
        @OptionGroup var format: TableOrJSONOption
        @OptionGroup var storage: StorageOptions
        @OptionGroup var language: LanguageOption

        struct Row: Encodable {
            let project: StoredProject
            let tceEquivalent: Double?
            let tceCalorific: Double?
            let co2eT: Double?
            let verified: Bool
            let netPresentValue: Double?
            let paybackYears: Double?
            let levelisedCostYuanPerT: Double?
        }

        func run() async throws {
            let lang = try language.resolved()
            try await storage.withDatabase(logger: CLILogger.make()) { database in
                let unit = try await AssetCommandSupport.unit(self.unit, in: database, language: lang)
                let rows = try await ProjectsCommand.figures(unit: unit, terms: terms, database: database).map { f in
                    let a = f.assessment
                    return Row(
                        project: f.stored, tceEquivalent: a?.counted.energyEquivalent.value(in: .tonneCoalEquivalent),
                        tceCalorific: a?.counted.energyCalorific.value(in: .tonneCoalEquivalent),
                        co2eT: a?.counted.avoided(terms.scope2).value(in: .tonneCO2e), verified: a?.verified != nil,
                        netPresentValue: a?.netPresentValue.value(in: .tenThousandYuan), paybackYears: a?.payback(),
                        levelisedCostYuanPerT: a?.levelisedCost?.yuanPerTonne)
                }
                if format.isJSON { return say(try AssetCommandSupport.json(rows)) }
                guard !rows.isEmpty else { return say(lang.word(.projectsEmpty, ["unit": unit.code])) }
                var table = TextTable(header: lang.columns(.projectsHeader))
                table.rightAligned = [5, 6, 7, 8, 9, 10, 11]
                func n(_ v: Double?, _ d: Int = 1) -> String { v.map { NumberText.grouped($0, decimals: d) } ?? "—" }
                for row in rows {
                    let p = row.project
                    table.rows.append([
                        p.unitCode, p.code + (row.verified ? "*" : ""), p.name, p.type.name(in: lang),
                        p.stage.name(in: lang), String(p.firstYear), n(row.tceEquivalent), n(row.tceCalorific),
                        n(row.co2eT), n(row.netPresentValue, 2), n(row.paybackYears), n(row.levelisedCostYuanPerT),
                    ])
                }
                say(table.render())
                if rows.contains(where: \.verified) { say(lang.word(.projectsVerified)) }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One project's savings line by line, with every factor each line used (its lineage).")

        @Option(help: "The unit's code.") var unit: String
        @Option(help: "The project's code.") var code: String
        @OptionGroup var terms: Terms
        @OptionGroup var storage: StorageOptions
        @OptionGroup var language: LanguageOption

        func run() async throws {
            let lang = try language.resolved()
            try await storage.withDatabase(logger: CLILogger.make()) { database in
                let unit = try await AssetCommandSupport.unit(self.unit, in: database, language: lang)
                let project = try await ProjectsCommand.project(code, of: unit, in: database, language: lang)
                let figures = try await ProjectFigures.load(
                    [project], in: database, rate: terms.rate, method: terms.scope2)[0]
                say("\(project.unitCode)/\(project.code) \(project.name)")
                guard let counted = figures.assessment?.counted else { return }
                var table = TextTable(header: lang.columns(.projectLinesHeader))
                table.rightAligned = [1, 2, 3, 4]
                for line in counted.lines {
                    table.rows.append([
                        line.record.item.name(in: lang),
                        "\(NumberText.grouped(line.record.quantity.value, decimals: 2)) \(line.record.quantity.unitSymbol)",
                        NumberText.grouped(line.energyEquivalent.value(in: .tonneCoalEquivalent), decimals: 1),
                        NumberText.grouped(line.energyCalorific.value(in: .tonneCoalEquivalent), decimals: 1),
                        NumberText.grouped(line.emissions(terms.scope2).value(in: .tonneCO2e), decimals: 1),
                        line.factors.map { f in "\(f.kind.name(in: lang)) \(f.value) \(f.unit)" + (f.entry.map { " [\($0.id) \($0.grade.rawValue)]" } ?? "") }
                            .joined(separator: "; "),
                    ])
                }
                say(table.render())
            }
        }
    }

    struct Save: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Save a project of a unit from a JSON file (the API's fields); a known code replaces it.",
            discussion: """
                {"code": "P-01", "name": "余热发电", "type": "efficiency", "stage": "planned", "first_year": 2026, \
                "lifetime_years": 15, "capex": 1200, "yearly_opex": 30, "yearly_benefit": 420, \
                "savings": [{"item": "电力", "quantity": 8000, "unit": "MWh"}], "interacts_with": []}
                """)

        @Argument(help: "The project (JSON).") var file: String
        @Option(help: "The unit's code.") var unit: String
        @OptionGroup var storage: StorageOptions
        @OptionGroup var language: LanguageOption

        func run() async throws {
            let lang = try language.resolved()
            let draft = try AssetCommandSupport.decode(ProjectDraft.self, file: file, language: lang)
            try await storage.withDatabase(logger: CLILogger.make()) { database in
                let unit = try await AssetCommandSupport.unit(self.unit, in: database, language: lang)
                let saved = try await AssetCommandSupport.refusing(lang) {
                    try await ProjectStore(database).save(
                        unitID: unit.id, draft, library: try await FactorSetStore(database).library())
                }
                say(lang.word(.projectSaved, ["code": saved.code, "unit": unit.code]))
            }
        }
    }

    /// A unit's project by its code.
    static func project(_ code: String, of unit: ReportingUnit, in database: PeakZeroDatabase, language: Language)
        async throws -> StoredProject
    {
        guard let found = try await ProjectStore(database).project(unitID: unit.id, code: code) else { throw PathwayRunCommand.fail(language.word(.projectUnknown, ["unit": unit.code, "code": code])) }
        return found
    }

    struct Stage: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move a project one stage forward (planned → approved → building → operating), or to closed.")

        @Option(help: "The unit's code.") var unit: String
        @Option(help: "The project's code.") var code: String
        @Option(help: "The stage to move to.") var to: String
        @OptionGroup var storage: StorageOptions
        @OptionGroup var language: LanguageOption

        func run() async throws {
            let lang = try language.resolved()
            try await storage.withDatabase(logger: CLILogger.make()) { database in
                let unit = try await AssetCommandSupport.unit(self.unit, in: database, language: lang)
                let project = try await ProjectsCommand.project(code, of: unit, in: database, language: lang)
                let moved = try await AssetCommandSupport.refusing(lang) {
                    try await ProjectStore(database).setStage(id: project.id, to: to)
                }
                say(lang.word(.projectStaged, ["code": moved.code, "stage": moved.stage.name(in: lang)]))
            }
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a year's measurement and verification of a project from a JSON file.",
            discussion: """
                {"year": 2025, "option": "B", "baseline": "2023 metered use", "adjustments": "weather-normalised", \
                "savings": [{"item": "电力", "quantity": 7600, "unit": "MWh"}]}

                Or by the product method of GB/T 13234 (the saving counted as tce of a coal, 烟煤 by default):
                {"year": 2025, "option": "C", "baseline": "2023 whole plant", "product_unit": {"carrier": "烟煤", \
                "products": [{"name": "熟料", "baseline_per_unit": 0.4, "reporting_per_unit": 0.38, \
                "reporting_output": 78000, "unit": "t"}]}}
                """)

        @Argument(help: "The M&V record (JSON).") var file: String
        @Option(help: "The unit's code.") var unit: String
        @Option(help: "The project's code.") var code: String
        @OptionGroup var storage: StorageOptions
        @OptionGroup var language: LanguageOption

        func run() async throws {
            let lang = try language.resolved()
            let new = try AssetCommandSupport.decode(NewVerification.self, file: file, language: lang)
            try await storage.withDatabase(logger: CLILogger.make()) { database in
                let unit = try await AssetCommandSupport.unit(self.unit, in: database, language: lang)
                let project = try await ProjectsCommand.project(code, of: unit, in: database, language: lang)
                let kept = try await AssetCommandSupport.refusing(lang) {
                    try await ProjectStore(database).verify(
                        id: project.id, new, library: try await FactorSetStore(database).library())
                }
                say(
                    lang.word(
                        .projectVerifiedNote, ["code": project.code, "year": String(kept.year), "option": kept.option.rawValue]))
            }
        }
    }

    struct Curve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The marginal abatement cost curve of a subtree's projects, and the cheapest way to close a gap.")

        @Option(help: "The unit's code.") var unit: String
        @Option(help: "A gap to close, tCO2e a year.") var gap: Double?
        @OptionGroup var terms: Terms
        @OptionGroup var storage: StorageOptions
        @OptionGroup var language: LanguageOption

        func run() async throws {
            let lang = try language.resolved()
            try await storage.withDatabase(logger: CLILogger.make()) { database in
                let unit = try await AssetCommandSupport.unit(self.unit, in: database, language: lang)
                let figures = try await ProjectsCommand.figures(unit: unit, terms: terms, database: database)
                let curve = AbatementCurve(figures.compactMap { $0.assessment?.block })
                var table = TextTable(header: lang.columns(.curveHeader))
                table.rightAligned = [2, 3, 4]
                for (block, start) in zip(curve.blocks, curve.starts) {
                    table.rows.append([
                        block.code, block.name, NumberText.grouped(block.cost.yuanPerTonne, decimals: 1),
                        NumberText.grouped(block.yearlyAbatement.value(in: .tonneCO2e), decimals: 1),
                        NumberText.grouped(start, decimals: 1),
                    ])
                }
                say(table.render())
                say(
                    lang.word(
                        .curveTotal,
                        ["total": NumberText.grouped(curve.total.value(in: .tonneCO2e), decimals: 1), "rate": String(terms.rate)]))
                for warning in curve.warnings {
                    switch warning {
                    case .negativeCost(let codes): say(lang.word(.curveNegative, ["codes": codes.joined(separator: ", ")]))
                    case .interacting(let pairs):
                        say(lang.word(.curveInteracting, ["pairs": pairs.map { $0.joined(separator: "↔") }.joined(separator: ", ")]))
                    }
                }
                if let gap {
                    let plan = curve.closing(Emissions(gap, .tonneCO2e))
                    say(
                        lang.word(
                            .curvePlan,
                            [
                                "gap": NumberText.grouped(gap, decimals: 1),
                                "projects": plan.projects.map(\.code).joined(separator: " → "),
                                "remaining": NumberText.grouped(plan.remaining.value(in: .tonneCO2e), decimals: 1),
                                "cost": NumberText.grouped(plan.yearlyCost.value(in: .tenThousandYuan), decimals: 2),
                            ]))
                }
            }
        }
    }
}

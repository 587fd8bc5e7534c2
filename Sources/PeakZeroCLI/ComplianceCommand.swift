import Accounting
import ArgumentParser
import Assets
import Foundation
import Persistence

/// `peakzero compliance …`: covered units' compliance years, the board of a subtree, and the rule
/// records in force.
struct ComplianceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compliance", abstract: "ETS compliance (履约): the board, covered years and rule records.",
        subcommands: [Board.self, Set.self, Rules.self, AddRule.self])

    struct Board: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Each covered unit's position for a year: verified emissions, obligation, holdings, shortfall, light.")

        @Option(help: "The unit's code (its subtree).") var unit: String
        @Option(help: "The compliance year.") var year: Int
        @OptionGroup var date: DateOption
        @OptionGroup var storage: StorageOptions
        @OptionGroup var language: LanguageOption

        func run() async throws {
            let lang = try language.resolved()
            let day = date.day
            try await storage.withDatabase(logger: CLILogger.make()) { database in
                let unit = try await AssetCommandSupport.unit(self.unit, in: database, language: lang)
                let rows = try await ComplianceStore(database).board(under: unit.id, year: year, today: day)
                guard !rows.isEmpty else { return say(lang.word(.boardEmpty, ["unit": unit.code, "year": String(year)])) }
                var table = TextTable(header: lang.columns(.boardHeader))
                table.rightAligned = [2, 3, 4, 5, 6, 7, 8]
                var missing: [String] = []
                for row in rows {
                    guard let p = row.position else {
                        missing.append(lang.word(.boardNoInventory, ["unit": row.year.unitCode, "year": String(year)]))
                        continue
                    }
                    func n(_ v: Int64) -> String { NumberText.grouped(Double(v), decimals: 0) }
                    table.rows.append([
                        row.year.unitCode, row.year.sector, n(p.verified), n(p.obligation),
                        n(p.surrenderedAllowances + p.surrenderedCredits), n(p.usableAllowances), n(p.usableCredits),
                        n(p.shortfall), n(p.surplus), p.deadline?.description ?? "—", p.light.name(in: lang),
                    ])
                }
                say(table.render())
                missing.forEach(say)
                // An allocation by benchmark, line by line with its rule record.
                for row in rows {
                    for line in row.benchmark?.lines ?? [] {
                        let correction = line.output.correction == 1 ? "" : " × \(line.output.correction) (\(line.output.correctionSource))"
                        say(
                            "\(row.year.unitCode) \(line.output.output): \(line.benchmark.value) (\(line.benchmark.record.id)) × "
                                + "\(NumberText.grouped(line.output.quantity, decimals: 0))\(correction) = "
                                + "\(NumberText.grouped(line.allowances, decimals: 1)) t")
                    }
                }
            }
        }
    }

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Set a covered unit's sector and allocation for a year.")

        @Option(help: "The unit's code.") var unit: String
        @Option(help: "The compliance year.") var year: Int
        @Option(help: "The sector (power, cement, steel, aluminium …).") var sector: String
        @Option(help: "The allocation, t.") var allocation: Int64?
        @Option(help: "Where the allocation comes from (the notice).") var source: String = ""
        @Option(
            name: .customLong("output"),
            help: "Instead of --allocation, an output for an allocation by benchmark: KEY=QUANTITY or KEY=QUANTITY*CORRECTION (repeatable), e.g. electricity_supplied=1000000*1.02."
        ) var outputs: [String] = []
        @Option(help: "Where the correction factors come from (needed when one is not 1).") var correctionSource: String = ""
        @OptionGroup var storage: StorageOptions
        @OptionGroup var language: LanguageOption

        func validate() throws { _ = try parsedOutputs() }

        /// `KEY=QUANTITY[*CORRECTION]` as outputs.
        func parsedOutputs() throws -> [AllocationOutput] {
            try outputs.map { text in
                let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
                let figures = parts.count == 2 ? parts[1].split(separator: "*").map { Double($0.trimmed) } : []
                guard parts.count == 2, (1...2).contains(figures.count), let quantity = figures[0],
                    figures.count == 1 || figures[1] != nil
                else { throw ValidationError("--output \(text): write KEY=QUANTITY or KEY=QUANTITY*CORRECTION") }
                return AllocationOutput(
                    output: parts[0].trimmed, quantity: quantity, correction: figures.count == 2 ? figures[1]! : 1,
                    correctionSource: correctionSource)
            }
        }

        func run() async throws {
            let lang = try language.resolved()
            try await storage.withDatabase(logger: CLILogger.make()) { database in
                let unit = try await AssetCommandSupport.unit(self.unit, in: database, language: lang)
                let outputs = try parsedOutputs()
                let kept = try await AssetCommandSupport.refusing(lang) {
                    try await ComplianceStore(database).setYear(
                        unitID: unit.id, year: year, sector: sector, allocation: allocation, allocationSource: source,
                        outputs: outputs)
                }
                say(
                    lang.word(
                        .complianceSet,
                        [
                            "unit": unit.code, "year": String(year), "sector": kept.sector,
                            "allocation": kept.allocation.map(String.init) ?? "—",
                        ]))
            }
        }
    }

    struct Rules: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The carbon-market rule records in force: bundled, with their sources and grades, and entered.")

        @OptionGroup var storage: StorageOptions
        @OptionGroup var language: LanguageOption

        func run() async throws {
            let lang = try language.resolved()
            try await storage.withDatabase(logger: CLILogger.make()) { database in
                var table = TextTable(header: lang.columns(.rulesHeader))
                for r in try await MarketRuleStore(database).book().records {
                    table.rows.append([
                        r.id, r.market, r.sectors.isEmpty ? "*" : r.sectors.joined(separator: ";"),
                        "\(r.years.lowerBound)–\(r.years.upperBound)", r.parameter.rawValue, r.value, r.grade.rawValue,
                        String(r.source.prefix(60)),
                    ])
                }
                say(table.render())
            }
        }
    }

    struct AddRule: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add-rule", abstract: "Enter a rule record PeakZero does not ship (with its source).")

        @Option(help: "The record's id.") var id: String
        @Option(help: "national, a pilot market's code, or gec.") var market: String = "national"
        @Option(help: "Sectors, separated by ';' (none: every sector).") var sectors: String = ""
        @Option(help: "First year it applies to.") var firstYear: Int
        @Option(help: "Last year it applies to.") var lastYear: Int?
        @Option(help: "The parameter (ccer_limit, deadline, shortfall_cap, borrow_min_gap, benchmark, …).") var parameter: String
        @Option(help: "Its value.") var value: String
        @Option(help: "V, S or U.") var grade: String = "U"
        @Option(help: "The source: the document, its number or address.") var source: String
        @Option(help: "For a benchmark: the output it applies to (electricity_supplied, heat_supplied, clinker …).")
        var output: String?
        @OptionGroup var storage: StorageOptions
        @OptionGroup var language: LanguageOption

        func run() async throws {
            let lang = try language.resolved()
            try await storage.withDatabase(logger: CLILogger.make()) { database in
                let kept = try await AssetCommandSupport.refusing(lang) {
                    try await MarketRuleStore(database).add(
                        NewMarketRule(
                            id: id, market: market, sectors: sectors.split(separator: ";").map(String.init),
                            firstYear: firstYear, lastYear: lastYear, parameter: parameter, value: value, grade: grade,
                            source: source, output: output))
                }
                say(lang.word(.ruleAdded, ["id": kept.id]))
            }
        }
    }
}

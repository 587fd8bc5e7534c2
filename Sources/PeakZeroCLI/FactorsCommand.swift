import Accounting
import ArgumentParser

/// `peakzero factors list|show`: the factor library with its sources and grades.
struct FactorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "factors",
        abstract: "Browse the factor library: values, units, sources and grades.",
        subcommands: [List.self, Show.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the items and the factors the library holds.")

        @Option(
            help:
                "Only factors of this kind (ncv, carbon_content, oxidation_rate, coal_coefficient, coal_rate, grid_average, grid_excluding_market_nonfossil, grid_fossil, heat, gwp)."
        )
        var kind: String?

        @Option(name: .customLong("factors"), help: "Add a factor set of your own to the listing.")
        var factorFiles: [String] = []

        @OptionGroup var language: LanguageOption

        func run() throws {
            let lang = try language.resolved()
            let library = try FactorBrowser.library(adding: factorFiles, language: lang)
            var kindFilter: FactorKind?
            if let kind {
                guard let k = FactorKind(rawValue: kind) else { throw ValidationError("unknown --kind \(kind)") }
                kindFilter = k
            }
            print(FactorBrowser(library: library, language: lang).list(kind: kindFilter))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show every factor of one item with its full citation.")

        @Argument(help: "The item, by Chinese name (柴油, 电力 …) or English code (diesel, electricity …).")
        var item: String

        @Option(name: .customLong("factors"), help: "Add a factor set of your own.")
        var factorFiles: [String] = []

        @OptionGroup var language: LanguageOption

        func run() throws {
            let lang = try language.resolved()
            let library = try FactorBrowser.library(adding: factorFiles, language: lang)
            let browser = FactorBrowser(library: library, language: lang)
            guard let text = browser.show(itemNamed: item) else {
                let problem = Problem.unknownItem(item, suggestions: ItemCatalog.bundled.suggestions(for: item))
                throw ValidationError(problem.text(in: lang))
            }
            print(text)
        }
    }
}

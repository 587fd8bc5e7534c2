import Accounting
import ArgumentParser
import Foundation
import Intake
import Pathways

/// `peakzero pathway …`: the road to the peak — today the decomposition of a history.
struct PathwayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pathway",
        abstract: "Pathways to the peak: history and why emissions moved, plans and their scenarios, new-project reviews.",
        subcommands: [PathwayDecomposeCommand.self, PathwayHistoryCommand.self, PathwayRunCommand.self, PathwaySaveCommand.self, PathwayReviewCommand.self, PathwayForecastCommand.self])
}

/// `peakzero pathway decompose FILE`: LMDI-I of a plain CSV or workbook, no database needed.
struct PathwayDecomposeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decompose",
        abstract: "Split a change in CO2 into activity, structure, intensity, carrier-mix and emission-factor effects.",
        discussion: """
            FILE is a CSV (UTF-8) or .xlsx with the columns year, sector, activity, energy_tce, co2_t \
            (or 年份, 部门, 增加值, 能源消费量, 二氧化碳排放量) and optionally carrier (能源品种), which adds \
            the carrier-mix effect. Activity is the sector's value added at constant prices or its output, \
            the same on every carrier row of a sector and year.
            """)

    @Argument(help: "The CSV or workbook.") var file: String
    @Option(help: "Start year (default: the earliest in the file).") var from: Int?
    @Option(help: "End year (default: the latest in the file).") var to: Int?
    @Flag(help: "Decompose the ratio V(to)/V(from) into indices instead of the difference into tonnes.")
    var multiplicative = false
    @Flag(help: "Chain year by year over the years in between and combine the steps.") var chained = false
    @Option(help: "Output format: table, json or csv.") var format: String = "table"
    @OptionGroup var language: LanguageOption

    func run() throws {
        let code = execute(console: Console())
        if code != 0 { throw ExitCode(code) }
    }

    func execute(console: Console) -> Int32 {
        let lang: Language, reportFormat: ReportFormat
        do {
            (lang, reportFormat) = (try language.resolved(), try ReportFormat.parse(format))
        } catch {
            console.err("peakzero pathway decompose: \(error)")
            return ExitCode.validationFailure.rawValue
        }
        let rows: [DecompositionRow]
        do throws(InputIssues) {
            rows = try DecompositionTable.read(
                data: try UserFile.contents(atPath: file), name: InputFile.displayName(file))
        } catch {
            for issue in error.issues { console.err(issue.message(in: lang)) }
            return 1
        }
        do throws(DecompositionProblems) {
            let data = try DecompositionData(rows: rows)
            let result = try Decomposition(
                data, from: from, to: to, form: multiplicative ? .multiplicative : .additive, chained: chained)
            let report = DecompositionReport(result: result, language: lang)
            console.out(report.render(reportFormat))
            return 0
        } catch {
            console.err(error.text(lang))
            return 1
        }
    }
}

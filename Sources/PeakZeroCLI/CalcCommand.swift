import Accounting
import ArgumentParser

/// `peakzero calc FILE`: the inventory of an activity-data CSV (template v1).
struct CalcCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calc",
        abstract: "Compute the GHG inventory and energy figures of an activity-data CSV (template v1)."
    )

    @Argument(help: "The activity-data CSV file.")
    var file: String

    @Option(help: "GWP set for non-CO2 gases: SAR, AR4, AR5 or AR6.")
    var gwp: String = "AR5"

    @Option(help: "Which scope-2 figure enters co2e_t: location or market. Both are always reported.")
    var scope2: String = "location"

    @Option(name: .customLong("fuel-parameters"), help: "Preferred NDRC default fuel-parameter set: 2015 or 2013.")
    var fuelParameters: String = "2015"

    @Option(
        name: .customLong("factors"),
        help: "A factor set of your own (CSV, same format as the bundled one); may be repeated, later ones win.")
    var factorFiles: [String] = []

    @Option(help: "Output format: table, json or csv.")
    var format: String = "table"

    @OptionGroup var language: LanguageOption

    func run() throws {
        let code = execute(console: Console())
        if code != 0 { throw ExitCode(code) }
    }

    /// Runs the command, writing to `console`; returns the process exit code.
    func execute(console: Console) -> Int32 {
        let lang: Language
        let options: CalculationOptions
        let reportFormat: ReportFormat
        do {
            lang = try language.resolved()
            options = try parsedOptions()
            reportFormat = try ReportFormat.parse(format)
        } catch {
            console.err("peakzero calc: \(error)")
            return ExitCode.validationFailure.rawValue
        }
        do throws(InputIssues) {
            let library = try InputFile.library(adding: factorFiles)
            let name = InputFile.displayName(file)
            let parsed = try ActivityTemplate().parse(try InputFile.text(at: file), file: name, language: lang)
            // Good rows are still calculated, so a missing factor is reported with the bad rows.
            let calculator = InventoryCalculator(library: library, options: options)
            var issues = parsed.issues
            var inventory: Inventory?
            do throws(InputIssues) {
                inventory = try calculator.calculate(parsed.records)
            } catch {
                issues += error.issues.map { parsed.located($0, file: name) }
            }
            guard issues.isEmpty, let inventory else {
                throw InputIssues(issues.sorted(by: InputIssue.spreadsheetOrder))
            }
            let report = InventoryReport(inventory: inventory, file: name, language: lang)
            console.out(report.render(reportFormat))
            for header in parsed.ignoredHeaders {
                console.err(lang.word(.ignoredColumn, ["file": name, "header": header]))
            }
            for warning in report.warnings { console.err(warning) }
            return 0
        } catch {
            for issue in error.issues { console.err(issue.message(in: lang)) }
            let count = error.issues.count
            console.err(lang.word(count == 1 ? .problemNoTotals : .problemsNoTotals, ["count": "\(count)"]))
            return 1
        }
    }

    private func parsedOptions() throws -> CalculationOptions {
        guard let gwpSet = GWPSet(parsing: gwp) else {
            throw ValidationError("--gwp must be SAR, AR4, AR5 or AR6, not \(gwp)")
        }
        guard let method = Scope2Method(rawValue: scope2.lowercased()) else {
            throw ValidationError("--scope2 must be location or market, not \(scope2)")
        }
        let fuelSet: FuelParameterSet
        switch fuelParameters.uppercased() {
        case "2015", "NDRC-2015": fuelSet = .ndrc2015
        case "2013", "NDRC-2013": fuelSet = .ndrc2013
        default: throw ValidationError("--fuel-parameters must be 2015 or 2013, not \(fuelParameters)")
        }
        return CalculationOptions(gwp: gwpSet, scope2: method, fuelParameters: fuelSet)
    }
}

enum ReportFormat: String {
    case table, json, csv

    /// The format a `--format` option names, or a message saying which ones there are.
    static func parse(_ text: String) throws -> ReportFormat {
        guard let format = ReportFormat(rawValue: text.lowercased()) else {
            throw ValidationError("--format must be table, json or csv, not \(text)")
        }
        return format
    }
}

/// A result a command prints in any of the three formats.
protocol FormattedReport {
    func table() -> String
    func json() -> String
    func csv() -> String
}

extension FormattedReport {
    func render(_ format: ReportFormat) -> String {
        switch format {
        case .table: table()
        case .json: json()
        case .csv: csv()
        }
    }
}

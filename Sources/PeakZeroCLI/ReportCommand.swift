import Accounting
import ArgumentParser
import Assets
import Foundation
import Intake
import PeakZeroServer
import Persistence
import Reports

/// `peakzero report inventory --unit CODE --year Y [--output FILE.json|.xlsx|.pdf]`: the
/// enterprise GHG inventory report from the stored inventory, as the web page and the API give it.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Reports drawn from stored data, every number the stored inventory's.",
        subcommands: [Inventory.self, Climate.self, Supervisor.self])

    /// A report printed as JSON, or written to `output` by its extension: a workbook, a PDF printed
    /// by headless Chromium from the report's document, or JSON.
    static func deliver<R: Encodable>(
        _ report: R, to output: String?, workbook: () throws -> Data, pdf: () throws -> String
    ) async throws {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let output else {
            say(String(decoding: try encoder.encode(report), as: UTF8.self))
            return
        }
        let data: Data
        if output.hasSuffix(".xlsx") {
            data = try workbook()
        } else if output.hasSuffix(".pdf") {
            do { data = try await ChromiumPDF.pdf(html: try pdf()) } catch let failure as ChromiumPDF.Failure {
                throw ValidationError(failure.description)
            }
        } else {
            data = try encoder.encode(report)
        }
        do { try data.write(to: URL(fileURLWithPath: output), options: .atomic) } catch {
            throw ValidationError("cannot write \(output): \(error.localizedDescription)")
        }
        say(output)
    }

    struct Inventory: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The GHG inventory report of a unit (with its descendants) for a year (GB/T 32150, ISO 14064-1).",
            discussion: """
                The print-ready page is /units/ID/reports/inventory?year=Y on the web. Without --output the \
                report is printed as JSON; with --output FILE.xlsx it is written as a workbook, FILE.pdf as PDF \
                (printed by headless Chromium: apt-get install chromium fonts-noto-cjk), FILE.json as JSON.
                """)

        @OptionGroup var storage: StorageOptions
        @OptionGroup var options: ReportOptions
        @OptionGroup var scope2: Scope2Option

        func run() async throws {
            let lang = try options.language.resolved()
            let (report, unitID) = try await storage.withDatabase(logger: CLILogger.make()) { database in
                let found = try await StoreErrorText.reporting { try await UnitStore(database).unit(code: options.unit) }
                let report = try await StoreErrorText.reporting {
                    try await InventoryReportSource(database).report(
                        unitID: found.id, year: options.year, method: scope2.method, language: lang)
                }
                if options.issue {
                    let issued = try await IssuedReportStore(database).issue(.inventory(report), unitID: found.id)
                    Console().err("issued report #\(issued.id) (/reports/\(issued.id))")
                }
                return (report, found.id)
            }
            try await ReportCommand.deliver(
                report, to: options.destination("ghg-report"), workbook: { try InventoryReportWorkbook.data(report, language: lang) },
                pdf: {
                    try InventoryReportDocument.html(
                        report, unitID: unitID, language: lang, printedOn: ChinaClock.date(Date()))
                })
        }
    }

    /// `peakzero report supervisor --unit CODE --year Y [--output FILE.json|.xlsx|.pdf]`.
    struct Supervisor: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A supervisor's report on a unit's subtree for a year: indicators, targets, overdue measures, completeness.",
            discussion: """
                As of today (Beijing), or of --as-of (a quarter's last day for a quarterly report). The page is \
                /units/ID/reports/supervisor?year=Y on the web. Without --output the report is printed as JSON.
                """)

        @OptionGroup var storage: StorageOptions
        @OptionGroup var options: ReportOptions
        @Option(help: "The day targets and measures are judged on (YYYY-MM-DD); today by default.")
        var asOf: String?

        func validate() throws {
            if let asOf, CalendarDay(parsing: asOf) == nil { throw ValidationError("--as-of must be a day: YYYY-MM-DD") }
        }

        func run() async throws {
            let lang = try options.language.resolved()
            let (report, unitID) = try await storage.withDatabase(logger: CLILogger.make()) { database in
                let found = try await StoreErrorText.reporting { try await UnitStore(database).unit(code: options.unit) }
                let report = try await StoreErrorText.reporting {
                    try await SupervisorReportSource(database).report(
                        unitID: found.id, year: options.year, asOf: asOf ?? ChinaClock.date(Date()), scope: .everything,
                        language: lang)
                }
                if options.issue {
                    let issued = try await IssuedReportStore(database).issue(.supervisor(report), unitID: found.id)
                    Console().err("issued report #\(issued.id) (/reports/\(issued.id))")
                }
                return (report, found.id)
            }
            try await ReportCommand.deliver(
                report, to: options.destination("supervision"), workbook: { try SupervisorReportWorkbook.data(report, language: lang) },
                pdf: { try SupervisorReportDocument.html(report, unitID: unitID, language: lang) })
        }
    }

    /// `peakzero report climate --unit CODE --year Y [--narrative FILE.json] [--output …] [--issue]`.
    struct Climate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The climate section of a listed company's sustainability report for a year, with its GRI/IFRS S2 index.",
            discussion: """
                The page is /units/ID/reports/climate?year=Y on the web, with the narrative form. --narrative \
                FILE.json saves the narrative first: {"governance": "…", "strategy": "…", "risk_management": \
                "…", "metrics_and_targets": "…", "assurance": "…"} in plain text (markup is refused). Without \
                --output the section is printed as JSON.
                """)

        @OptionGroup var storage: StorageOptions
        @OptionGroup var options: ReportOptions
        @OptionGroup var scope2: Scope2Option
        @Option(help: "Save this narrative (JSON) for the year before building the section.")
        var narrative: String?

        func run() async throws {
            let lang = try options.language.resolved()
            let words: ClimateNarrative? = try narrative.map { path in
                let decoder = JSONDecoder()
                decoder.keyDecodingStrategy = .convertFromSnakeCase
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw ValidationError("cannot read \(path)")
                }
                do { return try decoder.decode(ClimateNarrative.self, from: data) } catch {
                    throw ValidationError("\(path) is not a narrative: \(error)")
                }
            }
            let (report, unitID) = try await storage.withDatabase(logger: CLILogger.make()) { database in
                let found = try await StoreErrorText.reporting { try await UnitStore(database).unit(code: options.unit) }
                if let words {
                    _ = try await StoreErrorText.reporting {
                        try await ReportNarrativeStore(database).save(words, unitID: found.id, year: options.year)
                    }
                }
                let report = try await StoreErrorText.reporting {
                    try await ClimateDisclosureSource(database).report(
                        unitID: found.id, year: options.year, method: scope2.method, scope: .everything,
                        language: lang)
                }
                if options.issue {
                    let issued = try await IssuedReportStore(database).issue(.climate(report), unitID: found.id)
                    Console().err("issued report #\(issued.id) (/reports/\(issued.id))")
                }
                return (report, found.id)
            }
            try await ReportCommand.deliver(
                report, to: options.destination("climate"), workbook: { try ClimateDisclosureWorkbook.data(report, language: lang) },
                pdf: {
                    try ClimateReportDocument.html(
                        report, unitID: unitID, language: lang, printedOn: ChinaClock.date(Date()))
                })
        }
    }
}

/// What every report command takes: the unit, the year, where to write the report, whether to issue it.
struct ReportOptions: ParsableArguments {
    @Option(help: "The unit's code.") var unit: String
    @Option(help: "The reporting year.") var year: Int
    @Option(name: .shortAndLong, help: "Write the report here: .xlsx (a workbook), .pdf or .json.")
    var output: String?
    @Option(help: "json (printed), xlsx or pdf (written as UNIT-YEAR-KIND.xlsx|.pdf here, unless --output names the file).")
    var format: String?
    @Flag(help: "Issue the report: keep it as it is now (audited), to show the same numbers later.")
    var issue = false
    @OptionGroup var language: LanguageOption

    func validate() throws {
        if let output, ![".xlsx", ".pdf", ".json"].contains(where: output.hasSuffix) {
            throw ValidationError("--output must end in .xlsx, .pdf or .json")
        }
        if let format {
            guard ["json", "xlsx", "pdf"].contains(format) else { throw ValidationError("--format must be json, xlsx or pdf") }
            if let output, !output.hasSuffix("." + format) {
                throw ValidationError("--output \(output) is not a .\(format) file")
            }
        }
    }

    /// Where the report goes: the file --output names, else a file named after the report for
    /// --format xlsx or pdf; nil to print JSON.
    func destination(_ kind: String) -> String? {
        if let output { return output }
        guard let format, format != "json" else { return nil }
        return "\(unit)-\(year)-\(kind).\(format)"
    }
}

/// The headline total's Scope 2 method, for the reports that have one.
struct Scope2Option: ParsableArguments {
    @Option(help: "The headline total's Scope 2 method: location or market (both are reported).")
    var scope2: String = "location"

    var method: Scope2Method { Scope2Method(rawValue: scope2) ?? .location }

    func validate() throws {
        guard Scope2Method(rawValue: scope2) != nil else { throw ValidationError("--scope2 must be location or market") }
    }
}

import Accounting
import ArgumentParser
import Foundation
import Intake
import Persistence

/// `peakzero import FILE [--dry-run] [--mode append|replace]`: checks a filled-in template (CSV or
/// Excel) row by row and loads it all, or nothing. Exit status 1 when the file has errors.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import activity data from a CSV or Excel file (all rows or none).")

    @Argument(help: "The file: a filled-in template, .csv (UTF-8) or .xlsx.")
    var file: String

    @Flag(name: .customLong("dry-run"), help: "Check every row and report; write nothing.")
    var dryRun = false

    @Option(
        help: "append: refuse rows already stored; replace: supersede stored rows of the same unit, period and item.")
    var mode: String = "append"

    @OptionGroup var storage: StorageOptions
    @OptionGroup var language: LanguageOption

    func run() async throws {
        guard let mode = ImportReport.Mode(rawValue: mode) else {
            throw ValidationError("--mode must be append or replace, not \(mode)")
        }
        let language = try language.resolved()
        let bar = ProgressBar(zh: language == .zh)
        let report = try await storage.withDatabase(logger: CLILogger.make()) { database in
            try await ActivityImport(database).run(
                path: file, mode: mode, dryRun: dryRun, language: language,
                createdBy: ProcessInfo.processInfo.environment["USER"]
            ) { bar.update(done: $0.bytesRead, total: $0.bytesTotal, rows: $0.rowsRead) }
        }
        bar.finish()
        say(report.text(in: language))
        if !report.succeeded { throw ExitCode(1) }
    }
}

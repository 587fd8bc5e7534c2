import Accounting
import ArgumentParser
import Foundation
import Intake
import Persistence

/// `peakzero import FILE [--kind activity|economic|units] [--dry-run] [--mode append|replace]`:
/// checks a filled-in template (CSV or Excel) row by row and loads it all, or nothing. Exit status 1
/// when the file has errors.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import activity data, economic data or units from a CSV or Excel file (all rows or none).")

    @Argument(help: "The file: a filled-in template, .csv (UTF-8) or .xlsx.")
    var file: String

    @Option(help: "activity, economic or units (default: told by the sheet's name or the header row).")
    var kind: String?

    @Flag(name: .customLong("dry-run"), help: "Check every row and report; write nothing.")
    var dryRun = false

    @Option(
        help:
            "append: refuse rows already stored; replace: supersede stored rows of the same unit, period and item (units: update them)."
    )
    var mode: String = "append"

    @OptionGroup var storage: StorageOptions
    @OptionGroup var language: LanguageOption

    func run() async throws {
        guard let mode = ImportReport.Mode(rawValue: mode) else {
            throw ValidationError("--mode must be append or replace, not \(mode)")
        }
        var chosen: Templates.Kind?
        if let kind {
            guard let known = Templates.Kind(rawValue: kind) else {
                throw ValidationError("--kind must be activity, economic or units, not \(kind)")
            }
            chosen = known
        }
        let language = try language.resolved()
        let bar = ProgressBar(language: language)
        let report = try await storage.withDatabase(logger: CLILogger.make()) { database in
            try await FileImport(database).run(
                path: file, kind: chosen, mode: mode, dryRun: dryRun, language: language,
                createdBy: ProcessInfo.processInfo.environment["USER"], today: Date(), scope: .everything
            ) { bar.update(done: $0.bytesRead, total: $0.bytesTotal, rows: $0.rowsRead) }
        }
        bar.finish()
        say(report.text(in: language))
        if !report.succeeded { throw ExitCode(1) }
    }
}

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
        let intake: IntakeFile
        do { intake = try IntakeFile(path: file) } catch {
            for issue in error.issues {
                FileHandle.standardError.write(Data((issue.message(in: language) + "\n").utf8))
            }
            throw ExitCode(1)
        }
        let report = try await storage.withDatabase(logger: CLILogger.make()) { database in
            try await ActivityImport(database).run(
                intake, mode: mode, dryRun: dryRun, language: language,
                createdBy: ProcessInfo.processInfo.environment["USER"])
        }
        say(report.text(in: language))
        if !report.succeeded { throw ExitCode(1) }
    }
}

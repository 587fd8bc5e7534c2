import Accounting
import ArgumentParser
import Foundation
import Pathways
import Persistence

/// `peakzero pathway run PLAN.json`: every scenario of a plan year by year to its horizon, with its
/// peak, and each scenario against the baseline decomposed at the horizon.
struct PathwayRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a plan's scenarios: energy, coal, CO2 and intensities by year, the peak, the effects against the baseline.",
        discussion: """
            PLAN is JSON (docs/pathways.md): the base year — given under "base", or read from the stored \
            statistics of "region" in "base_year" — and "scenarios", a baseline and those that inherit from it.
            """)

    @Argument(help: "The plan (JSON); or --region / --unit for a saved plan (with the targets set there).")
    var plan: String?
    @OptionGroup var whose: PlanSubjectOption
    @OptionGroup var storage: StorageOptions
    @OptionGroup var output: TableOrJSONOption
    @OptionGroup var language: LanguageOption

    func run() async throws {
        let lang = try language.resolved()
        let checked = try await Self.load(plan, whose: whose, storage: storage, language: lang)
        let report = ScenarioReport(roadmap: checked.roadmap(), language: lang)
        print(output.isJSON ? report.json() : report.table())
    }

    /// A message on standard error, and the exit code of a refusal.
    static func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        return ExitCode(1)
    }

    /// A plan file, or a region's or unit's saved plan, read and checked whole, its base year given
    /// or made from the stored statistics.
    static func load(
        _ path: String?, whose: PlanSubjectOption, storage: StorageOptions, language: Language
    ) async throws -> CheckedPlan {
        guard let path else {
            guard whose.isGiven else { throw fail(language.word(.planNoFile)) }
            return try await saved(whose, storage: storage, language: language)
        }
        let file = try read(path, language: language)
        do {
            if let base = file.base { return try CheckedPlan.checking(file, base: base) }
            return try await storage.withDatabase(logger: CLILogger.make()) { database in
                try await RegionalStatisticsStore(database).check(file)
            }
        } catch let problems as ScenarioProblems { throw fail(problems.text(language)) }
    }

    /// A region's or unit's saved plan, checked as it stands.
    static func saved(_ whose: PlanSubjectOption, storage: StorageOptions, language: Language) async throws -> CheckedPlan {
        do {
            return try await storage.withDatabase(logger: CLILogger.make()) { database in
                let subject = try await whose.subject(in: database, language: language)
                guard let stored = try await PathwayPlanStore(database).plan(subject) else {
                    throw fail(language.word(.planNotSaved, ["region": whose.label, "option": whose.option]))
                }
                return try await PathwayPlanStore(database).check(try stored.file(), for: subject)
            }
        } catch let problems as ScenarioProblems { throw fail(problems.text(language)) }
    }

    /// A plan file's JSON, each field that does not fit named.
    static func read(_ path: String, language: Language) throws -> PlanFile {
        do {
            return try PlanFile.decode(try UserFile.contents(atPath: path))
        } catch let error as PlanFileError {
            throw fail(language.word(.planUnreadable, ["file": path, "field": error.field, "reason": error.reason]))
        } catch let error as InputIssues {
            throw fail(error.issues.map { $0.message(in: language) }.joined(separator: "\n"))
        }
    }
}

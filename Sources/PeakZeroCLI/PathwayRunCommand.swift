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

    @Argument(help: "The plan (JSON).") var plan: String
    @OptionGroup var storage: StorageOptions
    @OptionGroup var output: TableOrJSONOption
    @OptionGroup var language: LanguageOption

    func run() async throws {
        let lang = try language.resolved()
        let (file, set) = try await Self.load(plan, storage: storage, language: lang)
        let results = file.scenarios.compactMap { set.run($0.id) }
        let report = ScenarioReport(
            results: results, baselineID: file.scenarios.first { $0.parent == nil }?.id,
            tolerance: file.plateauTolerance ?? Peak.defaultTolerance, language: lang)
        print(output.isJSON ? report.json() : report.table())
    }

    /// A message on standard error, and the exit code of a refusal.
    static func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        return ExitCode(1)
    }

    /// A plan file read and checked whole, its base year made.
    static func load(
        _ path: String, storage: StorageOptions, language: Language
    ) async throws -> (file: PlanFile, set: ScenarioSet) {
        let file: PlanFile
        do {
            file = try PlanFile.decode(try UserFile.contents(atPath: path))
        } catch let error as PlanFileError {
            throw fail(language.word(.planUnreadable, ["file": path, "field": error.field, "reason": error.reason]))
        } catch let error as InputIssues {
            throw fail(error.issues.map { $0.message(in: language) }.joined(separator: "\n"))
        }
        let base = try await base(of: file, storage: storage, language: language)
        do { return (file, try ScenarioSet(base: base, scenarios: file.scenarios)) } catch {
            throw fail(error.text(language))
        }
    }

    /// The plan's base year: given, or made from the region's stored statistics and the carrier
    /// factors of that year.
    static func base(of file: PlanFile, storage: StorageOptions, language: Language) async throws -> PlanBase {
        if let base = file.base { return base }
        guard let region = file.region, let year = file.baseYear else {
            throw fail(language.word(.planNoBase))
        }
        let history = try await storage.withDatabase(logger: CLILogger.make()) { database in
            try await RegionalStatisticsStore(database).history(regionCode: region)
        }
        guard case .success(let factors) = CarrierFactors.derived(
            from: try FactorLibrary.standard(), year: year, province: String(region.prefix(2))),
            let base = history.planBase(year: year, factors: factors)
        else { throw fail(language.word(.planNoBaseYear, ["region": region, "year": "\(year)"])) }
        return base
    }
}

import Accounting
import ArgumentParser
import Foundation
import Pathways
import Persistence

/// `peakzero pathway save PLAN.json --region CODE` (or `--unit CODE`): keeps a region's or unit's
/// plan, checked whole and audited, as the web editor and the API do.
struct PathwaySaveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "save",
        abstract: "Save a region's or unit's plan (checked whole; nothing is kept while there is a problem).",
        discussion: """
            The plan is then the roadmap on the web (/regions/CODE/pathway, /units/ID/pathway) and in the \
            API, and `peakzero pathway run --region CODE` (or --unit CODE) runs it. A unit's plan names no \
            region: its base year comes from the unit's inventory of "base_year". With --revision, the save \
            is refused when another save came after that revision.
            """)

    @Argument(help: "The plan (JSON).") var plan: String
    @OptionGroup var whose: PlanSubjectOption
    @Option(help: "The revision the plan was edited from.") var revision: Int?
    @OptionGroup var storage: StorageOptions
    @OptionGroup var language: LanguageOption

    func run() async throws {
        let lang = try language.resolved()
        guard whose.isGiven else { throw PathwayRunCommand.fail(lang.word(.planBadRegion, ["region": ""])) }
        let file = try PathwayRunCommand.read(plan, language: lang)
        let saved: StoredPlan
        do {
            saved = try await storage.withDatabase(logger: CLILogger.make()) { database in
                let subject = try await whose.subject(in: database, language: lang)
                return try await PathwayPlanStore(database).save(file, for: subject, revision: revision)
            }
        } catch let problems as ScenarioProblems {
            throw PathwayRunCommand.fail(problems.text(lang))
        } catch StoreError.conflict(let message) {
            throw PathwayRunCommand.fail(lang.word(.planStale, ["reason": message]))
        }
        print(lang.word(.planSaved, ["region": whose.label, "revision": "\(saved.revision)"]))
    }
}

import Accounting
import ArgumentParser
import Foundation
import Pathways
import Persistence

/// `peakzero pathway save PLAN.json --region CODE`: keeps a region's plan, checked whole and
/// audited, as the web editor and the API do.
struct PathwaySaveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "save",
        abstract: "Save a region's plan (checked whole; nothing is kept while there is a problem).",
        discussion: """
            The plan is then the region's roadmap on the web (/regions/CODE/pathway) and in the API, and \
            `peakzero pathway run --region CODE` runs it. With --revision, the save is refused when another \
            save came after that revision.
            """)

    @Argument(help: "The plan (JSON).") var plan: String
    @Option(help: "The region's six-digit code (GB/T 2260).") var region: String
    @Option(help: "The revision the plan was edited from.") var revision: Int?
    @OptionGroup var storage: StorageOptions
    @OptionGroup var language: LanguageOption

    func run() async throws {
        let lang = try language.resolved()
        guard region.count == 6, RegionPrefix(region) != nil else {
            throw PathwayRunCommand.fail(lang.word(.planBadRegion, ["region": region]))
        }
        let file = try PathwayRunCommand.read(plan, language: lang)
        let saved: StoredPlan
        do {
            saved = try await storage.withDatabase(logger: CLILogger.make()) { database in
                try await PathwayPlanStore(database).save(file, region: region, revision: revision)
            }
        } catch let problems as ScenarioProblems {
            throw PathwayRunCommand.fail(problems.text(lang))
        } catch StoreError.conflict(let message) {
            throw PathwayRunCommand.fail(lang.word(.planStale, ["reason": message]))
        }
        print(lang.word(.planSaved, ["region": region, "revision": "\(saved.revision)"]))
    }
}

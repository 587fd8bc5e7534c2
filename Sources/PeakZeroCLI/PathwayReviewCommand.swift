import Accounting
import ArgumentParser
import Foundation
import Pathways
import Persistence

/// `peakzero pathway review PLAN.json --project PROJECT.json`: a proposed project placed on a
/// scenario of the plan, judged against the plan's targets.
struct PathwayReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review a new project (节能审查) against a plan's targets: fits, tightens or breaks, with the numbers.",
        discussion: """
            PROJECT is JSON: {"name": …, "area": "industry", "start_year": 2026, "energy": {"coal": 350000, \
            "electricity": 120000}, "value_added": 450000} (tce a year at full output, 万元 at constant prices). \
            The plan's "targets" are judged: energy_total, carbon_total, coal_total (caps), energy_intensity, \
            carbon_intensity (reductions from the base year) and peak_by.
            """)

    @Argument(help: "The plan (JSON), with its targets; or --region / --unit to review against a saved plan and keep the review (audited).")
    var plan: String?
    @OptionGroup var whose: PlanSubjectOption
    @Option(help: "The project (JSON).") var project: String
    @Option(help: "The scenario to place it on (default: the baseline).") var scenario: String?
    @OptionGroup var storage: StorageOptions
    @OptionGroup var output: TableOrJSONOption
    @OptionGroup var language: LanguageOption

    func run() async throws {
        let lang = try language.resolved()
        let proposed: ProposedProject
        do {
            proposed = try JSONDecoder().decode(ProposedProject.self, from: try UserFile.contents(atPath: project))
        } catch let error as DecodingError {
            let problem = PlanFileError(error)
            throw PathwayRunCommand.fail(lang.word(.planUnreadable, ["file": project, "field": problem.field, "reason": problem.reason]))
        }
        if plan == nil, whose.isGiven {
            try await keep(proposed, language: lang)
            return
        }
        let loaded = try await PathwayRunCommand.load(plan, whose: whose, storage: storage, language: lang)
        let chosen = scenario ?? loaded.baselineID ?? ""
        let review: ProjectReview
        do {
            review = try ProjectReview.review(
                proposed, on: chosen, in: loaded.set, targets: loaded.targets,
                tolerance: loaded.tolerance)
        } catch { throw PathwayRunCommand.fail(error.text(lang)) }
        let report = ProjectReviewReport(review: review, language: lang)
        print(output.isJSON ? report.json() : report.table())
    }

    /// Reviews the project on the region's or unit's saved plan and keeps the review.
    func keep(_ project: ProposedProject, language: Language) async throws {
        do {
            let (stored, review) = try await storage.withDatabase(logger: CLILogger.make()) { database in
                let subject = try await whose.subject(in: database, language: language)
                return try await ProjectReviewStore(database).review(project, for: subject, scenario: scenario)
            }
            let report = ProjectReviewReport(review: review, language: language)
            print(output.isJSON ? report.json() : report.table())
            FileHandle.standardError.write(
                Data((language.word(.planReviewKept, ["id": "\(stored.id)", "region": whose.label]) + "\n").utf8))
        } catch let problems as ScenarioProblems {
            throw PathwayRunCommand.fail(problems.text(language))
        } catch StoreError.notFound {
            throw PathwayRunCommand.fail(language.word(.planNotSaved, ["region": whose.label, "option": whose.option]))
        }
    }
}

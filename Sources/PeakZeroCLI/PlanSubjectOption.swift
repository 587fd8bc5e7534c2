import Accounting
import ArgumentParser
import Persistence

/// `--region CODE` or `--unit CODE`: whose saved plan a pathway command works on — a region's
/// (its six-digit code) or a unit's (its code: a supervisor, group or enterprise planning its own peak).
struct PlanSubjectOption: ParsableArguments {
    @Option(help: "A region's six-digit code (GB/T 2260): its saved plan.") var region: String?
    @Option(help: "A unit's code: its saved plan.") var unit: String?

    func validate() throws {
        if region != nil, unit != nil { throw ValidationError("give --region or --unit, not both") }
    }

    var isGiven: Bool { region != nil || unit != nil }

    /// How messages name it ("510000", "G001") and the option that names it again.
    var label: String { region ?? unit ?? "" }
    var option: String { region.map { "--region \($0)" } ?? unit.map { "--unit \($0)" } ?? "" }

    /// The subject, the unit found by its code; a refusal naming what is wrong.
    func subject(in database: PeakZeroDatabase, language: Language) async throws -> PlanSubject {
        if let unit {
            do { return .unit(try await UnitStore(database).unit(code: unit).id) } catch StoreError.notFound {
                throw PathwayRunCommand.fail(language.word(.planUnknownUnit, ["unit": unit]))
            }
        }
        guard let region, region.count == 6, RegionPrefix(region) != nil else {
            throw PathwayRunCommand.fail(language.word(.planBadRegion, ["region": region ?? ""]))
        }
        return .region(region)
    }
}

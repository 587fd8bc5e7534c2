import Accounting
import Assets

/// A stored project with the figures derived from it on reading: planned and verified savings (both
/// tce bases, both CO2e methods), NPV, payback and levelised cost. Shared by the API, the pages and
/// the command line.
public struct ProjectFigures: Sendable {
    public let stored: StoredProject
    public let verifications: [StoredVerification]
    /// Nil when the figures cannot be computed any more (a factor set removed since the project was saved).
    public let assessment: ProjectAssessment?

    /// Every project of a list, its latest verification counted where there is one.
    public static func assess(
        _ projects: [StoredProject], verifications: [Int64: [StoredVerification]], library: FactorLibrary,
        rate: Double, method: Scope2Method
    ) -> [ProjectFigures] {
        let calculator = ProjectSavingsCalculator(library: library)
        return projects.map { stored in
            let records = verifications[stored.id] ?? []
            var assessment: ProjectAssessment?
            if let project = stored.project {
                var measured: (project: ReductionProject, year: Int)?
                if let latest = records.max(by: { ($0.year, $0.id) < ($1.year, $1.id) }) {
                    var draft = stored.draft
                    draft.savings = latest.savings
                    if let region = RegionCode(stored.regionCode),
                        let project = try? draft.project(unitCode: stored.unitCode, region: region).get()
                    {
                        measured = (project, latest.year)
                    }
                }
                assessment = try? ProjectAssessment(
                    project: project, measured: measured, calculator: calculator, discountRate: rate, method: method)
            }
            return ProjectFigures(stored: stored, verifications: records, assessment: assessment)
        }
    }
}


extension ProjectFigures {
    /// The figures of stored projects, their M&V records and the installation's factor library read once.
    public static func load(
        _ projects: [StoredProject], in database: PeakZeroDatabase, rate: Double, method: Scope2Method
    ) async throws -> [ProjectFigures] {
        assess(
            projects, verifications: try await ProjectStore(database).verifications(of: projects.map(\.id)),
            library: try await FactorSetStore(database).library(), rate: rate, method: method)
    }
}

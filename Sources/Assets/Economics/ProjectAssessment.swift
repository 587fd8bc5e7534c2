import Accounting

/// Everything a list, a page or the curve shows of one project: its planned savings, the verified
/// ones where a measurement says otherwise, and the economics of the figure that counts (verified
/// over planned).
public struct ProjectAssessment: Sendable {
    public let project: ReductionProject
    public let planned: ProjectSavings
    /// The savings measured for the latest verified year, if any.
    public let verified: ProjectSavings?
    public let method: Scope2Method
    public let flows: ProjectCashFlows
    public let discountRate: Double

    /// `measured`: the project with its savings as measured, and the year measured.
    public init(
        project: ReductionProject, measured: (project: ReductionProject, year: Int)? = nil,
        calculator: ProjectSavingsCalculator, discountRate: Double, method: Scope2Method = .location
    ) throws(ProjectProblems) {
        self.project = project
        planned = try calculator.savings(of: project)
        if let measured {
            verified = try calculator.savings(of: measured.project, year: measured.year)
        } else {
            verified = nil
        }
        self.method = method
        self.discountRate = discountRate
        flows = ProjectCashFlows(project: project, yearlyAbatement: (verified ?? planned).avoided(method))
    }

    /// The savings the figures rest on: verified where measured, else planned.
    public var counted: ProjectSavings { verified ?? planned }

    public var netPresentValue: Money { flows.netPresentValue(rate: discountRate) }
    public var levelisedCost: CarbonPrice? { flows.levelisedCost(rate: discountRate) }
    public func payback(carbonPrice: CarbonPrice? = nil) -> Double? { flows.simplePayback(carbonPrice: carbonPrice) }

    /// The project's block on the abatement curve; nil when it abates nothing.
    public var block: AbatementBlock? {
        guard let cost = levelisedCost else { return nil }
        return AbatementBlock(
            code: project.unitCode + "/" + project.code, name: project.name, cost: cost,
            yearlyAbatement: flows.yearlyAbatement,
            interactsWith: project.interactsWith.map { project.unitCode + "/" + $0 })
    }
}

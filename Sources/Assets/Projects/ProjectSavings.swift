import Accounting

/// What a project saves in one year, derived from its savings by carrier and the factor library
/// exactly as an inventory line would be: a saving of 100 t of coal is the line 100 t of coal would
/// make, so the energy (at 当量值 and at 等价值) and the CO2e avoided carry the same lineage.
public struct ProjectSavings: Sendable {
    public let projectCode: String
    public let year: Int
    /// One line per saving, in the project's order, each with the factors it used.
    public let lines: [InventoryLine]

    /// Energy saved at 等价值 (electricity at the power sector's coal rate of the year before,
    /// GB 30251-2024 表A.2) — the basis projects are usually reported on.
    public var energyEquivalent: StandardCoal { lines.sum(\.energyEquivalent) }
    /// Energy saved at 当量值 (electricity at 0.1229 kgce/kWh, GB/T 2589-2020).
    public var energyCalorific: StandardCoal { lines.sum(\.energyCalorific) }
    /// CO2e avoided with electricity at the province's average grid factor.
    public var avoidedLocationBased: Emissions { lines.sum(\.locationBased) }
    /// CO2e avoided with electricity at the national factor excluding market-traded non-fossil power.
    public var avoidedMarketBased: Emissions { lines.sum(\.marketBased) }

    public func avoided(_ method: Scope2Method) -> Emissions {
        method == .market ? avoidedMarketBased : avoidedLocationBased
    }
}

/// Turns a project's savings by carrier into energy and CO2e through the inventory calculation.
public struct ProjectSavingsCalculator: Sendable {
    public let library: FactorLibrary
    public let options: CalculationOptions

    public init(library: FactorLibrary, options: CalculationOptions = CalculationOptions()) {
        self.library = library
        self.options = options
    }

    /// The savings of `year` (by default the first year of operation): electricity is valued at
    /// that year's grid factor and the previous year's coal rate. Throws every saving whose factor
    /// the library lacks, each naming its field.
    public func savings(of project: ReductionProject, year: Int? = nil) throws(ProjectProblems) -> ProjectSavings {
        let year = year ?? project.firstYear
        guard let period = Period(year: year) else {
            throw ProjectProblems([ProjectProblem(field: "first_year", kind: .year)])
        }
        let records = project.savings.enumerated().map { index, saving in
            ActivityRecord(
                unitCode: project.unitCode, region: project.region, period: period, item: saving.item,
                quantity: saving.quantity, sourceRow: index + 1)
        }
        do {
            let inventory = try InventoryCalculator(library: library, options: options).calculate(records)
            return ProjectSavings(projectCode: project.code, year: year, lines: inventory.lines)
        } catch {
            throw ProjectProblems(
                error.issues.map { issue in
                    // Each record's row is its saving's position (1-based).
                    let index = (issue.row ?? 1) - 1
                    let saving = project.savings.indices.contains(index) ? project.savings[index] : nil
                    let item = saving?.item.code ?? ""
                    if case .noFactor(let kind, _, _) = issue.problem {
                        return ProjectProblem(
                            field: "savings[\(index + 1)].item", kind: .noFactor, arguments: ["item": item],
                            factor: kind)
                    }
                    return ProjectProblem(
                        field: "savings[\(index + 1)].unit", kind: .unitOfWrongKind,
                        arguments: ["unit": saving?.quantity.unitSymbol ?? "", "item": item])
                })
        }
    }
}

/// Every problem of one project, thrown together so that nothing is kept from a project with any.
public struct ProjectProblems: Error, Sendable, Equatable {
    public let problems: [ProjectProblem]
    public init(_ problems: [ProjectProblem]) { self.problems = problems }
}

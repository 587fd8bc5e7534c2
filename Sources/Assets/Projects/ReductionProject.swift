import Accounting

/// A reduction project (减排项目) of one unit: what it costs, how long it runs, and what it saves
/// each year by carrier. The energy and CO2e it saves are never typed in: `ProjectSavingsCalculator`
/// derives them from the savings and the factor library, with the lineage inventory lines carry.
public struct ReductionProject: Sendable {
    /// The project's code, unique within its unit (e.g. `P-2025-03`).
    public var code: String
    public var name: String
    public var unitCode: String
    /// The unit's region: electricity saved is valued at its province's grid factor.
    public var region: RegionCode
    public var type: ProjectType
    public var stage: ProjectStage
    /// The first full year of operation, and how many years the project delivers.
    public var firstYear: Int
    public var lifetimeYears: Int
    /// Investment (一次性投资), yearly operating cost and yearly benefit (the energy bill saved and
    /// any other income), all at today's prices.
    public var capex: Money
    public var yearlyOpex: Money
    public var yearlyBenefit: Money
    /// Yearly savings by carrier or gas. A negative amount is more of a carrier used (a fuel switch
    /// saves coal and burns gas).
    public var savings: [ProjectSaving]
    /// Projects whose savings overlap this one's (two retrofits of the same boiler): their savings
    /// cannot simply be added, and the abatement curve says so.
    public var interactsWith: [String]

    public init(
        code: String, name: String, unitCode: String, region: RegionCode, type: ProjectType,
        stage: ProjectStage = .planned, firstYear: Int, lifetimeYears: Int, capex: Money,
        yearlyOpex: Money = .zero, yearlyBenefit: Money = .zero, savings: [ProjectSaving],
        interactsWith: [String] = []
    ) {
        self.code = code
        self.name = name
        self.unitCode = unitCode
        self.region = region
        self.type = type
        self.stage = stage
        self.firstYear = firstYear
        self.lifetimeYears = lifetimeYears
        self.capex = capex
        self.yearlyOpex = yearlyOpex
        self.yearlyBenefit = yearlyBenefit
        self.savings = savings
        self.interactsWith = interactsWith
    }

    /// The years the project delivers.
    public var years: ClosedRange<Int> { firstYear...(firstYear + max(lifetimeYears, 1) - 1) }

    /// Everything wrong with the project, each naming its field; empty when it can be kept.
    public var problems: [ProjectProblem] {
        var problems: [ProjectProblem] = []
        if code.trimmed.isEmpty { problems.append(ProjectProblem(field: "code", kind: .missing)) }
        if name.trimmed.isEmpty { problems.append(ProjectProblem(field: "name", kind: .missing)) }
        if !(1...60).contains(lifetimeYears) {
            problems.append(ProjectProblem(field: "lifetime_years", kind: .lifetime))
        }
        if !(1990...2100).contains(firstYear) {
            problems.append(ProjectProblem(field: "first_year", kind: .year))
        }
        for (field, money) in [("capex", capex), ("yearly_opex", yearlyOpex), ("yearly_benefit", yearlyBenefit)] {
            if !(money.value >= 0) {
                problems.append(ProjectProblem(field: field, kind: .money))
            } else if !Plausible.isAmount(money.value) {
                problems.append(ProjectProblem(field: field, kind: .beyondPlausible))
            }
        }
        if savings.isEmpty { problems.append(ProjectProblem(field: "savings", kind: .noSavings)) }
        var seen: Set<String> = []
        for (index, saving) in savings.enumerated() {
            let field = "savings[\(index + 1)]"
            if !saving.item.accepts(saving.quantity.unit) {
                problems.append(
                    ProjectProblem(
                        field: field + ".unit", kind: .unitOfWrongKind,
                        arguments: ["unit": saving.quantity.unitSymbol, "item": saving.item.code]))
            }
            if saving.quantity.value.isNaN || saving.quantity.value == 0 {
                problems.append(ProjectProblem(field: field + ".quantity", kind: .quantity))
            } else if !Plausible.isAmount(saving.quantity.baseValue) {
                problems.append(ProjectProblem(field: field + ".quantity", kind: .beyondPlausible))
            }
            if !seen.insert(saving.item.code).inserted {
                problems.append(
                    ProjectProblem(field: field + ".item", kind: .repeatedItem, arguments: ["item": saving.item.code]))
            }
        }
        if interactsWith.contains(code) {
            problems.append(ProjectProblem(field: "interacts_with", kind: .interactsWithItself))
        }
        return problems
    }
}

/// What a project saves of one carrier or gas in a year of operation.
public struct ProjectSaving: Sendable {
    public var item: Item
    public var quantity: PhysicalQuantity

    public init(item: Item, quantity: PhysicalQuantity) {
        self.item = item
        self.quantity = quantity
    }
}

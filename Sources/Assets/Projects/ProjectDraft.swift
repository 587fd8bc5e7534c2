import Accounting

/// A project as a form, the API or a template row gives it: text and numbers still to be read.
/// `project(unitCode:region:)` reads it into a `ReductionProject` or says what is wrong, field by field.
public struct ProjectDraft: Sendable, Codable, Equatable {
    public var code: String?
    public var name: String?
    public var type: String?
    public var stage: String?
    public var firstYear: Int?
    public var lifetimeYears: Int?
    /// 万元.
    public var capex: Double?
    public var yearlyOpex: Double?
    public var yearlyBenefit: Double?
    public var savings: [SavingDraft]?
    public var interactsWith: [String]?
    public var targetId: Int64?
    /// The measure (措施) of the unit's or an ancestor's measure list the project carries out.
    public var measureId: Int64?

    public struct SavingDraft: Sendable, Codable, Equatable {
        /// The item's code or any of its names (`raw_coal`, `原煤`, `电力` …).
        public var item: String?
        public var quantity: Double?
        /// The unit of measure as users write it (`t`, `万Nm3`, `MWh`, `万kWh` …).
        public var unit: String?

        public init(item: String?, quantity: Double?, unit: String?) {
            self.item = item
            self.quantity = quantity
            self.unit = unit
        }
    }

    public init(
        code: String?, name: String?, type: String?, stage: String? = nil, firstYear: Int?, lifetimeYears: Int?,
        capex: Double?, yearlyOpex: Double? = nil, yearlyBenefit: Double? = nil, savings: [SavingDraft]?,
        interactsWith: [String]? = nil, targetId: Int64? = nil, measureId: Int64? = nil
    ) {
        self.code = code
        self.name = name
        self.type = type
        self.stage = stage
        self.firstYear = firstYear
        self.lifetimeYears = lifetimeYears
        self.capex = capex
        self.yearlyOpex = yearlyOpex
        self.yearlyBenefit = yearlyBenefit
        self.savings = savings
        self.interactsWith = interactsWith
        self.targetId = targetId
        self.measureId = measureId
    }

    /// The project, or every problem with the draft (each naming its field).
    public func project(
        unitCode: String, region: RegionCode, catalog: ItemCatalog = .bundled
    ) -> Result<ReductionProject, ProjectProblems> {
        var problems: [ProjectProblem] = []
        func need<T>(_ value: T?, _ field: String) -> T? {
            if value == nil { problems.append(ProjectProblem(field: field, kind: .missing)) }
            return value
        }
        let type = need(type, "type").flatMap { text -> ProjectType? in
            guard let type = ProjectType(rawValue: text.trimmed) else {
                problems.append(ProjectProblem(field: "type", kind: .notOneOf, arguments: ["allowed": Self.list(ProjectType.self)]))
                return nil
            }
            return type
        }
        let stage: ProjectStage? =
            stage.map { text in
                guard let stage = ProjectStage(rawValue: text.trimmed) else {
                    problems.append(
                        ProjectProblem(field: "stage", kind: .notOneOf, arguments: ["allowed": Self.list(ProjectStage.self)]))
                    return nil
                }
                return stage
            } ?? .planned
        var savings: [ProjectSaving] = []
        for (index, saving) in (need(self.savings, "savings") ?? []).enumerated() {
            let field = "savings[\(index + 1)]"
            let item = need(saving.item, field + ".item").flatMap { name -> Item? in
                guard let item = catalog.item(code: name.trimmed) ?? catalog.item(named: name) else {
                    problems.append(ProjectProblem(field: field + ".item", kind: .unknownItem, arguments: ["item": name]))
                    return nil
                }
                return item
            }
            let unit = need(saving.unit, field + ".unit").flatMap { text -> UnitOfMeasure? in
                guard let unit = UnitOfMeasure(parsing: text) else {
                    problems.append(ProjectProblem(field: field + ".unit", kind: .unknownUnit, arguments: ["unit": text]))
                    return nil
                }
                return unit
            }
            let quantity = need(saving.quantity, field + ".quantity")
            if let item, let unit, let quantity {
                savings.append(ProjectSaving(item: item, quantity: PhysicalQuantity(quantity, unit)))
            }
        }
        let code = need(code, "code")
        let name = need(name, "name")
        let firstYear = need(firstYear, "first_year")
        let lifetime = need(lifetimeYears, "lifetime_years")
        let capex = need(capex, "capex")
        guard problems.isEmpty, let code, let name, let type, let stage, let firstYear, let lifetime, let capex else {
            return .failure(ProjectProblems(problems))
        }
        let project = ReductionProject(
            code: code.trimmed, name: name.trimmed, unitCode: unitCode, region: region, type: type, stage: stage,
            firstYear: firstYear, lifetimeYears: lifetime, capex: Money(capex, .tenThousandYuan),
            yearlyOpex: Money(yearlyOpex ?? 0, .tenThousandYuan), yearlyBenefit: Money(yearlyBenefit ?? 0, .tenThousandYuan),
            savings: savings, interactsWith: (interactsWith ?? []).map(\.trimmed).filter { !$0.isEmpty })
        let found = project.problems
        return found.isEmpty ? .success(project) : .failure(ProjectProblems(found))
    }

    static func list<T: RawRepresentable & CaseIterable>(_: T.Type) -> String where T.RawValue == String {
        T.allCases.map(\.rawValue).joined(separator: ", ")
    }
}

import Accounting
import Assets
import Charts
import Foundation
import Hummingbird
import Persistence

/// A unit's reduction projects on the web: the list with its figures and curve, the form to
/// register one, and each project's page.
extension PageHandlers {
    func projectsPage(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        try await projectsPage(request, context, values: [:], problems: [])
    }

    func projectsPage(
        _ request: Request, _ context: PeakZeroContext, values: [String: String], problems: [String],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let language = request.language
        let t = renderer.strings.table(language)
        guard let id = context.parameters.get("id").flatMap(Int64.init), let unit = try? await units.unit(id: id) else {
            return notFound(request)
        }
        let rate = ProjectCashFlows.defaultDiscountRate
        let figures = try await ProjectFigures.load(
            try await ProjectStore(database).list(under: id), in: database, rate: rate, method: .location)
        func amount(_ v: Double?) -> String { v.map { WebNumbers.amount($0, language) } ?? "—" }
        let rows = figures.map { f in
            let a = f.assessment
            return ProjectsPage.Row(
                url: SiteURL.project(id: f.stored.id).link(language), unitCode: f.stored.unitCode, code: f.stored.code,
                name: f.stored.name, type: f.stored.type.name(in: language), stage: f.stored.stage.name(in: language),
                firstYear: f.stored.firstYear, verified: a?.verified != nil,
                tceEquivalent: amount(a?.counted.energyEquivalent.value(in: .tonneCoalEquivalent)),
                tceCalorific: amount(a?.counted.energyCalorific.value(in: .tonneCoalEquivalent)),
                co2e: amount(a?.counted.avoidedLocationBased.value(in: .tonneCO2e)),
                npv: amount(a?.netPresentValue.value(in: .tenThousandYuan)),
                payback: a?.payback().map { WebNumbers.grouped($0, decimals: 1) } ?? "—",
                cost: a?.levelisedCost.map { WebNumbers.grouped($0.yuanPerTonne, decimals: 0) } ?? "—")
        }
        func sum(_ pick: (ProjectAssessment) -> Double) -> Double { figures.compactMap(\.assessment).reduce(0) { $0 + pick($1) } }
        let totals =
            rows.isEmpty
            ? nil
            : ProjectsPage.Row(
                url: "", unitCode: "", code: t[.projectsTotal], name: "", type: "", stage: "", firstYear: 0, verified: false,
                tceEquivalent: amount(sum { $0.counted.energyEquivalent.value(in: .tonneCoalEquivalent) }),
                tceCalorific: amount(sum { $0.counted.energyCalorific.value(in: .tonneCoalEquivalent) }),
                co2e: amount(sum { $0.counted.avoidedLocationBased.value(in: .tonneCO2e) }),
                npv: amount(sum { $0.netPresentValue.value(in: .tenThousandYuan) }), payback: "", cost: "")
        let curve = AbatementCurve(figures.compactMap { $0.assessment?.block })
        var negative: String?
        var interacting: String?
        for warning in curve.warnings {
            switch warning {
            case .negativeCost(let codes): negative = codes.joined(separator: language.listSeparator)
            case .interacting(let pairs): interacting = pairs.map { $0.joined(separator: " ↔ ") }.joined(separator: language.listSeparator)
            }
        }
        let gap = request.uri.queryParameters.get("gap").flatMap { Double(String($0)) }.flatMap { $0 > 0 ? $0 : nil }
        let plan = gap.map { gap -> String in
            let plan = curve.closing(Emissions(gap, .tonneCO2e))
            return t.text(forKey: "macc_plan")
                .replacingOccurrences(of: "{gap}", with: WebNumbers.amount(gap, language))
                .replacingOccurrences(of: "{projects}", with: plan.projects.map(\.code).joined(separator: " → "))
                .replacingOccurrences(of: "{remaining}", with: WebNumbers.amount(plan.remaining.value(in: .tonneCO2e), language))
                .replacingOccurrences(of: "{cost}", with: WebNumbers.amount(plan.yearlyCost.value(in: .tenThousandYuan), language))
        }
        let chart =
            curve.blocks.isEmpty
            ? nil
            : CostCurveChart(
                id: "macc", title: t[.maccTitle], summary: t.text(forKey: "macc_summary"),
                blocks: curve.blocks.map { ($0.code, $0.cost.yuanPerTonne, $0.yearlyAbatement.value(in: .tonneCO2e)) },
                header: [t.text(forKey: "project_code"), t.text(forKey: "project_cost"), t.text(forKey: "project_co2e")],
                costFormat: { WebNumbers.grouped($0, decimals: 0) }, amountFormat: { WebNumbers.amount($0, language) })
        let mayAdd = try await context.writeScope.contains(unitID: id, in: database)
        let heading = "\(t[.projectsTitle]) · \(unit.name)"
        let model = ProjectsPage(
            layout: PageLayout(
                strings: renderer.strings, language: language, title: heading, current: .projects,
                sameIn: { _ in .projects(unit: id) }), lang: language.rawValue,
            heading: heading,
            terms: t.text(forKey: "projects_terms").replacingOccurrences(of: "{rate}", with: "\(Int(rate * 100))%"),
            rows: rows, hasRows: !rows.isEmpty, totals: totals, curve: chart, negative: negative,
            interacting: interacting, gapAction: SiteURL.projects(unit: id).path, gap: gap.map { String(format: "%g", $0) } ?? "",
            plan: plan, createAction: mayAdd ? SiteURL.createProject(unit: id).link(language) : nil,
            types: ProjectType.allCases.map {
                .init(value: $0.rawValue, label: $0.name(in: language), selected: $0.rawValue == values["type"])
            },
            stages: ProjectStage.allCases.filter { $0 != .closed }.map {
                .init(value: $0.rawValue, label: $0.name(in: language), selected: $0.rawValue == values["stage"])
            },
            measures: [.init(value: "", label: t.text(forKey: "project_measure_none"), selected: (values["measure_id"] ?? "").isEmpty)]
                + (try await MeasureStore(database).list(above: id)).map {
                    .init(value: String($0.id), label: $0.title, selected: String($0.id) == values["measure_id"])
                },
            savingRows: (1...3).map {
                .init(
                    index: $0, item: values["item\($0)"] ?? "", quantity: values["quantity\($0)"] ?? "",
                    unit: values["unit\($0)"] ?? "")
            }, problems: problems, hasProblems: !problems.isEmpty, values: values)
        return renderer.response(model, template: "projects", status: status)
    }

    static let projectFields = [
        "code", "name", "type", "stage", "first_year", "lifetime_years", "capex", "yearly_opex", "yearly_benefit",
        "interacts_with", "measure_id", "item1", "quantity1", "unit1", "item2", "quantity2", "unit2", "item3", "quantity3", "unit3",
    ]

    func createProject(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let form = try await FormPost.read(request)
        let language = request.language
        guard let id = context.parameters.get("id").flatMap(Int64.init) else { return notFound(request) }
        var values: [String: String] = [:]
        for key in Self.projectFields { values[key] = form[key] }
        // A number field left empty is missing; one that does not read as a number is a problem of its own.
        var problems: [String] = []
        func number(_ key: String, required: Bool = true) -> Double? {
            guard let text = form.optional(key) else { return required ? nil : 0 }
            guard let value = Double(text.replacingOccurrences(of: ",", with: "")) else {
                problems.append("\(key)：\(renderer.strings.table(language).text(forKey: "form_not_a_number"))")
                return nil
            }
            return value
        }
        let savings = (1...3).compactMap { n -> ProjectDraft.SavingDraft? in
            guard form.optional("item\(n)") != nil || form.optional("quantity\(n)") != nil else { return nil }
            return .init(item: form.optional("item\(n)"), quantity: number("quantity\(n)"), unit: form.optional("unit\(n)"))
        }
        let draft = ProjectDraft(
            code: form.optional("code"), name: form.optional("name"), type: form.optional("type"),
            stage: form.optional("stage"), firstYear: number("first_year").map { Int($0) },
            lifetimeYears: number("lifetime_years").map { Int($0) }, capex: number("capex"),
            yearlyOpex: number("yearly_opex", required: false), yearlyBenefit: number("yearly_benefit", required: false),
            savings: savings,
            interactsWith: form["interacts_with"].split(whereSeparator: { $0 == "," || $0 == "，" }).map(String.init),
            measureId: form.optional("measure_id").flatMap { Int64($0) })
        if problems.isEmpty {
            do {
                let saved = try await ProjectStore(database).save(
                    unitID: id, draft, library: try await FactorSetStore(database).library())
                return Self.redirect(to: SiteURL.project(id: saved.id).link(language))
            } catch let error as ProjectProblems {
                problems = error.problems.map { $0.message(language) }
            }
        }
        return try await projectsPage(request, context, values: values, problems: problems, status: .unprocessableContent)
    }

    func projectPage(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        try await projectPage(request, context, values: [:], problems: [])
    }

    func projectPage(
        _ request: Request, _ context: PeakZeroContext, values: [String: String], problems: [String],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let language = request.language
        let t = renderer.strings.table(language)
        guard let id = context.parameters.get("id").flatMap(Int64.init),
            let stored = try? await ProjectStore(database).project(id: id)
        else { return notFound(request) }
        let figures = try await ProjectFigures.load([stored], in: database, rate: ProjectCashFlows.defaultDiscountRate, method: .location)[0]
        let a = figures.assessment
        func amount(_ v: Double) -> String { WebNumbers.amount(v, language) }
        func lines(_ savings: ProjectSavings?) -> [ProjectPage.Line] {
            (savings?.lines ?? []).map { line in
                ProjectPage.Line(
                    item: line.record.item.name(in: language),
                    quantity: "\(WebNumbers.grouped(line.record.quantity.value, decimals: 2)) \(line.record.quantity.unitSymbol)",
                    tceEquivalent: amount(line.energyEquivalent.value(in: .tonneCoalEquivalent)),
                    tceCalorific: amount(line.energyCalorific.value(in: .tonneCoalEquivalent)),
                    co2eLocation: amount(line.locationBased.value(in: .tonneCO2e)),
                    co2eMarket: amount(line.marketBased.value(in: .tonneCO2e)),
                    factors: line.factors.map { f in
                        "\(f.kind.name(in: language)) \(f.value) \(ReferenceTexts.bundled.shown(f.unit, language))" + (f.entry.map { " [\($0.id) · \($0.grade.rawValue)]" } ?? "")
                    })
            }
        }
        let mayChange = try await context.writeScope.contains(unitID: stored.unitId, in: database)
        var measure: StoredMeasure?
        if let measureID = stored.measureId { measure = try? await MeasureStore(database).measure(id: measureID) }
        let heading = "\(stored.code) · \(stored.name)"
        let model = ProjectPage(
            layout: PageLayout(
                strings: renderer.strings, language: language, title: heading, current: .project,
                sameIn: { _ in .project(id: id) }),
            heading: heading, listURL: SiteURL.projects(unit: stored.unitId).link(language),
            facts: [
                .init(label: t.text(forKey: "project_unit"), value: stored.unitCode),
                .init(label: t.text(forKey: "project_type"), value: stored.type.name(in: language)),
                .init(label: t.text(forKey: "project_stage"), value: stored.stage.name(in: language)),
                .init(label: t.text(forKey: "project_first_year"), value: String(stored.firstYear)),
                .init(label: t.text(forKey: "project_lifetime"), value: String(stored.lifetimeYears)),
                .init(label: t.text(forKey: "project_capex"), value: amount(stored.capex)),
                .init(label: t.text(forKey: "project_opex"), value: amount(stored.yearlyOpex)),
                .init(label: t.text(forKey: "project_benefit"), value: amount(stored.yearlyBenefit)),
                .init(
                    label: t.text(forKey: "project_interacts"),
                    value: stored.interactsWith.isEmpty ? "—" : stored.interactsWith.joined(separator: language.listSeparator)),
                .init(label: t.text(forKey: "project_measure"), value: measure?.title ?? "—"),
            ],
            economics: a.map { a in
                [
                    .init(label: t.text(forKey: "project_tce_equivalent"), value: amount(a.counted.energyEquivalent.value(in: .tonneCoalEquivalent))),
                    .init(label: t.text(forKey: "project_tce_calorific"), value: amount(a.counted.energyCalorific.value(in: .tonneCoalEquivalent))),
                    .init(label: t.text(forKey: "project_co2e"), value: amount(a.counted.avoidedLocationBased.value(in: .tonneCO2e))),
                    .init(label: t.text(forKey: "project_co2e_market"), value: amount(a.counted.avoidedMarketBased.value(in: .tonneCO2e))),
                    .init(label: t.text(forKey: "project_npv"), value: amount(a.netPresentValue.value(in: .tenThousandYuan))),
                    .init(label: t.text(forKey: "project_payback"), value: a.payback().map { WebNumbers.grouped($0, decimals: 1) } ?? "—"),
                    .init(
                        label: t.text(forKey: "project_cost"),
                        value: a.levelisedCost.map { WebNumbers.grouped($0.yuanPerTonne, decimals: 0) } ?? "—"),
                ]
            } ?? [],
            plannedYear: stored.firstYear, planned: lines(a?.planned), verifiedYear: a?.verified?.year,
            verified: lines(a?.verified), hasVerified: a?.verified != nil,
            verifications: figures.verifications.reversed().map { v in
                ProjectPage.Verification(
                    year: v.year, option: v.option.rawValue, baseline: v.baseline, adjustments: v.adjustments,
                    savings: v.savings.map { "\($0.item ?? "") \(WebNumbers.grouped($0.quantity ?? 0, decimals: 2)) \($0.unit ?? "")" }
                        .joined(separator: language.clauseSeparator)
                        + (v.productUnit.map { " · " + ProductMethodLines.shown($0, t.text(forKey: "project_product_method")) } ?? ""),
                    author: v.createdBy)
            }, hasVerifications: !figures.verifications.isEmpty,
            stageAction: mayChange && stored.stage != .closed ? SiteURL.projectStage(id: id).link(language) : nil,
            nextStages: ProjectStage.allCases.filter { stored.stage.canMove(to: $0) }.map {
                .init(value: $0.rawValue, label: $0.name(in: language), selected: false)
            },
            verifyAction: mayChange ? SiteURL.projectVerify(id: id).link(language) : nil, problems: problems,
            hasProblems: !problems.isEmpty, values: values)
        return renderer.response(model, template: "project", status: status)
    }

    func setProjectStage(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let form = try await FormPost.read(request)
        guard let id = context.parameters.get("id").flatMap(Int64.init) else { return notFound(request) }
        do {
            _ = try await ProjectStore(database).setStage(id: id, to: form["stage"])
        } catch let error as ProjectProblems {
            return try await projectPage(
                request, context, values: [:], problems: error.problems.map { $0.message(request.language) },
                status: .unprocessableContent)
        }
        return Self.redirect(to: SiteURL.project(id: id).link(request.language))
    }

    func verifyProject(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let form = try await FormPost.read(request)
        let language = request.language
        guard let id = context.parameters.get("id").flatMap(Int64.init) else { return notFound(request) }
        var values: [String: String] = [:]
        for key in ["year", "option", "baseline", "adjustments", "item1", "quantity1", "unit1", "products", "carrier"] {
            values[key] = form[key]
        }
        let byProduct = ProductMethodLines.read(form["products"], carrier: form.optional("carrier"))
        let byCarrier = [form["item1"], form["quantity1"], form["unit1"]].contains { !$0.trimmed.isEmpty }
        let new = NewVerification(
            year: Int(form["year"]), option: form.optional("option"), baseline: form.optional("baseline"),
            adjustments: form.optional("adjustments"),
            savings: byProduct == nil || byCarrier
                ? [.init(item: form.optional("item1"), quantity: Double(form["quantity1"]), unit: form.optional("unit1"))] : nil,
            productUnit: byProduct?.savings)
        do {
            if let unreadable = byProduct?.problems, !unreadable.isEmpty { throw ProjectProblems(unreadable) }
            _ = try await ProjectStore(database).verify(id: id, new, library: try await FactorSetStore(database).library())
        } catch let error as ProjectProblems {
            return try await projectPage(
                request, context, values: values, problems: error.problems.map { $0.message(language) },
                status: .unprocessableContent)
        }
        return Self.redirect(to: SiteURL.project(id: id).link(language))
    }
}

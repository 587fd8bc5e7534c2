import Accounting
import Hummingbird
import Pathways
import Persistence

/// New-project reviews on the web (节能审查): the form, the saved reviews, and one review's verdicts
/// and its effect on the totals.
extension PageHandlers {
    func projectReviewsPage(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        try await projectReviews(request, context, values: [:], problems: [])
    }

    func projectReviews(
        _ request: Request, _ context: PeakZeroContext, values: [String: String], problems: [String],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let language = request.language
        guard let place = try await PlanPlace.find(context, language, in: database) else { return notFound(request) }
        let t = renderer.strings.table(language)
        let subject = place.subject
        var plan: CheckedPlan?
        if let stored = try await PathwayPlanStore(database).plan(subject) {
            plan = try? await PathwayPlanStore(database).check(try stored.file(), for: subject)
        }
        let reviews = try await ProjectReviewStore(database).reviews(subject)
        let heading = "\(place.name) · \(t[.projectReviewsTitle])"
        let chosenScenario = values["scenario"] ?? plan?.baselineID
        let mayReview = try await place.isPlanned(by: context, in: database)
        let model = ProjectReviewsPage(
            layout: PageLayout(
                strings: renderer.strings, language: language, title: heading, current: place.current(.projectReviews),
                sameIn: { _ in .projectReviews(subject) }),
            heading: heading, roadmapURL: SiteURL.roadmap(subject, scenario: nil).link(language),
            action: plan != nil && mayReview ? SiteURL.projectReviews(subject).link(language) : nil,
            hasPlan: plan != nil,
            scenarios: (plan?.file.scenarios ?? []).map {
                .init(value: $0.id, label: $0.name.isEmpty ? $0.id : $0.name, selected: $0.id == chosenScenario)
            },
            areas: PlanningArea.allCases.map {
                .init(value: $0.rawValue, label: $0.name(language), selected: $0.rawValue == (values["area"] ?? "industry"))
            },
            carriers: (plan?.set.base.carriers ?? []).map { carrier in
                .init(
                    id: carrier.id, name: language == .zh ? carrier.nameZh : carrier.nameEn,
                    value: values["energy_\(carrier.id)"] ?? "")
            },
            values: values, problems: problems, hasProblems: !problems.isEmpty,
            rows: reviews.map { review in
                .init(
                    name: review.project.name, scenario: review.scenario, startYear: review.project.startYear,
                    verdict: review.verdict?.rawValue ?? "none",
                    verdictLabel: review.verdict?.name(language) ?? t[.reviewNoTargets], by: ActorName.shown(review.createdBy, t),
                    at: BeijingTime.show(review.createdAt), url: SiteURL.projectReview(subject, id: review.id).link(language))
            }, hasRows: !reviews.isEmpty)
        return renderer.response(model, template: "project-reviews", status: status)
    }

    func createProjectReviewForm(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let language = request.language
        guard let place = try await PlanPlace.find(context, language, in: database) else { return notFound(request) }
        let form = try await FormPost.read(request)
        let t = renderer.strings.table(language)
        let values = form.fields.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        var problems: [String] = []
        func number(_ field: String, _ label: String, required: Bool) -> Double? {
            let text = form[field]
            if text.isEmpty {
                if required { problems.append("\(label)：\(t[.reviewRequired])") }
                return nil
            }
            guard let value = Double(text.replacingOccurrences(of: ",", with: "")), value.isFinite else {
                problems.append("\(label)：\(t.format(.reviewNotANumber, ["text": text]))")
                return nil
            }
            return value
        }
        var energy: [String: Double] = [:]
        for (field, _) in values where field.hasPrefix("energy_") {
            let carrier = String(field.dropFirst(7))
            if let amount = number(field, "\(t[.reviewEnergy]) · \(carrier)", required: false) { energy[carrier] = amount }
        }
        var start = number("start_year", t[.reviewStartYear], required: true)
        if let year = start, year != year.rounded() || abs(year) > 10_000 {
            problems.append("\(t[.reviewStartYear])：\(t.format(.reviewNotANumber, ["text": form["start_year"]]))")
            start = nil
        }
        let added = number("value_added", t[.reviewValueAdded], required: true)
        let area = PlanningArea(rawValue: form["area"])
        if form["name"].isEmpty { problems.append("\(t[.reviewName])：\(t[.reviewRequired])") }
        if area == nil { problems.append("\(t[.reviewArea])：\(t.format(.reviewUnknownArea, ["text": form["area"]]))") }
        guard problems.isEmpty, let start, let added, let area else {
            return try await projectReviews(request, context, values: values, problems: problems, status: .unprocessableContent)
        }
        let project = ProposedProject(
            name: form["name"], area: area, industry: form.optional("industry"), startYear: Int(start), energy: energy,
            valueAdded: added)
        do {
            let (stored, _) = try await ProjectReviewStore(database).review(
                project, for: place.subject, scenario: form.optional("scenario"))
            return Self.redirect(to: SiteURL.projectReview(place.subject, id: stored.id).link(language))
        } catch let problems as ScenarioProblems {
            return try await projectReviews(
                request, context, values: values, problems: problems.problems.map { $0.text(language) },
                status: .unprocessableContent)
        } catch StoreError.notFound {
            return try await projectReviews(
                request, context, values: values, problems: [t[.reviewNoPlan]], status: .unprocessableContent)
        }
    }
}

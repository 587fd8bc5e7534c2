import Accounting
import Hummingbird
import Pathways
import Persistence

extension PageHandlers {
    func projectReviewPage(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let language = request.language
        guard let place = try await PlanPlace.find(context, language, in: database),
            let id = context.parameters.get("review").flatMap({ Int64($0) }),
            let review = try await ProjectReviewStore(database).review(id: id), review.subject == place.subject
        else { return notFound(request) }
        let t = renderer.strings.table(language)
        let project = review.project
        let energy = project.energy.sorted { $0.key < $1.key }
            .map { "\(RegionalCarrier(rawValue: $0.key)?.name(language) ?? $0.key) \(WebNumbers.amount($0.value, language))" }
            .joined(separator: language.commaSeparator)
        let facts: [ProjectReviewPage.Fact] = [
            .init(label: t[.reviewArea], value: project.area.name(language)),
            .init(label: t[.reviewIndustry], value: IndustryNames.label(project.industry, language)),
            .init(label: t[.reviewStartYear], value: String(project.startYear)),
            .init(label: t[.reviewEnergy], value: energy.isEmpty ? "—" : energy),
            .init(label: t[.reviewValueAdded], value: WebNumbers.amount(project.valueAdded, language)),
            .init(label: t[.reviewScenario], value: review.scenario),
            .init(label: t[.reviewPlanRevision], value: String(review.planRevision)),
            .init(label: t[.reviewBy], value: ActorName.shown(review.createdBy, t)),
            .init(label: t[.reviewAt], value: BeijingTime.show(review.createdAt)),
        ]
        let heading = "\(place.name) · \(project.name)"
        let model = ProjectReviewPage(
            layout: PageLayout(
                strings: renderer.strings, language: language, title: heading, current: place.current(.projectReview),
                sameIn: { _ in .projectReview(place.subject, id: id) }),
            heading: heading, reviewsURL: SiteURL.projectReviews(place.subject).link(language),
            verdict: review.verdict?.rawValue ?? "none", verdictLabel: review.verdict?.name(language) ?? t[.reviewNoTargets],
            facts: facts,
            judgements: review.judgements.map { judgement in
                let shown = { (value: Double?) in Self.targetFigure(value, judgement.target.indicator, language) }
                return .init(
                    target: judgement.target.label(language),
                    limit: shown(judgement.limit), without: shown(judgement.without), with: shown(judgement.with),
                    verdict: judgement.verdict.rawValue, verdictLabel: judgement.verdict.name(language))
            }, hasJudgements: !review.judgements.isEmpty,
            effectHeader: [
                t[.reviewYear], "\(t[.reviewEnergyTotal]) \(t[.reviewWithout])", "\(t[.reviewEnergyTotal]) \(t[.reviewWith])",
                "\(t[.reviewCoal]) \(t[.reviewWith])", "\(t[.reviewCo2]) \(t[.reviewWithout])", "\(t[.reviewCo2]) \(t[.reviewWith])",
                "\(t[.reviewEnergyIntensity]) \(t[.reviewWith])", "\(t[.reviewCarbonIntensity]) \(t[.reviewWith])",
            ],
            effects: review.effects.map { effect in
                .init(
                    year: effect.year,
                    cells: [effect.without.energyTce, effect.with.energyTce, effect.with.coalTce, effect.without.co2T, effect.with.co2T]
                        .map { WebNumbers.amount($0, language) }
                        + [effect.with.energyIntensity, effect.with.carbonIntensity].map(WebNumbers.intensity))
            })
        return renderer.response(model, template: "project-review")
    }

    /// A target's figure as its indicator reads: a year for a peak, four digits for an intensity.
    static func targetFigure(_ value: Double?, _ indicator: PlanTarget.Indicator, _ language: Language) -> String {
        guard let value else { return "—" }
        return switch indicator {
        case .peakBy: String(Int(value))
        case .energyIntensity, .carbonIntensity: WebNumbers.intensity(value)
        default: WebNumbers.amount(value, language)
        }
    }
}

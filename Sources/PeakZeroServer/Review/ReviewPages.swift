import Accounting
import Foundation
import Hummingbird
import Intake
import Persistence

/// The review on the web: the status board of a subtree, a period's page with the steps the
/// account may take and its history, and the forms those steps post.
extension PageHandlers {
    /// The board of the first unit the account may see (the top of its subtree), by default this year's.
    func reviewHome(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        guard let root = try await units.list(scope: context.readScope).first else { return notFound(request) }
        return try await boardPage(of: root, request, context)
    }

    func reviewBoard(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        guard let id = context.parameters.get("id").flatMap(Int64.init), let unit = try? await units.unit(id: id)
        else { return notFound(request) }
        return try await boardPage(of: unit, request, context)
    }

    private func boardPage(of unit: ReportingUnit, _ request: Request, _ context: PeakZeroContext) async throws
        -> Response
    {
        let id = unit.id
        let language = request.language
        let t = renderer.strings.table(language)
        let thisYear = clock.year
        // Opens on the year the unit's overview opens on: the latest with an inventory.
        let computed = try await computedYears(try await unitChain(unit))
        let year = request.uri.queryParameters.get("year").flatMap { Int(String($0)) } ?? computed.max() ?? thisYear
        let board = try await ReviewStore(database).board(
            under: id, year: year, scope: context.readScope, today: clock.today)
        let rows = board.rows.map { row in
            ReviewBoardPage.Row(
                name: row.name, url: SiteURL.periods(unit: row.unitId, year: year).link(language),
                cells: row.periods.compactMap { cell -> ReviewBoardPage.Cell? in
                    guard let period = ReportingPeriod(parsing: cell.period) else { return nil }
                    let status = Self.statusLabel(cell.status, t)
                    let late = cell.late ? " · " + (t[.reviewLate]) : ""
                    return ReviewBoardPage.Cell(
                        label: status, status: cell.status.rawValue, span: period.lastMonth - period.firstMonth + 1,
                        late: cell.late,
                        title: "\(cell.period) · \(status) · \(t[.reviewRecordsCount]) \(cell.records) · "
                            + "\(t[.reviewDue]) \(cell.due)\(late)",
                        url: SiteURL.period(unit: row.unitId, period: period).link(language))
                })
        }
        let counts = board.counts
        let summary =
            [PeriodStatus.approved, .submitted, .returned, .correcting, .draft].map {
                DashboardPage.Fact(label: Self.statusLabel($0, t), value: String(counts[$0] ?? 0))
            } + [DashboardPage.Fact(label: t[.reviewLate], value: String(board.lateCount))]
        let model = ReviewBoardPage(
            layout: PageLayout(
                strings: renderer.strings, language: language, title: "\(t[.reviewBoard]) · \(unit.name)",
                current: .periods, sameIn: { _ in .periods(unit: id, year: year) }),
            crumbs: [.init(name: unit.name, url: SiteURL.unit(id: id, year: nil).link(language))],
            heading: "\(t[.reviewBoard]) · \(unit.name)", lang: language.rawValue,
            formAction: SiteURL.periods(unit: id, year: nil).path,
            years: Set(thisYear - 4...thisYear).union(computed).union([year]).sorted(by: >).map {
                .init(value: $0, selected: $0 == year)
            },
            months: Dashboard.monthLabels(t, language), summary: summary, rows: rows, hasRows: !rows.isEmpty)
        return renderer.response(model, template: "periods")
    }

    func reviewPeriod(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        try await periodPage(request, context, problem: nil)
    }

    /// Takes a step from the period's page; a refusal is shown there, in the page's language.
    func takeStep(_ step: ReviewStep, _ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let form = try await FormPost.read(request)
        let language = request.language
        guard let (unit, period) = try await unitAndPeriod(context) else { return notFound(request) }
        if step == .approve || step == .return {
            guard try await scope(of: RouteChange.reviews, context).contains(unitID: unit.id, in: database) else {
                return notFound(request)
            }
        }
        do {
            try await ReviewStore(database).take(step, unitID: unit.id, period: period, reason: form["reason"])
        } catch let refusal as ReviewRefusal {
            return try await periodPage(
                request, context, problem: refusal.message(language),
                status: refusal == .reasonRequired ? .unprocessableContent : .conflict)
        }
        // Submitted from the month's page: back to it, where the state now shows.
        if form["return"] == "month" {
            return Self.redirect(to: SiteURL.month(unit: unit.id, period: period.description).link(language))
        }
        return Self.redirect(to: SiteURL.period(unit: unit.id, period: period).link(language))
    }

    private func periodPage(
        _ request: Request, _ context: PeakZeroContext, problem: String?, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        guard let (unit, period) = try await unitAndPeriod(context) else { return notFound(request) }
        let language = request.language
        let t = renderer.strings.table(language)
        let store = ReviewStore(database)
        let state = try await store.state(unitID: unit.id, period: period)
        let account = try context.signedIn.account
        let mayChange = try await context.writeScope.contains(unitID: unit.id, in: database)
        var mayReview = false
        if !RouteChange.reviews.isDisjoint(with: account.grants.map(\.role)) {
            mayReview = try await scope(of: RouteChange.reviews, context).contains(unitID: unit.id, in: database)
        }
        var mayVerify = false
        if !RouteChange.verifies.isDisjoint(with: account.grants.map(\.role)) {
            mayVerify = try await scope(of: RouteChange.verifies, context).contains(unitID: unit.id, in: database)
        }
        let findings = try await store.findings(unitID: unit.id, period: period).map {
            ReviewPeriodPage.Finding(text: $0.text, author: $0.author, at: BeijingTime.show($0.createdAt))
        }
        let steps = ReviewStep.allCases.filter { step in
            guard step.transition.from.contains(state.status) else { return false }
            return step == .approve || step == .return ? mayReview : mayChange
        }.map { step in
            ReviewPeriodPage.Step(
                action: SiteURL.periodStep(unit: unit.id, period: period, step: step).link(language),
                label: t.text(forKey: "review_step_\(step.rawValue)", else: step.rawValue), needsReason: step.needsReason,
                confirm: step == .submit ? t[.reviewConfirmSubmit] : nil)
        }
        let records = try await activity.reportedPeriods(under: unit.id, year: period.year)
            .filter { $0.unitId == unit.id && period.contains(month: $0.month) }.reduce(0) { $0 + $1.records }
        let history = try await store.history(unitID: unit.id, period: period).map { step in
            ReviewPeriodPage.HistoryRow(
                version: String(step.version),
                step: ReviewStep(rawValue: step.step).flatMap { t.optionalText(forKey: "review_step_\($0.rawValue)") } ?? step.step,
                actor: step.actor, at: step.at, reason: step.reason ?? "", data: step.data)
        }
        let heading = "\(unit.name) · \(period)"
        let model = ReviewPeriodPage(
            layout: PageLayout(
                strings: renderer.strings, language: language, title: heading, current: .period,
                sameIn: { _ in .period(unit: unit.id, period: period) }),
            crumbs: [
                .init(name: unit.name, url: SiteURL.unit(id: unit.id, year: period.year).link(language)),
                .init(
                    name: t[.reviewBoard], url: SiteURL.periods(unit: unit.id, year: period.year).link(language)
                ),
            ],
            heading: heading,
            facts: [
                .init(label: t[.reviewVersion], value: String(state.version)),
                .init(label: t[.reviewDue], value: period.due),
                .init(label: t[.reviewRecordsCount], value: String(records)),
                .init(label: t[.reviewClass], value: t.text(forKey: "class_\(unit.reportingClass.rawValue)")),
            ],
            status: state.status.rawValue, statusLabel: Self.statusLabel(state.status, t),
            recordsURL: SiteURL.records(unit: unit.id, year: period.year).link(language), problem: problem,
            steps: steps, hasSteps: !steps.isEmpty, history: history, hasHistory: !history.isEmpty,
            findings: findings, hasFindings: !findings.isEmpty,
            findingAction: mayVerify ? SiteURL.periodFinding(unit: unit.id, period: period).link(language) : nil)
        return renderer.response(model, template: "period", status: problem == nil ? .ok : status)
    }

    /// The unit `{id}` and its period `{period}`; nil when either is not there (or not the unit's).
    private func unitAndPeriod(_ context: PeakZeroContext) async throws -> (ReportingUnit, ReportingPeriod)? {
        guard let id = context.parameters.get("id").flatMap(Int64.init), let unit = try? await units.unit(id: id),
            let period = context.parameters.get("period").flatMap(ReportingPeriod.init(parsing:)),
            ReportingPeriod.all(in: period.year, for: unit.reportingClass).contains(period)
        else { return nil }
        return (unit, period)
    }

    /// A verifier's finding, posted from the period's page.
    func recordFinding(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let form = try await FormPost.read(request)
        guard let (unit, period) = try await unitAndPeriod(context),
            try await scope(of: RouteChange.verifies, context).contains(unitID: unit.id, in: database)
        else { return notFound(request) }
        do {
            try await ReviewStore(database).recordFinding(unitID: unit.id, period: period, text: form["text"])
        } catch let refusal as ReviewRefusal {
            return try await periodPage(
                request, context, problem: refusal.message(request.language), status: .unprocessableContent)
        }
        return Self.redirect(to: SiteURL.period(unit: unit.id, period: period).link(request.language))
    }

    /// The subtrees of the account's grants of `roles`.
    private func scope(of roles: Set<Role>, _ context: PeakZeroContext) async throws -> AccessScope {
        try await AccessScope.granted(roles, to: try context.signedIn.account, in: database)
    }

    static func statusLabel(_ status: PeriodStatus, _ t: Words) -> String {
        t.text(forKey: statusKey(status), else: status.rawValue)
    }

    static func statusKey(_ status: PeriodStatus) -> String { "period_status_" + status.rawValue }
}

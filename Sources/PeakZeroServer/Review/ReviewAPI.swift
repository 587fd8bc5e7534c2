import Accounting
import Foundation
import Hummingbird
import Persistence

/// The review of reporting periods: the status board of a subtree, one period with its history,
/// and the four steps. Who may take a step is the router's rule (data changers submit and correct,
/// reviewers approve and return); whether the period may take it, the store's.
struct ReviewAPI: Sendable {
    let database: PeakZeroDatabase
    /// The date in China: a board's lateness is judged against today.
    let clock: ChinaClock

    struct Reason: Decodable {
        let reason: String?
    }

    struct Finding: Decodable {
        let text: String
    }

    struct PeriodBody: Codable {
        let unitId: Int64
        let unitCode: String
        let period: String
        let status: PeriodStatus
        let version: Int
        let due: String
        let history: [StoredReviewStep]
        let findings: [StoredFinding]
    }

    func board(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let year = try request.requireQuery("year", as: Int.self)
        let board = try await ReviewStore(database).board(
            under: try context.id(), year: year, scope: context.readScope, today: clock.today)
        return try jsonResponse(board)
    }

    func period(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let (unit, period) = try await Self.unitAndPeriod(request, context, database)
        let store = ReviewStore(database)
        let state = try await store.state(unitID: unit.id, period: period)
        return try jsonResponse(
            PeriodBody(
                unitId: unit.id, unitCode: unit.code, period: period.description, status: state.status,
                version: state.version, due: period.due,
                history: try await store.history(unitID: unit.id, period: period),
                findings: try await store.findings(unitID: unit.id, period: period)))
    }

    func take(_ step: ReviewStep, _ request: Request, _ context: PeakZeroContext) async throws -> Response {
        var request = request
        let (unit, period) = try await Self.unitAndPeriod(request, context, database)
        if step == .approve || step == .return {
            // Reviewers review the subtrees of their reviewing grants; elsewhere the unit is missing.
            try await Self.require(RouteChange.reviews, on: unit, request, context, database)
        }
        let reason = step.needsReason ? try await request.decodeJSON(Reason.self, context: context).reason : nil
        try await ReviewStore(database).take(step, unitID: unit.id, period: period, reason: reason)
        return try await self.period(request, context)
    }

    func recordFinding(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        var request = request
        let (unit, period) = try await Self.unitAndPeriod(request, context, database)
        // Verifiers record findings in the subtrees of their verifying grants.
        try await Self.require(RouteChange.verifies, on: unit, request, context, database)
        let text = try await request.decodeJSON(Finding.self, context: context).text
        return try jsonResponse(
            try await ReviewStore(database).recordFinding(unitID: unit.id, period: period, text: text), status: .created
        )
    }

    /// Answers 404 unless the unit lies within the account's grants of `roles`.
    static func require(
        _ roles: Set<Role>, on unit: ReportingUnit, _ request: Request, _ context: PeakZeroContext,
        _ database: PeakZeroDatabase
    ) async throws {
        let scope = try await AccessScope.granted(roles, to: try context.signedIn.account, in: database)
        guard try await scope.contains(unitID: unit.id, in: database) else {
            throw APIError.notFound(request.language.say(.noSuchUnit))
        }
    }

    /// The unit `{id}` and the period `{period}`, which must be one of the unit's reporting periods.
    static func unitAndPeriod(
        _ request: Request, _ context: PeakZeroContext, _ database: PeakZeroDatabase
    ) async throws -> (ReportingUnit, ReportingPeriod) {
        let unit = try await UnitStore(database).unit(id: try context.id())
        let text = context.parameters.get("period") ?? ""
        guard let period = ReportingPeriod(parsing: text) else {
            throw APIError.badRequest(
                request.language.say(.badReviewPeriod, ["text": "\(text)"]))
        }
        guard ReportingPeriod.all(in: period.year, for: unit.reportingClass).contains(period) else {
            throw ReviewRefusal.notAPeriodOf(period.description, reportingClass: unit.reportingClass)
        }
        return (unit, period)
    }
}

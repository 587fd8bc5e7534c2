import Accounting
import Hummingbird
import Intake
import Persistence

/// `GET /api/v1/audit`: the audit trail as the account may read it, newest first, filtered by
/// `unit_id` (its subtree), `actor`, `year`, `month`, `action`; paged back with `before`; as JSON,
/// or every matching entry as a file with `format=csv|xlsx`.
struct AuditAPI: Sendable {
    let database: PeakZeroDatabase

    func list(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let language = request.language
        let account = try context.signedIn.account
        guard let scope = try await AuditAccess.scope(of: account, in: database) else {
            throw APIError(
                status: .forbidden, code: "forbidden",
                message: RouteChange.refusal(AuditAccess.roles, language))
        }
        var filter: AuditFilter
        do { filter = try AuditAccess.filter(request.uri.queryParameters) } catch let bad as AuditAccess.BadFilter {
            throw APIError.badRequest(bad.message(language))
        }
        if let unit = request.uri.queryParameters.get("unit_id") {
            guard let id = Int64(unit) else {
                throw APIError.badRequest(
                    AuditAccess.BadFilter(field: "unit_id", value: String(unit)).message(language))
            }
            // A unit outside the scope is answered like a missing one.
            guard try await scope.contains(unitID: id, in: database) else {
                throw APIError.notFound(language.say(.noSuchUnit))
            }
            filter.unitID = id
        }
        if request.uri.queryParameters.get("format") != nil {
            return try await AuditAccess.export(
                filter, scope: scope, format: try IntakeAPI.format(request), language: language, database)
        }
        let limit = min(max(request.uri.queryParameters.get("limit").flatMap { Int($0) } ?? 100, 1), 1000)
        return try jsonResponse(
            Items(items: try await AuditLog.entries(filter, scope: scope, limit: limit, in: database)))
    }
}

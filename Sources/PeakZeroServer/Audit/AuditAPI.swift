import Accounting
import Hummingbird
import Intake
import Persistence

/// `GET /api/v1/audit`: the audit trail as the account may read it, newest first, filtered by
/// `unit_id` (its subtree), `actor`, `year`, `month`, `action`; paged back with `cursor` (or `before`,
/// an entry id); as JSON `{items, total, next_cursor}`,
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
        let limit = try request.limit(default: 100, largest: 1_000)
        // The cursor is an entry's id, as text: the next page holds the entries older than it, so a
        // page stays the same however many entries are appended meanwhile.
        if let cursor = request.uri.queryParameters.get("cursor") {
            guard let id = Int64(cursor), id > 0 else {
                throw APIError.badRequest(
                    language.say(.badQueryParameter, ["name": "cursor", "text": String(cursor)]),
                    issues: [.init(row: nil, field: "cursor", message: "a next_cursor of this list")])
            }
            filter.beforeID = min(filter.beforeID ?? id, id)
        }
        // One more than asked: whether another page follows.
        let read = try await AuditLog.entries(filter, scope: scope, limit: limit + 1, in: database)
        let entries = Array(read.prefix(limit))
        return try jsonResponse(
            Page(
                items: entries, total: try await AuditLog.count(filter, scope: scope, in: database),
                nextCursor: read.count > limit ? entries.last.map { String($0.id) } : nil))
    }
}

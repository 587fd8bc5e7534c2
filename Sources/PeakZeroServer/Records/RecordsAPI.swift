import Accounting
import Hummingbird
import Persistence

/// Activity and economic records.
struct RecordsAPI {
    let activity: ActivityStore
    let economic: EconomicStore
    let database: PeakZeroDatabase

    func listActivity(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        // Paged in the database: a province holds millions of records.
        let window = try Page<StoredActivityRecord>.Window(request)
        let (records, total) = try await activity.list(
            under: try context.id(), year: try request.query("year", as: Int.self), offset: window.offset,
            limit: window.limit)
        return try jsonResponse(Page(window: window, items: records, total: total))
    }

    func createActivity(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        var request = request
        let records = try await request.decodeOneOrMany(NewActivityRecord.self, context: context)
        try await Self.requireScope(records.map(\.unitCode), context.writeScope, database)
        let ids = try await activity.insert(records, language: request.language)
        return try jsonResponse(Created(ids: ids), status: .created)
    }

    func deleteActivity(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        try await activity.delete(id: try context.id())
        return Response(status: .noContent)
    }

    func listEconomic(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let records = try await economic.list(under: try context.id(), year: try request.query("year", as: Int.self))
        return try jsonResponse(try Page(records, request))
    }

    func createEconomic(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        var request = request
        let records = try await request.decodeOneOrMany(NewEconomicRecord.self, context: context)
        try await Self.requireScope(records.map(\.unitCode), context.writeScope, database)
        return try jsonResponse(Created(ids: try await economic.insert(records)), status: .created)
    }

    func deleteEconomic(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        try await economic.delete(id: try context.id())
        return Response(status: .noContent)
    }

    /// Refuses records for units the account may not change, naming each record as the store names
    /// an unknown unit (a unit out of scope looks like no unit).
    static func requireScope(_ codes: [String], _ scope: AccessScope, _ database: PeakZeroDatabase) async throws {
        let outside = try await scope.outside(codes: codes, in: database)
        guard !outside.isEmpty else { return }
        let issues = codes.enumerated().filter { outside.contains($0.element) }.map {
            InputIssue(row: $0.offset + 1, column: "unit", problem: .unknownUnitCode($0.element))
        }
        throw StoreError.invalid(issues)
    }

    struct Created: Codable {
        let ids: [Int64]
    }
}

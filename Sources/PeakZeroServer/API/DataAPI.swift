import Hummingbird
import Persistence

/// Activity and economic records.
struct DataAPI {
    let activity: ActivityStore
    let economic: EconomicStore

    func listActivity(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let records = try await activity.list(under: try context.id(), year: try request.query("year", as: Int.self))
        return try jsonResponse(Items(items: records))
    }

    func createActivity(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        var request = request
        let records = try await request.decodeOneOrMany(NewActivityRecord.self, context: context)
        let ids = try await activity.insert(records, language: request.language)
        return try jsonResponse(Created(ids: ids), status: .created)
    }

    func deleteActivity(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        try await activity.delete(id: try context.id())
        return Response(status: .noContent)
    }

    func listEconomic(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let records = try await economic.list(under: try context.id(), year: try request.query("year", as: Int.self))
        return try jsonResponse(Items(items: records))
    }

    func createEconomic(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        var request = request
        let records = try await request.decodeOneOrMany(NewEconomicRecord.self, context: context)
        return try jsonResponse(Created(ids: try await economic.insert(records)), status: .created)
    }

    func deleteEconomic(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        try await economic.delete(id: try context.id())
        return Response(status: .noContent)
    }

    struct Created: Encodable {
        let ids: [Int64]
    }
}

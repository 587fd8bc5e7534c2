import Accounting
import Hummingbird
import Persistence

/// Units and their tree.
struct UnitsAPI {
    let units: UnitStore

    func list(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        var region: RegionPrefix?
        if let code = request.uri.queryParameters.get("region") {
            guard let prefix = RegionPrefix(code) else {
                throw APIError.badRequest("region must be a GB/T 2260 code such as 51, 5101 or 510104: \(code)")
            }
            region = prefix
        }
        return try jsonResponse(
            try Page(
                try await units.list(
                    under: try request.query("under", as: Int64.self), region: region, scope: context.readScope),
                request))
    }

    func create(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        var request = request
        let new = try await request.decodeOneOrMany(NewUnit.self, context: context)
        return try jsonResponse(Items(items: try await units.create(new)), status: .created)
    }

    func get(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        try jsonResponse(try await units.unit(id: try context.id()))
    }

    func update(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        var request = request
        let new = try await request.decodeJSON(NewUnit.self, context: context)
        return try jsonResponse(try await units.update(id: try context.id(), with: new))
    }

    func delete(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        try await units.delete(id: try context.id())
        return Response(status: .noContent)
    }

    func children(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        try jsonResponse(try Page(try await units.children(of: try context.id()), request))
    }
}

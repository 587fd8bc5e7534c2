import Foundation
import Hummingbird
import Persistence

/// User factor sets.
struct FactorSetsAPI {
    let sets: FactorSetStore

    struct Upload: Decodable {
        let name: String
        let csv: String
    }

    func list(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        try jsonResponse(try Page(try await sets.list(), request))
    }

    func create(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        var request = request
        let upload = try await request.decodeJSON(Upload.self, context: context)
        guard !upload.name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw APIError.badRequest("name is required", issues: [.init(row: nil, field: "name", message: "required")])
        }
        return try jsonResponse(try await sets.add(name: upload.name, csv: upload.csv), status: .created)
    }

    func delete(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        try await sets.delete(id: try context.id())
        return Response(status: .noContent)
    }
}

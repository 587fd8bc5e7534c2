import Accounting
import Footprint
import Foundation
import Hummingbird
import Intake
import Persistence

/// Product carbon footprints: a unit's product models, kept and checked, and their footprints
/// computed from the factor library when asked (GWP set, grid factors of the plant's province and year).
struct FootprintAPI: Sendable {
    let database: PeakZeroDatabase

    /// Most Monte Carlo draws one request may ask for.
    static let largestMonteCarlo = 10_000

    /// A model as a list shows it.
    struct ModelListing: Codable {
        let id: Int64
        let unitId: Int64
        let unitCode: String
        let name: String
        let processes: Int
        let boundary: SystemBoundary
        let updatedAt: String

        init(_ stored: StoredFootprintModel) {
            id = stored.id
            unitId = stored.unitId
            unitCode = stored.unitCode
            name = stored.name
            processes = stored.model.processes.count
            boundary = stored.model.boundary
            updatedAt = stored.updatedAt
        }
    }

    func list(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let models = try await FootprintModelStore(database).list(under: try context.id())
        return try jsonResponse(try Page(models.map(ModelListing.init), request))
    }

    func save(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        var request = request
        let model = try await request.decodeJSON(ProductModel.self, context: context)
        try await check(model, request.language)
        let stored = try await FootprintModelStore(database).save(model, unitID: try context.id())
        return try jsonResponse(stored, status: .created)
    }

    func get(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        try jsonResponse(try await FootprintModelStore(database).model(id: try context.id()))
    }

    func replace(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        var request = request
        let model = try await request.decodeJSON(ProductModel.self, context: context)
        let store = FootprintModelStore(database)
        let kept = try await store.model(id: try context.id())
        try await check(model, request.language)
        return try jsonResponse(try await store.save(model, unitID: kept.unitId, replacing: kept.id))
    }

    func delete(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        try await FootprintModelStore(database).delete(id: try context.id())
        return Response(status: .noContent)
    }

    func compute(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        try jsonResponse(try await summary(request, context))
    }

    /// The footprint as a workbook (`FootprintWorkbook`), named after the model.
    func export(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let (summary, name) = try await summaryAndName(request, context)
        let data = try FootprintWorkbook.data(summary, language: request.language)
        return IntakeAPI.file(data, name: "\(name).xlsx", format: .xlsx)
    }

    private func summary(_ request: Request, _ context: PeakZeroContext) async throws -> FootprintSummary {
        try await summaryAndName(request, context).summary
    }

    /// The kept model's footprint with the request's `gwp`, `monte_carlo` and `seed`.
    private func summaryAndName(_ request: Request, _ context: PeakZeroContext) async throws
        -> (summary: FootprintSummary, name: String)
    {
        let kept = try await FootprintModelStore(database).model(id: try context.id())
        let gwp = try gwpSet(request)
        let draws = try request.query("monte_carlo", as: Int.self) ?? 0
        guard (0...Self.largestMonteCarlo).contains(draws) else {
            throw APIError.badRequest(
                request.language.say(.badQueryParameter, ["name": "monte_carlo", "text": "\(draws)"]),
                issues: [.init(row: nil, field: "monte_carlo", message: "0–\(Self.largestMonteCarlo)")])
        }
        let seed = try request.query("seed", as: UInt64.self) ?? 1
        let calculation = try await calculation(of: kept.model, gwp: gwp, request.language)
        let summary = await FootprintFigures.summary(
            calculation, of: kept.model, result: calculation.result(), gwp: gwp, draws: draws, seed: seed,
            language: request.language)
        return (summary, kept.name)
    }

    private func gwpSet(_ request: Request) throws -> GWPSet {
        guard let text = request.uri.queryParameters.get("gwp") else { return .ar6 }
        guard let set = GWPSet(parsing: String(text)) else {
            throw APIError.badRequest(
                request.language.say(.badQueryParameter, ["name": "gwp", "text": String(text)]),
                issues: [
                    .init(row: nil, field: "gwp", message: GWPSet.allCases.map(\.rawValue).joined(separator: ", "))
                ])
        }
        return set
    }

    /// The model checked and factorised with the library's factors, or a 422 naming every problem by
    /// process and exchange.
    private func calculation(of model: ProductModel, gwp: GWPSet, _ language: Language) async throws
        -> FootprintCalculation
    {
        do {
            return try await FootprintFigures.calculation(model, gwp: gwp, in: database)
        } catch let error as FootprintProblems {
            throw APIError.invalid(
                error.problems.map { problem in
                    (
                        field: [problem.process.map { "processes[\($0)]" }, problem.exchange].compactMap { $0 }
                            .joined(separator: "."), message: problem.message(language)
                    )
                }, language)
        }
    }

    private func check(_ model: ProductModel, _ language: Language) async throws {
        _ = try await calculation(of: model, gwp: .ar6, language)
    }
}

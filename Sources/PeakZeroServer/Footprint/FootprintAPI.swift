import Accounting
import Footprint
import Foundation
import Hummingbird
import Intake
import Persistence
import Spreadsheet

/// Product carbon footprints: a unit's product models, kept and checked, and their footprints
/// computed from the factor library when asked (GWP set, grid factors of the plant's province and year).
struct FootprintAPI: Sendable {
    let database: PeakZeroDatabase
    /// Model files are unpacked in memory: they take a place among the imports running at once.
    let gate: ImportGate
    let workbookLimits: WorkbookLimits

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

    /// A model saved from a file — PeakZero's JSON, the template, an openLCA export — checked as when
    /// saved, with the reader's notes; a 422 naming each problem by file, row or entry.
    func importModel(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        var request = request
        let language = request.language
        let body = Data(buffer: try await request.collectBody(upTo: context.maxUploadSize))
        let (data, name) = try IntakeAPI.upload(body, request: request)
        guard gate.enter() else {
            throw APIError(
                status: .tooManyRequests, code: "imports_busy",
                message: language.say(.importsBusy, ["limit": "\(gate.limit)", "seconds": "\(ImportGate.retryAfter)"]),
                retryAfter: ImportGate.retryAfter)
        }
        defer { gate.leave() }
        let productSystem = request.uri.queryParameters.get("product_system").map { String($0) }
        let imported = try await FootprintImport.read(
            data, name: name, productSystem: productSystem, limits: workbookLimits, database: database,
            language: language)
        let stored = try await FootprintModelStore(database).save(imported.model, unitID: try context.id())
        return try jsonResponse(
            Imported(model: stored, notes: imported.notes.map { language == .zh ? $0.zh : $0.en }), status: .created)
    }

    struct Imported: Codable {
        let model: StoredFootprintModel
        let notes: [String]
    }

    /// The kept model as the product model template, to edit in a spreadsheet and import again.
    func template(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let kept = try await FootprintModelStore(database).model(id: try context.id())
        let format = try IntakeAPI.format(request)
        let data = try FootprintTemplate.data(kept.model, format: format, language: request.language)
        return IntakeAPI.file(data, name: "\(kept.name).\(format.rawValue)", format: format)
    }

    /// The footprint with what a GB/T 24067-2024 report states beyond its figures.
    func declaration(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let (summary, _, model) = try await summaryAndName(request, context)
        return try jsonResponse(
            DeclarationBody(summary: summary, declaration: FootprintDeclaration(model: model, summary: summary)))
    }

    struct DeclarationBody: Codable {
        let summary: FootprintSummary
        let declaration: FootprintDeclaration
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
        let (summary, name, model) = try await summaryAndName(request, context)
        let data = try FootprintWorkbook.data(
            summary, declaration: FootprintDeclaration(model: model, summary: summary), language: request.language)
        return IntakeAPI.file(data, name: "\(name).xlsx", format: .xlsx)
    }

    private func summary(_ request: Request, _ context: PeakZeroContext) async throws -> FootprintSummary {
        try await summaryAndName(request, context).summary
    }

    /// The kept model's footprint with the request's `gwp`, `monte_carlo` and `seed`.
    private func summaryAndName(_ request: Request, _ context: PeakZeroContext) async throws
        -> (summary: FootprintSummary, name: String, model: ProductModel)
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
        return (summary, kept.name, kept.model)
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

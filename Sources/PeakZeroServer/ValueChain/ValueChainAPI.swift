import Accounting
import Hummingbird
import Persistence

/// A unit's Scope 3 emissions as stored: the summary by category and the rows.
struct ValueChainAPI: Sendable {
    let database: PeakZeroDatabase

    struct Answer: Codable {
        let unitId: Int64
        let year: Int
        let summary: Scope3Summary
        let records: [Record]
    }

    /// A stored row as the API shows it: the row as given, and as calculated.
    struct Record: Codable {
        let id: Int64
        let unitCode: String
        let category: Int
        let categoryName: String
        let method: Scope3Method?
        let description: String?
        let tier: Int?
        let excludedReason: String?
        let tonnes: Double
        let basisAmount: Double?
        let supplierTonnes: Double?
        let factor: Scope3Factor?
        let activity: Scope3Activity

        init(_ stored: StoredScope3Record, language: Language) {
            id = stored.id
            unitCode = stored.unitCode
            category = stored.activity.category.rawValue
            categoryName = stored.activity.category.name(in: language)
            method = stored.activity.method
            description = stored.activity.description
            tier = stored.activity.tier?.rawValue
            excludedReason = stored.activity.excludedReason
            tonnes = stored.line.tonnes
            basisAmount = stored.line.basisAmount
            supplierTonnes = stored.line.supplierTonnes
            factor = stored.line.factor
            activity = stored.activity
        }
    }

    func scope3(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        guard let year = try request.query("year", as: Int.self) else {
            throw APIError.badRequest(
                request.language.say(.badQueryParameter, ["name": "year", "text": ""]),
                issues: [.init(row: nil, field: "year", message: "required")])
        }
        let id = try context.id()
        let store = Scope3Store(database)
        let records = try await store.records(under: id, year: year)
        return try jsonResponse(
            Answer(
                unitId: id, year: year, summary: Scope3Store.summary(of: records),
                records: records.map { Record($0, language: request.language) }))
    }
}

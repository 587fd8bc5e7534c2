import Foundation
import Accounting
import Hummingbird
import Persistence

/// The four indicators of a unit (ownership tree) or a region (territorial tree).
struct IndicatorsAPI {
    let rollups: RollupStore
    let units: UnitStore
    /// Repeated queries are answered from memory while the database is unchanged (SQLite only).
    let cache: ResponseCache?

    private func respond(_ request: Request, _ make: () async throws -> Data) async throws -> Response {
        guard let cache else { return Response.json(try await make()) }  // no change signal (in-memory SQLite)
        return try await cache.json(for: request, make: make)
    }

    /// The parameters are read inside `make`: a response remembered for this very request (its
    /// address and language) had them read and found good already.
    func unit(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let id = try context.id()
        return try await respond(request) {
            let year = try request.requireQuery("year", as: Int.self)
            let approach = try request.choice("approach", default: ConsolidationApproach.control)
            let method = try request.choice("scope2", default: Scope2Method.location)
            return try IndicatorsDocument.unit(
                try await units.unit(id: id), children: try await units.children(of: id), approach: approach,
                method: method, rollup: try await rollups.rollup(.unit(id: id, approach: approach), year: year))
        }
    }

    func region(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let code = context.parameters.get("code") ?? ""
        guard let region = RegionPrefix(code) else {
            throw APIError.notFound(
                "no region with code \(code) (use a GB/T 2260 code such as 510000, 510100 or 510104)")
        }
        return try await respond(request) {
            let year = try request.requireQuery("year", as: Int.self)
            let method = try request.choice("scope2", default: Scope2Method.location)
            return try IndicatorsDocument.region(
                region, method: method, rollup: try await rollups.rollup(.region(region), year: year))
        }
    }
}

extension Request {
    /// A query parameter that must be one of an enum's raw values.
    func choice<T: RawRepresentable & CaseIterable>(_ name: String, default value: T) throws -> T
    where T.RawValue == String {
        guard let text = uri.queryParameters.get(name) else { return value }
        guard let choice = T(rawValue: text) else {
            throw APIError.badRequest(
                "\(name) must be one of \(T.allCases.map(\.rawValue).joined(separator: ", "))",
                issues: [.init(row: nil, field: name, message: text)])
        }
        return choice
    }
}

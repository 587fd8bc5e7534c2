import Accounting
import Hummingbird
import Persistence

/// Inventories: compute (a new version), list, fetch with lines and lineage.
struct InventoriesAPI {
    let inventories: InventoryStore
    let database: PeakZeroDatabase

    struct ComputeRequest: Decodable {
        let unitId: Int64
        let year: Int
        let gwp: String?
        let scope2: String?
        let fuelParameters: String?
    }

    func list(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let found = try await inventories.list(
            unitID: try request.query("unit_id", as: Int64.self), year: try request.query("year", as: Int.self))
        var visible: [StoredInventory] = []
        for inventory in found where try await context.readScope.contains(unitID: inventory.unitId, in: database) {
            visible.append(inventory)
        }
        return try jsonResponse(try Page(visible.map(InventoryBody.init), request))
    }

    func compute(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        var request = request
        let body = try await request.decodeJSON(ComputeRequest.self, context: context)
        var issues: [APIError.Issue] = []
        let gwp = GWPSet(parsing: body.gwp ?? "AR5")
        if gwp == nil { issues.append(.init(row: nil, field: "gwp", message: "SAR, AR4, AR5 or AR6")) }
        let scope2 = Scope2Method(rawValue: body.scope2 ?? "location")
        if scope2 == nil { issues.append(.init(row: nil, field: "scope2", message: "location or market")) }
        let fuel = FuelParameterSet(rawValue: body.fuelParameters ?? "NDRC-2015")
        if fuel == nil { issues.append(.init(row: nil, field: "fuel_parameters", message: "NDRC-2015 or NDRC-2013")) }
        if Period(year: body.year) == nil {
            issues.append(.init(row: nil, field: "year", message: "a four-digit year"))
        }
        guard issues.isEmpty, let gwp, let scope2, let fuel else {
            throw APIError(status: .unprocessableContent, code: "invalid", message: "bad options", issues: issues)
        }
        guard try await context.writeScope.contains(unitID: body.unitId, in: database) else {
            throw APIError.notFound(request.language.say(.noSuchUnit))
        }
        let stored = try await inventories.compute(
            unitID: body.unitId, year: body.year,
            options: CalculationOptions(gwp: gwp, scope2: scope2, fuelParameters: fuel))
        return try jsonResponse(InventoryBody(stored), status: .created)
    }

    func get(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        try jsonResponse(InventoryBody(try await inventories.inventory(id: try context.id())))
    }

    func lines(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let id = try context.id()
        let lines = try await inventories.lines(inventoryID: id)
        let factors = try await inventories.factors(inventoryID: id)
        return try jsonResponse(LinesBody(inventoryId: id, lines: lines, factors: factors))
    }

    struct LinesBody: Codable {
        let inventoryId: Int64
        let lines: [StoredInventoryLine]
        let factors: [InventoryFactor]
    }
}

/// An inventory as the API shows it: its stored fields plus `co2e_t`.
struct InventoryBody: Codable {
    let id: Int64
    let unitId: Int64
    let year: Int
    let version: Int
    let gwp: String
    let scope2: String
    let fuelParameters: String
    let factorLibrary: String
    let stale: Bool
    let recordCount: Int
    let co2eT: Double
    let scope1T: Double
    let scope2LocationT: Double
    let scope2MarketT: Double
    let tceCalorific: Double
    let tceEquivalent: Double
    let computedAt: String

    init(_ i: StoredInventory) {
        (id, unitId, year, version, gwp, scope2) = (i.id, i.unitId, i.year, i.version, i.gwp, i.scope2)
        (fuelParameters, factorLibrary, stale, recordCount) = (i.fuelParameters, i.factorLibrary, i.stale, i.recordCount)
        (co2eT, scope1T, scope2LocationT, scope2MarketT) = (i.co2eT, i.scope1T, i.scope2LocationT, i.scope2MarketT)
        (tceCalorific, tceEquivalent, computedAt) = (i.tceCalorific, i.tceEquivalent, i.computedAt)
    }

    /// The API's names: the emission figures say they are CO2e, the energy ones their basis.
    enum CodingKeys: String, CodingKey {
        case id, unitId, year, version, gwp, scope2, fuelParameters, factorLibrary, stale, recordCount
        case co2eT, scope1T = "scope1_co2e_t", scope2LocationT = "scope2_location_co2e_t"
        case scope2MarketT = "scope2_market_co2e_t", tceCalorific = "energy_tce_calorific"
        case tceEquivalent = "energy_tce_equivalent", computedAt
    }
}

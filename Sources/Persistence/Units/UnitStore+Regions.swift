import Accounting
import SQLKit

/// How many units a region code holds.
public struct RegionUnitCount: Sendable, Decodable, Equatable {
    public let regionCode: String
    public let units: Int
}

extension UnitStore {
    /// The top-level units that own a unit in the region: the trees whose inventories a region's
    /// figures come from.
    public func roots(in region: RegionPrefix) async throws -> [Int64] {
        try await database.sql.select().column(SQLDistinct(SQLColumn("root_id"))).from("units")
            .where("region_code", .like, SQLBind(region.prefix + "%")).all()
            .map { try $0.decode(column: "root_id", as: Int64.self) }.sorted()
    }

    /// Units per six-digit region code, counted in SQL, in code order.
    public func regionCounts() async throws -> [RegionUnitCount] {
        try await database.sql.select().column("region_code")
            .column(SQLAlias(SQLFunction("COUNT", args: SQLLiteral.all), as: SQLIdentifier("units")))
            .from("units").groupBy("region_code").orderBy("region_code")
            .all(decoding: RegionUnitCount.self, keyDecodingStrategy: .convertFromSnakeCase)
    }
}

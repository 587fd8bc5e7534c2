import SQLKit

/// How many activity records a unit has for one month of a year (`month` nil: annual records).
public struct ReportedPeriod: Sendable, Decodable, Equatable {
    public let unitId: Int64
    public let month: Int?
    public let records: Int
}

extension ActivityStore {
    /// Record counts per unit and month of a unit's subtree for a year, counted in SQL: what the
    /// data-completeness grid is drawn from.
    public func reportedPeriods(under unitID: Int64, year: Int) async throws -> [ReportedPeriod] {
        let anchor = try await UnitLookup.anchor(unitID, in: database.sql)
        return try await database.sql.select()
            .column(SQLColumn("unit_id", table: "a"))
            .column(SQLColumn("month", table: "a"))
            .column(SQLAlias(SQLFunction("COUNT", args: SQLLiteral.all), as: SQLIdentifier("records")))
            .from(SQLRaw(ActivitySpans.recordsOfSpans))
            .join(SQLAlias(SQLIdentifier("units"), as: SQLIdentifier("u")), on: SQLRaw("u.id = s.unit_id"))
            .where(SQLColumn("root_id", table: "s"), .equal, SQLBind(anchor.rootID))
            .where(SQLColumn("root_id", table: "u"), .equal, SQLBind(anchor.rootID))
            .where(SQLColumn("path", table: "u"), .like, SQLBind(anchor.path + "%"))
            .where(SQLColumn("year", table: "s"), .equal, SQLBind(year))
            .groupBy(SQLColumn("unit_id", table: "a")).groupBy(SQLColumn("month", table: "a"))
            .all(decoding: ReportedPeriod.self, keyDecodingStrategy: .convertFromSnakeCase)
    }
}

import SQLKit

extension ReviewStore {
    /// How many of a subtree's activity records of the year lie outside approved periods (a
    /// whole-year record counts as December's, as the calculation counts them): what a unit's page
    /// warns of when its figures come from an inventory of a unit above it, whose stored count
    /// covers that unit's whole tree.
    public func unapprovedRecords(under unitID: Int64, year: Int) async throws -> Int {
        guard let anchor = try await UnitStore.find(id: unitID, in: database.sql) else {
            throw StoreError.notFound(kind: "unit", id: String(unitID))
        }
        let approved = """
            EXISTS (SELECT 1 FROM reporting_periods p WHERE p.unit_id = a.unit_id AND p.year = a.year \
            AND p.status = 'approved' AND COALESCE(a.month, 12) BETWEEN p.first_month AND p.last_month)
            """
        let row = try await database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(SQLRaw(ActivitySpans.recordsOfSpans + " JOIN units u ON u.id = s.unit_id"))
            .where(SQLColumn("root_id", table: "s"), .equal, SQLBind(anchor.rootId))
            .where(SQLColumn("year", table: "s"), .equal, SQLBind(year))
            .where(SQLColumn("root_id", table: "u"), .equal, SQLBind(anchor.rootId))
            .where(SQLColumn("path", table: "u"), .like, SQLBind(anchor.path + "%"))
            .where(SQLRaw("NOT \(approved)"))
            .first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }
}

import SQLKit

extension ReviewStore {
    /// How many activity records of a unit's subtree for a year lie outside approved periods: zero
    /// means figures computed from them rest on approved data only.
    public func unapprovedRecords(under unitID: Int64, year: Int) async throws -> Int {
        try await Self.unapprovedRecords(under: unitID, year: year, in: database.sql)
    }

    static func unapprovedRecords(under unitID: Int64, year: Int, in db: any SQLDatabase) async throws -> Int {
        let anchor = try await UnitLookup.anchor(unitID, in: db)
        let row = try await db.raw(
            """
            SELECT COUNT(*) AS n FROM activity_records a JOIN units u ON u.id = a.unit_id
            WHERE a.root_id = \(bind: anchor.rootID) AND u.path LIKE \(bind: anchor.path + "%") AND a.year = \(bind: year)
            AND NOT EXISTS (SELECT 1 FROM reporting_periods p WHERE p.unit_id = a.unit_id AND p.year = a.year
                AND p.status = 'approved' AND COALESCE(a.month, 12) BETWEEN p.first_month AND p.last_month)
            """
        ).first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }
}

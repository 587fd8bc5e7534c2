/// Inventories computed before PeakZero refused implausible numbers could hold infinite totals (a
/// quantity of 1e308 times a factor); every reader of them then failed. No calculation can produce
/// them now (`Plausible`), so they are removed with their lines, lineages, factors and summaries;
/// their units and years read as not computed, and the next computation names the bad record.
enum Migration0019DropImpossibleInventories {
    /// The inventories holding a total no calculation can now produce (infinite, NaN, or beyond
    /// `Plausible.largestLineFigure` in magnitude).
    static let impossible = """
        SELECT id FROM inventories WHERE NOT (
            scope1_t BETWEEN -1e18 AND 1e18 AND scope2_location_t BETWEEN -1e18 AND 1e18
            AND scope2_market_t BETWEEN -1e18 AND 1e18 AND tce_calorific BETWEEN -1e18 AND 1e18
            AND tce_equivalent BETWEEN -1e18 AND 1e18)
        """

    static let migration = Migration(version: 19, name: "DropImpossibleInventories") { _ in
        ["inventory_summaries", "inventory_factors", "inventory_lineages"].map {
            "DELETE FROM \($0) WHERE inventory_id IN (\(impossible))"
        } + [
            // A line's inventory is its id's high half (`InventoryRows.firstLineID`); PostgreSQL's
            // lines no longer name it (migration 29).
            "DELETE FROM inventory_lines WHERE (id >> 32) IN (\(impossible))",
            "DELETE FROM inventories WHERE id IN (\(impossible))",
        ]
    }
}

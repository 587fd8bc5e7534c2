/// PostgreSQL: cheaper writes for a recalculation, the two largest left once lines travel in
/// binary (docs/benchmarks.md, "Store on PostgreSQL").
///
/// - An inventory's lines are found by their id's range (`InventoryRows.firstLineID`: each
///   inventory owns a range of 2³² ids), written in rising order, never updated, and unique by
///   that construction. A B-tree over them cost a third of `COPY`'s time (2.4 million lines: 3.3 s
///   with it, 2.1 s with none); a BRIN index (the id range of each run of pages) finds the same
///   ranges for almost nothing. SQLite keeps its rowid key, which costs it nothing.
/// - Roll-up summaries are some 30 MB of JSON text per provincial recalculation; lz4 compresses
///   them to the same size as the default pglz in a third of the time (0.26 against 0.74 s).
///   A server built without lz4 keeps pglz.
enum Migration0027LighterLineWrites {
    static let migration = Migration(version: 27, name: "LighterLineWrites") { dialect in
        guard dialect == .postgres else { return [] }
        return [
            "ALTER TABLE inventory_lines DROP CONSTRAINT IF EXISTS inventory_lines_pkey",
            "CREATE INDEX IF NOT EXISTS inventory_lines_id_ranges ON inventory_lines USING brin (id)",
            """
            DO $$ BEGIN
                ALTER TABLE inventory_summaries ALTER COLUMN payload SET COMPRESSION lz4;
            EXCEPTION WHEN feature_not_supported THEN NULL;
            END $$
            """,
        ]
    }
}

/// PostgreSQL: an inventory's lines no longer repeat their inventory's id in every row. It is the
/// same for all of an inventory's lines and follows from the line's id (its inventory owns the id
/// range `InventoryRows.firstLineID`); nothing reads it from a line. Dropping it narrows a line by a
/// field, and `COPY` spends a recalculation's time per field (docs/benchmarks.md, "Store on
/// PostgreSQL"). `root_id` stays: it is the lines' distribution key on Citus (docs/scaling.md).
/// SQLite keeps both columns (it cannot drop one a foreign key uses without rebuilding the table),
/// and its writer still fills them.
enum Migration0029NarrowerLines {
    static let migration = Migration(version: 29, name: "NarrowerLines") { dialect in
        guard dialect == .postgres else { return [] }
        return ["ALTER TABLE inventory_lines DROP COLUMN IF EXISTS inventory_id"]
    }
}

/// PostgreSQL: an inventory's lines no longer repeat their inventory's id and root in every row.
/// Both are the same for all of an inventory's lines and follow from the line's id (its inventory
/// owns the id range `InventoryRows.firstLineID`) or from the inventory's own row; nothing reads
/// them from a line. Dropping them narrows a line from 11 fields to 9, which is what `COPY` spends
/// its time on in a recalculation (docs/benchmarks.md, "Store on PostgreSQL"). SQLite keeps the two
/// columns (it cannot drop one referenced by a foreign key without rebuilding the table), and its
/// writer still fills them.
enum Migration0029NarrowerLines {
    static let migration = Migration(version: 29, name: "NarrowerLines") { dialect in
        guard dialect == .postgres else { return [] }
        return ["ALTER TABLE inventory_lines DROP COLUMN IF EXISTS inventory_id, DROP COLUMN IF EXISTS root_id"]
    }
}

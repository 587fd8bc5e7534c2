/// PostgreSQL: an inventory's lines no longer check, row by row, that their inventory exists.
/// Lines are written only by a recalculation, in the transaction that writes their inventory's
/// header first, and removed only with it; SQLite's bulk writer has never checked them either
/// (its foreign-key checks are off while it writes). On PostgreSQL each line's check is a query
/// of its own: 15 of the 22 s that `COPY` of a 2.4-million-line province took
/// (docs/benchmarks.md). Nothing changes on SQLite, which cannot drop a constraint in place.
enum Migration0021LinesWithoutRowChecks {
    static let migration = Migration(version: 21, name: "LinesWithoutRowChecks") { dialect in
        dialect == .postgres
            ? ["ALTER TABLE inventory_lines DROP CONSTRAINT IF EXISTS inventory_lines_inventory_id_fkey"] : []
    }
}

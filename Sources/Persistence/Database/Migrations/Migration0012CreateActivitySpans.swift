/// Activity records are found by unit through spans, not through an index entry per record. A span
/// is a run of consecutive record ids of one unit and year — an imported file's rows of a facility
/// and year are one span — so a province of 2.4 million records has about ten thousand spans, and a
/// million-row load no longer writes a million index entries (which cost SQLite more than the rows:
/// docs/benchmarks.md). Spans made here from the stored rows: one per batch, unit and year (a
/// batch's ids are consecutive, so spans of one unit and year never overlap).
enum Migration0012CreateActivitySpans {
    static let migration = Migration(version: 12, name: "CreateActivitySpans") { d in
        [
            """
            CREATE TABLE activity_spans (
                root_id \(d.bigint) NOT NULL,
                unit_id \(d.bigint) NOT NULL,
                year INTEGER NOT NULL,
                first_id \(d.bigint) NOT NULL,
                last_id \(d.bigint) NOT NULL,
                PRIMARY KEY (root_id, unit_id, year, first_id)
            )
            """,
            """
            INSERT INTO activity_spans (root_id, unit_id, year, first_id, last_id)
            SELECT root_id, unit_id, year, MIN(id), MAX(id) FROM activity_records GROUP BY batch_id, root_id, unit_id, year
            """,
            "DROP INDEX activity_root_unit_year",
        ]
    }
}

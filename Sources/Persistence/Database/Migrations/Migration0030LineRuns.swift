/// PostgreSQL: an inventory's lines are stored as runs — one row per run of consecutive lines of one
/// unit, each of the lines' fields an array — and read through a view of the old table's name and
/// columns, one row per line.
///
/// A recalculation writes a province's 2.4 million lines; PostgreSQL spends most of that write per
/// row it stores (a tuple, its WAL record, its index entry), and row by row it took twice SQLite's
/// whole recalculation (docs/benchmarks.md, "Store on PostgreSQL"). As some ten thousand runs the
/// same lines take less than half the time. The arrays are stored uncompressed (`EXTERNAL`):
/// PostgreSQL's default compression took three times as long as the copy itself, for numbers that
/// barely compress.
///
/// A line's id stays what it was: the run's first id plus its place in the run
/// (`InventoryRows.firstLineID`). The view also shows the run's first id (`run_id`), which lies in
/// the same inventory's range, and its record ids (`run_record_ids`): a filter on those reaches the
/// runs before they are unnested (the first through the runs' BRIN index), where one on the line's
/// computed id or record could not. `root_id` stays on each run: it is the distribution key on Citus
/// (docs/scaling.md). Existing lines are regrouped into runs (consecutive ids of one unit) and the
/// old table dropped. SQLite keeps its table of lines: it writes a row for almost nothing.
enum Migration0030LineRuns {
    static let migration = Migration(version: 30, name: "LineRuns") { dialect in
        guard dialect == .postgres else { return [] }
        let arrays = ["record_ids", "months", "lineage_ids", "co2e_location_t", "co2e_market_t", "tce_calorific",
                      "tce_equivalent"]
        return [
            """
            CREATE TABLE inventory_line_runs (
                first_id BIGINT NOT NULL,
                root_id BIGINT NOT NULL,
                unit_id BIGINT NOT NULL,
                record_ids BIGINT[] NOT NULL,
                months INTEGER[] NOT NULL,
                lineage_ids INTEGER[] NOT NULL,
                co2e_location_t DOUBLE PRECISION[] NOT NULL,
                co2e_market_t DOUBLE PRECISION[] NOT NULL,
                tce_calorific DOUBLE PRECISION[] NOT NULL,
                tce_equivalent DOUBLE PRECISION[] NOT NULL
            )
            """,
            "ALTER TABLE inventory_line_runs " + arrays.map { "ALTER COLUMN \($0) SET STORAGE EXTERNAL" }
                .joined(separator: ", "),
            "CREATE INDEX inventory_line_runs_id_ranges ON inventory_line_runs USING brin (first_id)",
            // A run is an island of consecutive ids of one unit: within it, id minus its rank among
            // the unit's lines of the inventory is constant.
            """
            INSERT INTO inventory_line_runs
            SELECT MIN(id), MIN(root_id), unit_id, array_agg(record_id ORDER BY id), array_agg(month ORDER BY id),
                array_agg(lineage_id ORDER BY id), array_agg(co2e_location_t ORDER BY id),
                array_agg(co2e_market_t ORDER BY id), array_agg(tce_calorific ORDER BY id),
                array_agg(tce_equivalent ORDER BY id)
            FROM (
                SELECT l.*, id - ROW_NUMBER() OVER (PARTITION BY id >> 32, unit_id ORDER BY id) AS island
                FROM inventory_lines l
            ) numbered
            GROUP BY id >> 32, unit_id, island
            ORDER BY MIN(id)
            """,
            "DROP TABLE inventory_lines",
            // The arrays are unnested side by side in the select list, which PostgreSQL runs in
            // step without storing the rows first (in FROM, `unnest` of several arrays did: summing
            // a province's 2.4 million lines took 1.8 s, against 1.1 s this way). A filter on a
            // run's own columns (`run_id`, `run_record_ids`) is applied to the runs before they are
            // unnested.
            """
            CREATE VIEW inventory_lines AS
            SELECT generate_series(r.first_id, r.first_id + cardinality(r.record_ids) - 1) AS id,
                r.first_id AS run_id, r.record_ids AS run_record_ids, r.root_id, unnest(r.record_ids) AS record_id,
                r.unit_id, unnest(r.months) AS month, unnest(r.lineage_ids) AS lineage_id,
                unnest(r.co2e_location_t) AS co2e_location_t, unnest(r.co2e_market_t) AS co2e_market_t,
                unnest(r.tce_calorific) AS tce_calorific, unnest(r.tce_equivalent) AS tce_equivalent
            FROM inventory_line_runs r
            """,
        ]
    }
}

/// Activity data (活动数据). `month` is NULL for a whole-year record. `root_id` is the distribution
/// key for a sharded PostgreSQL (docs/scaling.md). Every record belongs to the batch that wrote it
/// (an API call, an imported file, the demo), which keeps when, how and from what it came — once
/// per batch rather than once per row, which keeps a million-row load narrow.
enum Migration0002CreateActivityRecords {
    static let migration = Migration(version: 2, name: "CreateActivityRecords") { d in
        [
            """
            CREATE TABLE record_batches (
                id \(d.identityPrimaryKey),
                kind TEXT NOT NULL,
                file_name TEXT,
                content_hash TEXT,
                template_version TEXT,
                created_by TEXT,
                created_at TEXT NOT NULL,
                row_count INTEGER NOT NULL
            )
            """,
            """
            CREATE TABLE activity_records (
                id \(d.identityPrimaryKey),
                root_id \(d.bigint) NOT NULL,
                unit_id \(d.bigint) NOT NULL REFERENCES units(id),
                year INTEGER NOT NULL,
                month INTEGER,
                item TEXT NOT NULL,
                category TEXT NOT NULL,
                quantity \(d.double) NOT NULL,
                uom TEXT NOT NULL,
                ncv \(d.double),
                carbon_content \(d.double),
                oxidation_rate \(d.double),
                source TEXT,
                batch_id \(d.bigint) NOT NULL REFERENCES record_batches(id)
            )
            """,
            "CREATE INDEX activity_root_unit_year ON activity_records (root_id, unit_id, year)",
        ]
    }
}

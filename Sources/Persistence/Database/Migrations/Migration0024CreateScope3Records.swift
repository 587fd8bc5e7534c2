/// Scope 3 rows: each as its sheet gave it (`activity`) and as calculated on import (`line`: the
/// emissions, the amount in the factor's basis and the factor with its source), so a later change
/// to a factor set does not move a reported figure silently. Kept apart from the activity records
/// so that no query of the inventories, roll-ups or four indicators can count them.
enum Migration0024CreateScope3Records {
    static let migration = Migration(version: 24, name: "CreateScope3Records") { d in
        [
            """
            CREATE TABLE scope3_records (
                id \(d.neverReusedPrimaryKey),
                unit_id \(d.bigint) NOT NULL,
                root_id \(d.bigint) NOT NULL,
                year INTEGER NOT NULL,
                category INTEGER NOT NULL,
                method TEXT,
                tier INTEGER,
                tonnes \(d.double) NOT NULL,
                excluded_reason TEXT,
                activity TEXT NOT NULL,
                line TEXT NOT NULL,
                batch_id \(d.bigint),
                created_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX scope3_records_by_unit ON scope3_records (root_id, unit_id, year)",
        ]
    }
}

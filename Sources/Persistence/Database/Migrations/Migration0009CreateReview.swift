/// Submit → review → approve: each unit's reporting periods with their current state (a period
/// with no row is a draft), and every step taken on them, with the data as it was submitted.
enum Migration0009CreateReview {
    static let migration = Migration(version: 9, name: "CreateReview") { d in
        [
            """
            CREATE TABLE reporting_periods (
                unit_id \(d.bigint) NOT NULL REFERENCES units(id) ON DELETE CASCADE,
                year INTEGER NOT NULL,
                first_month INTEGER NOT NULL,
                last_month INTEGER NOT NULL,
                status TEXT NOT NULL,
                version INTEGER NOT NULL,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (unit_id, year, first_month)
            )
            """,
            // The steps: submit (with the data as submitted), approve, return and correct (with a reason).
            """
            CREATE TABLE review_steps (
                id \(d.neverReusedPrimaryKey),
                unit_id \(d.bigint) NOT NULL,
                year INTEGER NOT NULL,
                first_month INTEGER NOT NULL,
                last_month INTEGER NOT NULL,
                version INTEGER NOT NULL,
                step TEXT NOT NULL,
                actor_id \(d.bigint),
                actor TEXT NOT NULL,
                at TEXT NOT NULL,
                reason TEXT,
                data TEXT
            )
            """,
            "CREATE INDEX review_steps_by_period ON review_steps (unit_id, year, first_month, id)",
            // Whether an inventory rests on approved data only: the records it counted outside
            // approved periods (NULL for inventories computed before review existed).
            "ALTER TABLE inventories ADD COLUMN unapproved_records INTEGER",
        ]
    }
}

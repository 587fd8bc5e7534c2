/// A verifier's findings (核查发现) on a unit's reporting period: kept beside the review's steps,
/// never edited, each audited.
enum Migration0010CreateFindings {
    static let migration = Migration(version: 10, name: "CreateFindings") { d in
        [
            """
            CREATE TABLE findings (
                id \(d.neverReusedPrimaryKey),
                unit_id \(d.bigint) NOT NULL,
                year INTEGER NOT NULL,
                first_month INTEGER NOT NULL,
                last_month INTEGER NOT NULL,
                text TEXT NOT NULL,
                author_id \(d.bigint),
                author TEXT NOT NULL,
                created_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX findings_by_period ON findings (unit_id, year, first_month, id)",
        ]
    }
}

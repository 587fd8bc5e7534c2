/// The words a company writes for its climate section, by unit, year and section: kept as a draft
/// until the report is issued, when they are frozen into the issued report with its figures.
enum Migration0025CreateReportNarratives {
    static let migration = Migration(version: 25, name: "CreateReportNarratives") { d in
        [
            """
            CREATE TABLE report_narratives (
                id \(d.neverReusedPrimaryKey),
                unit_id \(d.bigint) NOT NULL,
                year INTEGER NOT NULL,
                section TEXT NOT NULL,
                text TEXT NOT NULL,
                updated_by TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )
            """,
            "CREATE UNIQUE INDEX report_narratives_by_unit ON report_narratives (unit_id, year, section)",
        ]
    }
}

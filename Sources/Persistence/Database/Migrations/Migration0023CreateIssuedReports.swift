/// Reports as issued (出具): each keeps the report's whole model as it was — the inventory's id and
/// version and every number — so that it shows again exactly as issued however the data change after.
enum Migration0023CreateIssuedReports {
    static let migration = Migration(version: 23, name: "CreateIssuedReports") { d in
        [
            """
            CREATE TABLE issued_reports (
                id \(d.neverReusedPrimaryKey),
                unit_id \(d.bigint) NOT NULL,
                root_id \(d.bigint) NOT NULL,
                kind TEXT NOT NULL,
                year INTEGER NOT NULL,
                inventory_id \(d.bigint) NOT NULL,
                inventory_version INTEGER NOT NULL,
                payload TEXT NOT NULL,
                issued_by TEXT NOT NULL,
                issued_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX issued_reports_by_unit ON issued_reports (root_id, unit_id, year)",
        ]
    }
}

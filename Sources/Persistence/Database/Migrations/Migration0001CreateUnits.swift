/// The ownership tree. `path` (`/1/5/23/`) and `root_id` let one query select a subtree;
/// `root_equity` (the product of ownership shares up to the top-level unit) lets SQL weight a
/// subtree by equity share. Both are kept right by `UnitStore` whenever a parent or share changes.
enum Migration0001CreateUnits {
    static let migration = Migration(version: 1, name: "CreateUnits") { d in
        [
            """
            CREATE TABLE units (
                id \(d.identityPrimaryKey),
                root_id \(d.bigint) NOT NULL,
                parent_id \(d.bigint) REFERENCES units(id),
                code TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                level TEXT NOT NULL,
                industry_code TEXT,
                region_code TEXT NOT NULL,
                ownership_share \(d.double) NOT NULL,
                reporting_class TEXT NOT NULL,
                path TEXT NOT NULL,
                root_equity \(d.double) NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX units_parent ON units (parent_id)",
            "CREATE INDEX units_root_path ON units (root_id, path)",
            "CREATE INDEX units_region ON units (region_code)",
        ]
    }
}

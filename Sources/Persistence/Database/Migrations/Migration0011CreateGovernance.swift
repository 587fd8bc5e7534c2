/// Targets and their splits, responsibility and measure lists with their notes, published
/// industry benchmarks for the carbon-efficiency code, and the installation's settings (the
/// carbon-efficiency scale in force).
enum Migration0011CreateGovernance {
    static let migration = Migration(version: 11, name: "CreateGovernance") { d in
        [
            """
            CREATE TABLE targets (
                id \(d.neverReusedPrimaryKey),
                unit_id \(d.bigint),
                region_code TEXT,
                root_id \(d.bigint),
                parent_target_id \(d.bigint),
                name TEXT NOT NULL,
                indicator TEXT NOT NULL,
                kind TEXT NOT NULL,
                first_year INTEGER NOT NULL,
                last_year INTEGER NOT NULL,
                definition TEXT NOT NULL,
                split_method TEXT,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX targets_by_unit ON targets (unit_id, first_year)",
            "CREATE INDEX targets_by_region ON targets (region_code, first_year)",
            "CREATE INDEX targets_by_parent ON targets (parent_target_id)",
            """
            CREATE TABLE measures (
                id \(d.neverReusedPrimaryKey),
                unit_id \(d.bigint) NOT NULL,
                root_id \(d.bigint) NOT NULL,
                target_id \(d.bigint),
                kind TEXT NOT NULL,
                title TEXT NOT NULL,
                owner_person TEXT NOT NULL,
                start_date TEXT NOT NULL,
                deadline TEXT NOT NULL,
                status TEXT NOT NULL,
                participants INTEGER,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX measures_by_unit ON measures (root_id, unit_id, deadline)",
            """
            CREATE TABLE measure_notes (
                id \(d.neverReusedPrimaryKey),
                measure_id \(d.bigint) NOT NULL,
                text TEXT NOT NULL,
                evidence TEXT,
                author TEXT NOT NULL,
                created_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX measure_notes_by_measure ON measure_notes (measure_id, id)",
            """
            CREATE TABLE industry_benchmarks (
                industry TEXT NOT NULL,
                year INTEGER NOT NULL,
                average_intensity \(d.double) NOT NULL,
                source TEXT NOT NULL,
                PRIMARY KEY (industry, year)
            )
            """,
            "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        ]
    }
}

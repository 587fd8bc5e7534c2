/// Reduction projects with their savings by carrier and their measurement-and-verification records;
/// the carbon-asset ledger (one row per event, with its signed change so balances are sums, and each
/// day's change summed for every unit above it), the
/// price series holdings are valued at, the rule records users enter beside the bundled ones, and
/// each covered unit's compliance year (its sector and allocation).
enum Migration0016CreateAssets {
    static let migration = Migration(version: 16, name: "CreateAssets") { d in
        [
            """
            CREATE TABLE reduction_projects (
                id \(d.neverReusedPrimaryKey),
                unit_id \(d.bigint) NOT NULL,
                root_id \(d.bigint) NOT NULL,
                code TEXT NOT NULL,
                name TEXT NOT NULL,
                type TEXT NOT NULL,
                stage TEXT NOT NULL,
                first_year INTEGER NOT NULL,
                lifetime_years INTEGER NOT NULL,
                capex \(d.double) NOT NULL,
                yearly_opex \(d.double) NOT NULL,
                yearly_benefit \(d.double) NOT NULL,
                savings TEXT NOT NULL,
                interacts_with TEXT NOT NULL,
                target_id \(d.bigint),
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )
            """,
            "CREATE UNIQUE INDEX reduction_projects_code ON reduction_projects (unit_id, code)",
            "CREATE INDEX reduction_projects_by_root ON reduction_projects (root_id, unit_id)",
            """
            CREATE TABLE project_verifications (
                id \(d.neverReusedPrimaryKey),
                project_id \(d.bigint) NOT NULL,
                year INTEGER NOT NULL,
                option TEXT NOT NULL,
                baseline TEXT NOT NULL,
                adjustments TEXT NOT NULL,
                savings TEXT NOT NULL,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX project_verifications_by_project ON project_verifications (project_id, year)",
            """
            CREATE TABLE asset_events (
                id \(d.neverReusedPrimaryKey),
                unit_id \(d.bigint) NOT NULL,
                root_id \(d.bigint) NOT NULL,
                day TEXT NOT NULL,
                day_ordinal INTEGER NOT NULL,
                action TEXT NOT NULL,
                kind TEXT NOT NULL,
                vintage INTEGER NOT NULL,
                month INTEGER,
                reference TEXT NOT NULL,
                methodology TEXT NOT NULL,
                quantity \(d.bigint) NOT NULL,
                delta \(d.bigint) NOT NULL,
                price \(d.double),
                counterparty TEXT NOT NULL,
                compliance_year INTEGER,
                retired_for TEXT,
                late INTEGER NOT NULL,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX asset_events_by_unit ON asset_events (unit_id, day_ordinal)",
            "CREATE INDEX asset_events_by_root ON asset_events (root_id, day_ordinal)",
            "CREATE INDEX asset_events_by_lot ON asset_events (kind, vintage, reference)",
            // Each day's change of a lot summed over a unit's whole subtree, kept for the unit and every
            // unit above it as entries are appended: a subtree's balances at a date read its own rows
            // (a few per lot and changed day), not every entry below it. `month` is 0 for no month.
            """
            CREATE TABLE asset_rollup (
                unit_id \(d.bigint) NOT NULL,
                kind TEXT NOT NULL,
                vintage INTEGER NOT NULL,
                month INTEGER NOT NULL,
                reference TEXT NOT NULL,
                methodology TEXT NOT NULL,
                day_ordinal INTEGER NOT NULL,
                delta \(d.bigint) NOT NULL,
                PRIMARY KEY (unit_id, day_ordinal, kind, vintage, month, reference, methodology)
            )
            """,
            """
            CREATE TABLE asset_prices (
                kind TEXT NOT NULL,
                day TEXT NOT NULL,
                price \(d.double) NOT NULL,
                source TEXT NOT NULL,
                PRIMARY KEY (kind, day)
            )
            """,
            """
            CREATE TABLE market_rules (
                id TEXT PRIMARY KEY,
                market TEXT NOT NULL,
                sectors TEXT NOT NULL,
                first_year INTEGER NOT NULL,
                last_year INTEGER NOT NULL,
                parameter TEXT NOT NULL,
                value TEXT NOT NULL,
                grade TEXT NOT NULL,
                source TEXT NOT NULL,
                document TEXT NOT NULL,
                url TEXT NOT NULL,
                notes TEXT NOT NULL,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE compliance_years (
                unit_id \(d.bigint) NOT NULL,
                root_id \(d.bigint) NOT NULL,
                year INTEGER NOT NULL,
                sector TEXT NOT NULL,
                allocation \(d.bigint),
                allocation_source TEXT NOT NULL,
                updated_by TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (unit_id, year)
            )
            """,
            "CREATE INDEX compliance_years_by_root ON compliance_years (root_id, year)",
        ]
    }
}

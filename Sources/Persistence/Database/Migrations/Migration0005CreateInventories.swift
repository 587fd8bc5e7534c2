/// Inventories: a calculation run for a unit's subtree and a year, with its options and the factor
/// library it used; `version` counts runs of the same unit and year; `stale` is set when data or
/// factors change after the run. Lines keep each record's result; what many lines share — item,
/// category, scope, gas and the lineage (the factors and notes, as JSON) — is kept once in
/// `inventory_lineages`, since a province's million lines use a few hundred distinct ones. A line's
/// `id` is its inventory's id × 2³² + its line number, so an inventory's lines are one range of the
/// primary key and a million-line write maintains no second index. Every factor used is copied with
/// its citation into `inventory_factors`, so an inventory keeps its sources even when a factor set is
/// later removed. `inventory_summaries` holds the roll-up of every unit (and, for a whole tree, every
/// region) of the inventory, computed once.
enum Migration0005CreateInventories {
    static let migration = Migration(version: 5, name: "CreateInventories") { d in
        [
            """
            CREATE TABLE inventories (
                id \(d.identityPrimaryKey),
                root_id \(d.bigint) NOT NULL,
                unit_id \(d.bigint) NOT NULL REFERENCES units(id),
                year INTEGER NOT NULL,
                version INTEGER NOT NULL,
                gwp TEXT NOT NULL,
                scope2 TEXT NOT NULL,
                fuel_parameters TEXT NOT NULL,
                factor_library TEXT NOT NULL,
                factor_set_ids TEXT NOT NULL,
                stale INTEGER NOT NULL,
                record_count INTEGER NOT NULL,
                scope1_t \(d.double) NOT NULL,
                scope2_location_t \(d.double) NOT NULL,
                scope2_market_t \(d.double) NOT NULL,
                tce_calorific \(d.double) NOT NULL,
                tce_equivalent \(d.double) NOT NULL,
                computed_at TEXT NOT NULL,
                UNIQUE (unit_id, year, version)
            )
            """,
            """
            CREATE TABLE inventory_lines (
                id \(d.bigint) PRIMARY KEY,
                inventory_id \(d.bigint) NOT NULL REFERENCES inventories(id),
                root_id \(d.bigint) NOT NULL,
                record_id \(d.bigint) NOT NULL,
                unit_id \(d.bigint) NOT NULL,
                month INTEGER,
                lineage_id INTEGER NOT NULL,
                co2e_location_t \(d.double) NOT NULL,
                co2e_market_t \(d.double) NOT NULL,
                tce_calorific \(d.double) NOT NULL,
                tce_equivalent \(d.double) NOT NULL
            )
            """,
            """
            CREATE TABLE inventory_lineages (
                inventory_id \(d.bigint) NOT NULL REFERENCES inventories(id),
                lineage_id INTEGER NOT NULL,
                item TEXT NOT NULL,
                category TEXT NOT NULL,
                scope TEXT NOT NULL,
                gas TEXT NOT NULL,
                lineage TEXT NOT NULL,
                PRIMARY KEY (inventory_id, lineage_id)
            )
            """,
            """
            CREATE TABLE inventory_factors (
                inventory_id \(d.bigint) NOT NULL REFERENCES inventories(id),
                factor_id TEXT NOT NULL,
                factor_set TEXT NOT NULL,
                kind TEXT NOT NULL,
                item TEXT NOT NULL,
                region TEXT NOT NULL,
                variant TEXT NOT NULL,
                year INTEGER,
                value \(d.double) NOT NULL,
                unit TEXT NOT NULL,
                grade TEXT NOT NULL,
                source TEXT NOT NULL,
                document TEXT NOT NULL,
                published TEXT NOT NULL,
                url TEXT NOT NULL,
                PRIMARY KEY (inventory_id, factor_set, factor_id)
            )
            """,
            """
            CREATE TABLE inventory_summaries (
                inventory_id \(d.bigint) NOT NULL REFERENCES inventories(id),
                subject TEXT NOT NULL,
                payload TEXT NOT NULL,
                PRIMARY KEY (inventory_id, subject)
            )
            """,
            "CREATE INDEX inventories_unit_year ON inventories (unit_id, year)",
        ]
    }
}

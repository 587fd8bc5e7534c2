/// Economic data in 万元 at current prices, with the price index (base year = 100) that brings
/// them to constant prices of `base_year`.
enum Migration0003CreateEconomicRecords {
    static let migration = Migration(version: 3, name: "CreateEconomicRecords") { d in
        [
            """
            CREATE TABLE economic_records (
                id \(d.identityPrimaryKey),
                root_id \(d.bigint) NOT NULL,
                unit_id \(d.bigint) NOT NULL REFERENCES units(id),
                year INTEGER NOT NULL,
                month INTEGER,
                output_value \(d.double),
                value_added \(d.double),
                revenue \(d.double),
                price_index \(d.double) NOT NULL,
                base_year INTEGER NOT NULL,
                created_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX economic_root_unit_year ON economic_records (root_id, unit_id, year)",
        ]
    }
}

/// User factor sets, kept as the CSV text they were uploaded as (the bundled set ships with the program).
enum Migration0004CreateFactorSets {
    static let migration = Migration(version: 4, name: "CreateFactorSets") { d in
        [
            """
            CREATE TABLE factor_sets (
                id \(d.identityPrimaryKey),
                name TEXT NOT NULL UNIQUE,
                fingerprint TEXT NOT NULL,
                csv TEXT NOT NULL,
                entry_count INTEGER NOT NULL,
                created_at TEXT NOT NULL
            )
            """
        ]
    }
}

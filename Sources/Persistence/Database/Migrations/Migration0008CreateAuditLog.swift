/// The audit trail: one row per change, appended and never updated. Each row carries the hash of
/// the one before it, so altering or removing a row breaks the chain from there on
/// (`peakzero audit verify`). `unit_id` has no foreign key: the log outlives the units it names.
enum Migration0008CreateAuditLog {
    static let migration = Migration(version: 8, name: "CreateAuditLog") { d in
        [
            """
            CREATE TABLE audit_log (
                id \(d.neverReusedPrimaryKey),
                at TEXT NOT NULL,
                actor_id \(d.bigint),
                actor TEXT NOT NULL,
                address TEXT,
                action TEXT NOT NULL,
                subject_kind TEXT NOT NULL,
                subject_id TEXT,
                unit_id \(d.bigint),
                year INTEGER,
                month INTEGER,
                before_state TEXT,
                after_state TEXT,
                previous_hash TEXT NOT NULL,
                hash TEXT NOT NULL
            )
            """,
            "CREATE INDEX audit_log_by_unit ON audit_log (unit_id, id)",
            "CREATE INDEX audit_log_by_actor ON audit_log (actor, id)",
        ]
    }
}

/// Product models for carbon footprints (产品碳足迹): each belongs to a unit (the plant that makes the
/// product) and is kept as its JSON form — the model is the author's, every figure is computed when
/// it is read.
enum Migration0022CreateFootprintModels {
    static let migration = Migration(version: 22, name: "CreateFootprintModels") { d in
        [
            """
            CREATE TABLE footprint_models (
                id \(d.neverReusedPrimaryKey),
                unit_id \(d.bigint) NOT NULL,
                root_id \(d.bigint) NOT NULL,
                name TEXT NOT NULL,
                model TEXT NOT NULL,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX footprint_models_by_unit ON footprint_models (root_id, unit_id)",
        ]
    }
}

/// Units and economic records imported from a file point to the batch they came in, as activity
/// records do, so each row's provenance (file, hash, template version, who, when) can be shown.
/// Rows created one by one through the API have no batch.
enum Migration0006AddBatchesToUnitsAndEconomic {
    static let migration = Migration(version: 6, name: "AddBatchesToUnitsAndEconomic") { d in
        [
            "ALTER TABLE units ADD COLUMN batch_id \(d.bigint) REFERENCES record_batches(id)",
            "ALTER TABLE economic_records ADD COLUMN batch_id \(d.bigint) REFERENCES record_batches(id)",
        ]
    }
}

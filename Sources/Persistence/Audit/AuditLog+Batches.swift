import SQLKit

/// The audit entries of data writes. A record entered by hand or through the API gets an entry of
/// its own with its values; a file, the demo or any other batch gets one entry naming the batch
/// (its file, content hash and row count) — its records carry the batch's id, so each is traced
/// to it — rather than a million entries that would repeat the file.
extension AuditLog {
    /// The one entry of a batch: the unit is the lowest one above every unit it touched (so the
    /// entry is seen by whoever sees all of them), the period is named when there is only one.
    static func batchChange(
        _ action: AuditAction, batchID: Int64, provenance: RecordBatch, rows: Int, superseded: Int,
        unitPaths: some Sequence<String>, periods: some Sequence<(year: Int, month: Int?)>
    ) -> AuditChange {
        let years = Set(periods.map(\.year))
        let months = Set(periods.map(\.month))
        let year = years.count == 1 ? years.first : nil
        let month = year != nil && months.count == 1 ? months.first ?? nil : nil
        return AuditChange(
            action, subjectKind: "record_batch", subjectID: batchID, unitID: commonUnit(of: unitPaths), year: year,
            month: month,
            after: AuditState([
                "kind": .text(provenance.kind), "file_name": .init(provenance.fileName),
                "content_hash": .init(provenance.contentHash), "template_version": .init(provenance.templateVersion),
                "rows": .int(Int64(rows)), "superseded": .int(Int64(superseded)),
            ]))
    }

    /// The deepest unit whose subtree holds every path given (`/1/5/9/` names units 1, 5 and 9).
    static func commonUnit(of paths: some Sequence<String>) -> Int64? {
        var common: [Substring]?
        for path in paths {
            let ids = path.split(separator: "/")
            guard let shared = common else {
                common = ids
                continue
            }
            common = Array(zip(shared, ids).prefix { $0 == $1 }.map(\.0))
        }
        return common?.last.flatMap { Int64($0) }
    }

    /// Whether a batch's records get an entry each (entered one by one) or one for the batch.
    static func auditsEachRecord(_ provenance: RecordBatch) -> Bool {
        provenance.kind == "api" || provenance.kind == "form"
    }
}

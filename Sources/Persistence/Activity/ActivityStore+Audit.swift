import Accounting
extension ActivityStore {
    /// The audit entries of a written batch: one per record for records entered one by one, else
    /// one for the batch.
    static func auditChanges(
        _ rows: [BulkRow], ids: [Int64], batchID: Int64, provenance: RecordBatch, superseded: Int,
        unitPaths: some Sequence<String>
    ) -> [AuditChange] {
        guard AuditLog.auditsEachRecord(provenance) else {
            var periods: Set<PeriodKey> = []
            var last: Period?
            for i in rows.indices where rows[i].record.period != last {
                last = rows[i].record.period
                periods.insert(PeriodKey(year: rows[i].record.period.year, month: rows[i].record.period.month))
            }
            return [
                AuditLog.batchChange(
                    .activityImported, batchID: batchID, provenance: provenance, rows: rows.count,
                    superseded: superseded, unitPaths: unitPaths, periods: periods.map { ($0.year, $0.month) })
            ]
        }
        return zip(rows, ids).map { row, id in
            AuditChange(
                .activityAdded, subjectKind: "activity_record", subjectID: id, unitID: row.unitID,
                year: row.record.period.year, month: row.record.period.month,
                after: state(of: row, id: id, batchID: batchID))
        }
    }

    /// A record's stored columns as the audit trail keeps them.
    static func state(of row: BulkRow, id: Int64, batchID: Int64) -> AuditState {
        var fields = Dictionary(
            uniqueKeysWithValues: zip(columns, values(row, batchID: batchID).map(\.auditValue)))
        fields["id"] = .int(id)
        return AuditState(fields)
    }

    /// The unit and month of each row, for the check of locked periods.
    static func lockKeys(_ rows: [BulkRow]) -> Set<PeriodLocks.Key> {
        Set(rows.map { PeriodLocks.Key(unitID: $0.unitID, year: $0.record.period.year, month: $0.record.period.month) })
    }

    struct PeriodKey: Hashable {
        let year: Int
        let month: Int?
    }
}

extension BulkValue {
    var auditValue: AuditState.Value {
        switch self {
        case .int(let v): .int(v)
        case .double(let v): .double(v)
        case .text(let v): .text(v)
        case .null: .null
        }
    }
}

import Accounting
import Foundation

/// An import of activity records fed one row at a time, written on one bulk SQLite connection in
/// one transaction — for files too large to hold in memory. Stored rows are looked up unit by unit
/// as the file reaches them. Used only inside `ActivityStore.stream`, on that connection's thread.
public final class ActivityStream {
    let raw: SQLiteRaw
    let batchID: Int64
    let provenance: RecordBatch
    private let units: [String: UnitLookup.Entry]
    private let rootByUnit: [Int64: Int64]
    private var buffer: [ActivityStore.BulkRow] = []
    private var history = ActivityStore.StoredHistory()
    private var loaded = Set<Int64>()
    private var pathByUnit: [Int64: String] = [:]
    private var periods = Set<ActivityStore.PeriodKey>()
    private let historyQuery: SQLiteRaw.Statement
    /// Rows written so far.
    public private(set) var written = 0

    /// - Parameter scope: the units the import may write to; the others are not looked up, so
    ///   their rows read as rows for unknown units.
    init(raw: SQLiteRaw, batchID: Int64, provenance: RecordBatch, scope: AccessScope) throws {
        self.raw = raw
        self.batchID = batchID
        self.provenance = provenance
        var units: [String: UnitLookup.Entry] = [:]
        let query = try raw.prepare("SELECT id, root_id, code, region_code, path, root_equity FROM units")
        while try query.step() {
            let entry = UnitLookup.Entry(
                id: query.int64(0), rootID: query.int64(1), code: query.text(2), regionCode: query.text(3),
                path: query.text(4), rootEquity: query.double(5))
            if scope.contains(rootID: entry.rootID, path: entry.path, regionCode: entry.regionCode) {
                units[entry.code] = entry
            }
        }
        self.units = units
        rootByUnit = Dictionary(units.values.map { ($0.id, $0.rootID) }, uniquingKeysWith: { first, _ in first })
        historyQuery = try raw.prepare(
            "SELECT id, year, month, item, category, quantity, uom FROM activity_records WHERE root_id = ? AND unit_id = ?"
        )
    }

    /// A stored unit's id and region code.
    public func unit(code: String) -> (id: Int64, regionCode: String)? {
        units[code].map { ($0.id, $0.regionCode) }
    }

    /// The stored record with this key, if any (the unit's stored rows are read the first time it is asked for).
    public func storedID(_ key: ActivityStore.RecordKey) throws -> Int64? {
        try load(key.unitID)
        return history.ids[key]
    }

    /// A unit's stored monthly quantities of an item (`StoredHistory.key`) in base units; the unit must have been looked up.
    public func storedMonthly(_ key: Int64) -> [Double] { history.monthly[key] ?? [] }

    private func load(_ unitID: Int64) throws {
        guard loaded.insert(unitID).inserted else { return }
        guard let rootID = rootByUnit[unitID] else { return }
        historyQuery.rewind()
        // By root and unit, so SQLite finds the rows through its (root, unit, year) index.
        historyQuery.bind(1, rootID)
        historyQuery.bind(2, unitID)
        while try historyQuery.step() {
            history.add(
                id: historyQuery.int64(0), unitID: unitID, year: Int(historyQuery.int64(1)),
                month: historyQuery.optionalInt(2), item: historyQuery.text(3), category: historyQuery.text(4),
                quantity: historyQuery.double(5), uom: historyQuery.text(6))
        }
    }

    /// Adds a checked record to the write (in batches of 4,096 rows).
    public func append(_ record: ActivityRecord) throws {
        guard let unit = units[record.unitCode] else {
            throw StoreError.conflict("unit \(record.unitCode) is not stored")
        }
        buffer.append(
            ActivityStore.BulkRow(record: record, unitID: unit.id, rootID: unit.rootID, path: unit.path, source: nil))
        pathByUnit[unit.id] = unit.path
        periods.insert(ActivityStore.PeriodKey(year: record.period.year, month: record.period.month))
        if buffer.count >= 4096 { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        let rows = buffer
        let batchID = batchID
        try BulkInsert.run(table: "activity_records", columns: ActivityStore.columns, count: rows.count, in: raw) {
            statement, index, p in
            ActivityStore.bind(rows[index], batchID: batchID, to: statement, from: p)
        }
        written += rows.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// The earlier batch of a file with this content, if any.
    func batch(contentHash: String) throws -> (id: Int64, createdAt: String)? {
        let query = try raw.prepare(
            "SELECT id, created_at FROM record_batches WHERE content_hash = ? AND id <> ? LIMIT 1")
        query.bind(1, contentHash)
        query.bind(2, batchID)
        guard try query.step() else { return nil }
        return (query.int64(0), query.text(1))
    }

    func finish(superseding: [Int64], contentHash: String?) throws {
        try flush()
        // The rows are written: the batch's units and months are read back only if one is locked.
        try PeriodLocks.check(
            units: pathByUnit.keys,
            keys: {
                let query = try raw.prepare(
                    "SELECT DISTINCT unit_id, year, month FROM activity_records WHERE batch_id = \(batchID)")
                var keys = Set<PeriodLocks.Key>()
                while try query.step() {
                    keys.insert(.init(unitID: query.int64(0), year: Int(query.int64(1)), month: query.optionalInt(2)))
                }
                return keys
            }, in: raw)
        for chunk in superseding.chunked(by: 10_000) {
            // Integers only, so the list is safe to inline.
            try raw.exec("DELETE FROM activity_records WHERE id IN (\(chunk.map(String.init).joined(separator: ",")))")
        }
        let update = try raw.prepare("UPDATE record_batches SET row_count = ?, content_hash = ? WHERE id = ?")
        update.bind(1, written)
        update.bind(2, contentHash)
        update.bind(3, batchID)
        try update.step()
        try InventoryStaleness.mark(paths: pathByUnit.values, years: Set(periods.map(\.year)), in: raw)
        var provenance = provenance
        provenance.contentHash = contentHash
        try AuditLog.append(
            [
                AuditLog.batchChange(
                    .activityImported, batchID: batchID, provenance: provenance, rows: written,
                    superseded: superseding.count, unitPaths: pathByUnit.values,
                    periods: periods.map { ($0.year, $0.month) })
            ], in: raw)
    }
}

extension ActivityStore {
    /// Whether imports can be streamed: on SQLite (PostgreSQL imports read the file whole).
    public var streams: Bool { database.rawSQLitePath != nil }

    /// What a streamed import decided at its end.
    public struct StreamOutcome<T: Sendable>: Sendable {
        public var commit: Bool
        public var contentHash: String?
        public var superseding: [Int64]
        public var result: T

        public init(commit: Bool, contentHash: String?, superseding: [Int64], result: T) {
            self.commit = commit
            self.contentHash = contentHash
            self.superseding = superseding
            self.result = result
        }
    }

    /// Runs `body` with a stream on a bulk SQLite connection in one transaction, committed when the
    /// outcome says so and when no earlier batch has the same content; otherwise rolled back.
    /// Returns the outcome's result and, when an identical file was imported before, that batch.
    public func stream<T: Sendable>(
        provenance: RecordBatch, scope: AccessScope = .everything,
        _ body: @escaping @Sendable (ActivityStream) throws -> StreamOutcome<T>
    ) async throws -> (result: T, written: Int, batch: Int64?, earlier: (id: Int64, createdAt: String)?) {
        let header = provenance.row(count: 0)
        return try await database.withRawSQLite { raw in
            // A smaller cache than a bulk load's: a streamed import is for files too large to hold, and
            // pages it no longer needs may go to the WAL before the commit.
            try raw.exec("PRAGMA cache_size = -65536")
            return try raw.withoutForeignKeyChecks {
                try raw.exec("BEGIN IMMEDIATE")
                do {
                    try BulkInsert.run(table: "record_batches", columns: RecordBatch.columns, rows: [header], in: raw)
                    let stream = try ActivityStream(
                        raw: raw, batchID: raw.lastInsertedID, provenance: provenance, scope: scope)
                    let outcome = try body(stream)
                    if let hash = outcome.contentHash, let earlier = try stream.batch(contentHash: hash) {
                        try raw.exec("ROLLBACK")
                        return (outcome.result, 0, nil, earlier)
                    }
                    guard outcome.commit else {
                        try raw.exec("ROLLBACK")
                        return (outcome.result, 0, nil, nil)
                    }
                    try stream.finish(superseding: outcome.superseding, contentHash: outcome.contentHash)
                    try raw.exec("COMMIT")
                    return (outcome.result, stream.written, stream.batchID, nil)
                } catch {
                    try? raw.exec("ROLLBACK")
                    throw error
                }
            }
        }
    }
}

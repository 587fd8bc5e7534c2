import Accounting
import Foundation

/// An import of activity records fed a block of rows at a time, written on one bulk SQLite
/// connection in one transaction — for files too large to hold in memory. Stored rows are looked
/// up unit by unit as the file reaches them. Used only inside `ActivityStore.stream`, on that
/// connection's thread; the `directory` of units may go to another thread.
public final class ActivityStream {
    let raw: SQLiteRaw
    let batchID: Int64
    let provenance: RecordBatch
    /// The units the import may write to, by code.
    public let directory: UnitDirectory
    private let rootByUnit: [Int64: Int64]
    private let locks: LockedPeriods
    private var history = ActivityStore.StoredHistory()
    private var loaded: [Int64: Bool] = [:]
    private var shapes: [BoundShape] = []
    private var unitsWritten = Set<Int64>()
    private var periods = Set<ActivityStore.PeriodKey>()
    private var spans = ActivitySpans.Builder()
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
        directory = UnitDirectory(units: units)
        locks = try PeriodLocks.locked(units: units.values.map(\.id), in: raw)
        rootByUnit = Dictionary(units.values.map { ($0.id, $0.rootID) }, uniquingKeysWith: { first, _ in first })
        historyQuery = try raw.prepare(
            "SELECT a.id, a.year, a.month, a.item, a.category, a.quantity, a.uom FROM \(ActivitySpans.recordsOfSpans) WHERE s.root_id = ? AND s.unit_id = ?"
        )
    }

    /// Units by code: what an import's reader needs to know of them.
    public struct UnitDirectory: Sendable {
        fileprivate let units: [String: UnitLookup.Entry]
        fileprivate var paths: [Int64: String] { Dictionary(units.values.map { ($0.id, $0.path) }) { a, _ in a } }

        public struct Unit: Sendable {
            public let id: Int64
            public let rootID: Int64
            public let regionCode: String
        }

        /// A unit the import may write to, by its code.
        public func unit(code: String) -> Unit? {
            units[code].map { Unit(id: $0.id, rootID: $0.rootID, regionCode: $0.regionCode) }
        }
    }

    /// What rows of an import share: their item, category, unit of measure and measured parameters.
    /// A province's million rows have a few hundred shapes; each row names its shape by number.
    public struct Shape: Hashable, Sendable {
        public let item: String
        public let category: String
        public let uom: String
        public let ncv: Double?
        public let carbonContent: Double?
        public let oxidationRate: Double?

        public init(
            item: String, category: String, uom: String, ncv: Double?, carbonContent: Double?, oxidationRate: Double?
        ) {
            self.item = item
            self.category = category
            self.uom = uom
            self.ncv = ncv
            self.carbonContent = carbonContent
            self.oxidationRate = oxidationRate
        }
    }

    /// One checked record to write: its unit, period, shape (by the order shapes were registered)
    /// and quantity in the shape's unit of measure.
    public struct Row: Sendable {
        public var unitID: Int64
        public var rootID: Int64
        public var year: Int32
        /// 1–12, or 0 for a whole-year record.
        public var month: Int32
        public var shape: Int32
        public var quantity: Double

        public init(unitID: Int64, rootID: Int64, year: Int32, month: Int32, shape: Int32, quantity: Double) {
            self.unitID = unitID
            self.rootID = rootID
            self.year = year
            self.month = month
            self.shape = shape
            self.quantity = quantity
        }
    }

    /// A shape with its texts kept as C strings for the life of the stream, so SQLite reads them
    /// in place for every row instead of copying them.
    private final class BoundShape {
        let shape: Shape
        let texts: PlainActivityRows.Texts
        let hasMeasured: Bool

        init(_ shape: Shape) {
            self.shape = shape
            hasMeasured = shape.ncv != nil || shape.carbonContent != nil || shape.oxidationRate != nil
            texts = PlainActivityRows.Texts(item: shape.item, category: shape.category, uom: shape.uom)
        }
    }

    /// Adds shapes; the first added is shape 0, and so on.
    public func register(_ new: [Shape]) {
        shapes += new.map(BoundShape.init)
    }

    /// A registered shape.
    public func shape(_ index: Int32) -> Shape { shapes[Int(index)].shape }

    /// The stored record with this key, if any.
    public func storedID(_ key: ActivityStore.RecordKey) throws -> Int64? {
        guard try hasStoredRecords(unitID: key.unitID) else { return nil }
        return history.ids[key]
    }

    /// Whether the unit has stored records (read, with their quantities, the first time it is asked).
    public func hasStoredRecords(unitID: Int64) throws -> Bool {
        if let known = loaded[unitID] { return known }
        var found = false
        if let rootID = rootByUnit[unitID] {
            historyQuery.rewind()
            // By root and unit, so SQLite finds the unit's spans by their key.
            historyQuery.bind(1, rootID)
            historyQuery.bind(2, unitID)
            while try historyQuery.step() {
                found = true
                history.add(
                    id: historyQuery.int64(0), unitID: unitID, year: Int(historyQuery.int64(1)),
                    month: historyQuery.optionalInt(2), item: historyQuery.text(3), category: historyQuery.text(4),
                    quantity: historyQuery.double(5), uom: historyQuery.text(6))
            }
        }
        loaded[unitID] = found
        return found
    }

    /// Why a record of this unit and period may not be written (its period is submitted or approved), if so.
    public func lockProblem(unitID: Int64, year: Int, month: Int?) -> Problem? {
        locks.isEmpty ? nil : locks.problem(unitID: unitID, year: year, month: month)
    }

    /// A unit's stored monthly quantities of an item (`StoredHistory.key`) in base units; the unit
    /// must have been looked up.
    public func storedMonthly(_ key: Int64) -> [Double] { history.monthly[key] ?? [] }

    /// Writes checked rows (multi-row statements; shapes' texts bound in place).
    public func append(_ rows: [Row]) throws {
        guard !rows.isEmpty else { return }
        let batchID = batchID
        let shapes = shapes
        // Most files carry no measured parameters: their rows leave those columns (and the source)
        // to default to NULL rather than binding four NULLs each.
        let measured = rows.contains { shapes[Int($0.shape)].hasMeasured }
        let columns = measured ? ActivityStore.columns : PlainActivityRows.columns
        try BulkInsert.run(table: "activity_records", columns: columns, count: rows.count, in: raw) {
            statement, index, p in
            let row = rows[index]
            let shape = shapes[Int(row.shape)]
            // The plain row's nine columns; a measured row inserts its three parameters and an empty
            // source before the batch, as `ActivityStore.columns` orders them.
            PlainActivityRows.bind(
                statement, from: p, rootID: row.rootID, unitID: row.unitID, year: Int64(row.year),
                month: Int64(row.month), texts: shape.texts, quantity: row.quantity, batchID: batchID)
            if measured {
                statement.bind(p + 8, shape.shape.ncv)
                statement.bind(p + 9, shape.shape.carbonContent)
                statement.bind(p + 10, shape.shape.oxidationRate)
                statement.bind(p + 11, String?.none)
                statement.bind(p + 12, batchID)
            }
        }
        // One transaction holds the write lock: the rows' ids follow on from the last written.
        let firstID = raw.lastInsertedID - Int64(rows.count) + 1
        var lastUnit: Int64 = -1
        var lastPeriod = (year: Int32(0), month: Int32(-1))
        for (offset, row) in rows.enumerated() {
            spans.add(id: firstID + Int64(offset), rootID: row.rootID, unitID: row.unitID, year: Int64(row.year))
            if row.unitID != lastUnit {
                unitsWritten.insert(row.unitID)
                lastUnit = row.unitID
            }
            if (row.year, row.month) != lastPeriod {
                periods.insert(.init(year: Int(row.year), month: row.month == 0 ? nil : Int(row.month)))
                lastPeriod = (row.year, row.month)
            }
        }
        try ActivitySpans.write(spans.takeClosed(), in: raw)
        written += rows.count
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
        let paths = directory.paths
        let unitPaths = unitsWritten.compactMap { paths[$0] }
        // The rows are written: the batch's units and months are read back only if one is locked.
        try PeriodLocks.check(
            units: unitsWritten,
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
        try ActivitySpans.write(spans.spans, in: raw)
        if !superseding.isEmpty { try ActivitySpans.tidyAfterDeleting(units: unitsWritten, in: raw) }
        let update = try raw.prepare("UPDATE record_batches SET row_count = ?, content_hash = ? WHERE id = ?")
        update.bind(1, written)
        update.bind(2, contentHash)
        update.bind(3, batchID)
        try update.step()
        try InventoryStaleness.mark(paths: unitPaths, years: Set(periods.map(\.year)), in: raw)
        var provenance = provenance
        provenance.contentHash = contentHash
        try AuditLog.append(
            [
                AuditLog.batchChange(
                    .activityImported, batchID: batchID, provenance: provenance, rows: written,
                    superseded: superseding.count, unitPaths: unitPaths,
                    periods: periods.map { ($0.year, $0.month) })
            ], in: raw)
    }
}

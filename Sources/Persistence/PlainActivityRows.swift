import Accounting

/// Activity rows without measured parameters or a source — nearly every row of a file or a
/// province — written with nine columns and their texts bound in place: each distinct item,
/// category and unit of measure is kept once as C strings, so SQLite copies no text per row.
enum PlainActivityRows {
    static let columns = [
        "root_id", "unit_id", "year", "month", "item", "category", "quantity", "uom", "batch_id",
    ]

    /// A row's item, category and unit of measure as C strings.
    final class Texts {
        let item: SQLiteRaw.StaticText
        let category: SQLiteRaw.StaticText
        let uom: SQLiteRaw.StaticText

        init(item: String, category: String, uom: String) {
            self.item = SQLiteRaw.StaticText(item)
            self.category = SQLiteRaw.StaticText(category)
            self.uom = SQLiteRaw.StaticText(uom)
        }
    }

    /// Binds one row from parameter `p` on; `month` 0 is a whole-year record.
    static func bind(
        _ statement: SQLiteRaw.Statement, from p: Int32, rootID: Int64, unitID: Int64, year: Int64, month: Int64,
        texts: Texts, quantity: Double, batchID: Int64
    ) {
        statement.bind(p, rootID)
        statement.bind(p + 1, unitID)
        statement.bind(p + 2, year)
        statement.bind(p + 3, month == 0 ? nil : month)
        statement.bind(p + 4, texts.item)
        statement.bind(p + 5, texts.category)
        statement.bind(p + 6, quantity)
        statement.bind(p + 7, texts.uom)
        statement.bind(p + 8, batchID)
    }

    /// Numbers the distinct texts of validated records. A batch has a few dozen: the first 64 are
    /// compared in turn (catalogue strings compare in a step or two, less than hashing three strings
    /// per row); any beyond are found by hashing.
    struct Table {
        private(set) var texts: [Texts] = []
        private var first: [(item: String, category: String, uom: String)] = []
        private var more: [String: Int32] = [:]

        mutating func index(item: String, category: String, uom: String) -> Int32 {
            for (i, entry) in first.enumerated()
            where entry.item == item && entry.category == category && entry.uom == uom {
                return Int32(i)
            }
            let key = item + "\u{1}" + category + "\u{1}" + uom
            if first.count == 64, let known = more[key] { return known }
            let index = Int32(texts.count)
            texts.append(Texts(item: item, category: category, uom: uom))
            if first.count < 64 { first.append((item, category, uom)) } else { more[key] = index }
            return index
        }
    }

    /// Whether a validated row can be written as a plain row.
    static func isPlain(_ row: ActivityStore.BulkRow) -> Bool {
        row.source == nil && row.record.measured == MeasuredParameters()
    }

    /// Writes validated plain rows (multi-row statements, one transaction held by the caller).
    static func write(_ rows: [ActivityStore.BulkRow], batchID: Int64, in raw: SQLiteRaw) throws {
        var table = Table()
        var textIndex = [Int32](repeating: 0, count: rows.count)
        // Fields read in place (`rows[i].…`): a row copied whole would retain its every string.
        for i in rows.indices {
            textIndex[i] = table.index(
                item: rows[i].record.item.code, category: rows[i].record.category.rawValue,
                uom: rows[i].record.quantity.unitSymbol)
        }
        let texts = table.texts
        try BulkInsert.run(table: "activity_records", columns: columns, count: rows.count, in: raw) {
            statement, i, p in
            bind(
                statement, from: p, rootID: rows[i].rootID, unitID: rows[i].unitID,
                year: Int64(rows[i].record.period.year), month: Int64(rows[i].record.period.month ?? 0),
                texts: texts[Int(textIndex[i])], quantity: rows[i].record.quantity.value, batchID: batchID)
        }
    }
}

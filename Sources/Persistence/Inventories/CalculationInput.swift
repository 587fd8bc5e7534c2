import Accounting
import FastStructures
import Foundation
import SQLKit

/// The records of a subtree and year as a recalculation reads them: one entry per record in
/// parallel arrays (a province has millions), and each distinct `LineKey` once, as a record the
/// calculator can take. No `ActivityRecord` is made per row: only the first row of each key.
struct CalculationInput {
    struct Unit {
        let id: Int64
        let parentID: Int64?
        let code: String
        let regionCode: String
        let region: RegionCode?
        /// The index of the unit's region among the subtree's regions (part of a row's key).
        let regionIndex: Int32
    }

    let year: Int
    let units: [Unit]
    private let unitIndex: [Int64: Int32]

    private(set) var recordIDs: [Int64] = []
    private(set) var unitIndexes: [Int32] = []
    /// 1…12, or 0 for a whole-year record.
    private(set) var months: [Int8] = []
    private(set) var quantities: [Double] = []
    private(set) var keyIndexes: [Int32] = []
    /// The first record read of each key; its `sourceRow` is its record id.
    private(set) var keys: [ActivityRecord] = []

    private var texts = TextTable()
    private var keyIndexByRow: [RowKey: Int32] = [:]
    /// The same for rows without measured parameters (nearly all), packed into one integer.
    private var keyIndexByPacked = IntegerTable()
    private var lastUnit: (id: Int64, index: Int32, region: Int32, approved: UInt16) = (-1, -1, -1, 0)
    /// Per unit, its approved months of the year (bit m for month m).
    private var approvedMonths: [UInt16]
    /// Records outside approved periods (a whole-year record counts as December's).
    private(set) var unapprovedRecords = 0
    /// Green certificates retired against each unit's electricity (by unit index), still to place.
    private var claims: [Int32: [CertificateClaim]] = [:]
    /// Each purchased-electricity key's twin that certificates of a lot turned green.
    private var greenKeys: [GreenKey: Int32] = [:]
    /// The certificate lot of each green twin, by key index.
    private(set) var certificateLots: [Int32: String] = [:]

    private struct GreenKey: Hashable {
        let base: Int32
        let lot: String
    }

    /// A row's key as read: texts by their index in `texts`, region by the unit's.
    private struct RowKey: Hashable {
        let item: Int32
        let category: Int32
        let uom: Int32
        let region: Int32
        let ncv: Double?
        let carbonContent: Double?
        let oxidationRate: Double?
    }

    /// - Parameter units: the subtree, its anchor first.
    init(year: Int, units: [ReportingUnit], anchorID: Int64) {
        self.year = year
        var regionIndexes: [String: Int32] = [:]
        self.units = units.map { unit in
            let index = regionIndexes[unit.regionCode] ?? Int32(regionIndexes.count)
            regionIndexes[unit.regionCode] = index
            return Unit(
                id: unit.id, parentID: unit.id == anchorID ? nil : unit.parentID, code: unit.code,
                regionCode: unit.regionCode, region: RegionCode(unit.regionCode), regionIndex: index)
        }
        unitIndex = Dictionary(uniqueKeysWithValues: self.units.enumerated().map { ($0.element.id, Int32($0.offset)) })
        approvedMonths = Array(repeating: 0, count: units.count)
    }

    /// Marks a unit's months as approved (read before the records).
    mutating func approve(unitID: Int64, months: ClosedRange<Int>) {
        guard let u = unitIndex[unitID] else { return }
        for month in months where (1...12).contains(month) { approvedMonths[Int(u)] |= 1 << month }
    }

    /// Green certificates retired against the units' electricity, placed on the purchased
    /// electricity rows of their period as the rows are read (set before reading).
    mutating func claim(_ certificates: [CertificateClaim]) {
        for claim in certificates {
            guard let u = unitIndex[claim.unitID] else { continue }
            claims[u, default: []].append(claim)
        }
    }

    var count: Int { recordIDs.count }

    func unitID(ofRow row: Int) -> Int64 { units[Int(unitIndexes[row])].id }

    /// Adds one record; `item`, `category` and `uom` are indexes from `textIndex`.
    mutating func add(
        id: Int64, unitID: Int64, month: Int?, quantity: Double, item: Int32, category: Int32, uom: Int32,
        ncv: Double?, carbonContent: Double?, oxidationRate: Double?
    ) throws {
        // Rows arrive unit by unit, so the last unit is nearly always the one.
        if unitID != lastUnit.id {
            guard let found = unitIndex[unitID] else { return }  // not in the subtree
            lastUnit = (unitID, found, units[Int(found)].regionIndex, approvedMonths[Int(found)])
        }
        let (u, region) = (lastUnit.index, lastUnit.region)
        if lastUnit.approved & 1 << (month ?? 12) == 0 { unapprovedRecords += 1 }
        let packs =
            ncv == nil && carbonContent == nil && oxidationRate == nil && item < 1 << 19 && category < 1 << 12
            && uom < 1 << 12 && region < 1 << 20
        let packed: Int64? =
            packs
            ? Int64(item) << 44 | Int64(category) << 32 | Int64(uom) << 20 | Int64(region) : nil
        let rowKey =
            packed == nil
            ? RowKey(
                item: item, category: category, uom: uom, region: region, ncv: ncv, carbonContent: carbonContent,
                oxidationRate: oxidationRate) : nil
        let key: Int32
        if let packed, let known = keyIndexByPacked[packed] {
            key = known
        } else if let rowKey, let known = keyIndexByRow[rowKey] {
            key = known
        } else {
            key = Int32(keys.count)
            keys.append(
                try record(
                    id: id, unit: units[Int(u)], month: month, item: texts.string(item),
                    category: texts.string(category), uom: texts.string(uom), ncv: ncv, carbonContent: carbonContent,
                    oxidationRate: oxidationRate))
            if let packed { _ = keyIndexByPacked.insertIfAbsent(packed, key) }
            if let rowKey { keyIndexByRow[rowKey] = key }
        }
        var quantity = quantity
        if !claims.isEmpty, claims[u] != nil {
            quantity = placeCertificates(id: id, unit: u, month: month, quantity: quantity, key: key)
        }
        append(id: id, unit: u, month: month, quantity: quantity, key: key)
    }

    private mutating func append(id: Int64, unit: Int32, month: Int?, quantity: Double, key: Int32) {
        recordIDs.append(id)
        unitIndexes.append(unit)
        months.append(Int8(month ?? 0))
        quantities.append(quantity)
        keyIndexes.append(key)
    }

    /// Moves as much of a purchased-electricity row as the unit's certificates for its period cover
    /// onto rows of green twins of its key (one per certificate lot), in the order rows are read;
    /// what is left of the row.
    private mutating func placeCertificates(id: Int64, unit u: Int32, month: Int?, quantity: Double, key: Int32)
        -> Double
    {
        let base = keys[Int(key)]
        guard base.item.code == "electricity", base.category == .purchasedElectricity,
            case .energy(let perUnit) = base.quantity
        else { return quantity }
        let mwhPerUnit = perUnit.value(in: .megawattHour)
        var left = quantity
        for index in claims[u]!.indices where left > 0 {
            let claim = claims[u]![index]
            // A year's certificates cover any month of it; a month's cover that month or a whole-year record.
            guard claim.mwh > 0, claim.month == nil || month == nil || claim.month == month else { continue }
            let taken = min(claim.mwh, left * mwhPerUnit)
            claims[u]![index].mwh -= taken
            left -= taken / mwhPerUnit
            append(id: id, unit: u, month: month, quantity: taken / mwhPerUnit, key: greenKey(of: key, lot: claim.lot))
        }
        return max(left, 0)
    }

    /// The key of `key`'s electricity covered by certificates of `lot` (added when first met).
    private mutating func greenKey(of key: Int32, lot: String) -> Int32 {
        let twin = GreenKey(base: key, lot: lot)
        if let known = greenKeys[twin] { return known }
        let index = Int32(keys.count)
        keys.append(keys[Int(key)])
        greenKeys[twin] = index
        certificateLots[index] = lot
        return index
    }

    mutating func textIndex(_ text: String) -> Int32 { texts.index(of: text) }

    mutating func textIndex(_ bytes: UnsafeRawBufferPointer) -> Int32 { texts.index(of: bytes) }

    /// Stored rows were validated on the way in; a row that no longer reads is a corrupt database.
    private func record(
        id: Int64, unit: Unit, month: Int?, item: String, category: String, uom: String, ncv: Double?,
        carbonContent: Double?, oxidationRate: Double?
    ) throws -> ActivityRecord {
        guard let found = ItemCatalog.bundled.item(code: item), let unitOfMeasure = UnitOfMeasure(parsing: uom),
            let region = unit.region, let period = Period(year: year, month: month),
            let category = ActivityCategory(rawValue: category)
        else { throw StoreError.conflict("activity record \(id) no longer reads as valid data") }
        var measured = MeasuredParameters()
        if let ncv {
            measured.netCalorificValue = NetCalorificValue(gigajoulesPerBaseUnit: ncv, of: found.dimension)
        }
        if let carbonContent { measured.carbonContent = CarbonContent(carbonContent, .tonneCarbon, per: .gigajoule) }
        if let oxidationRate { measured.oxidationRate = Fraction(oxidationRate) }
        return ActivityRecord(
            unitCode: unit.code, region: region, period: period, item: found, category: category,
            quantity: PhysicalQuantity(1, unitOfMeasure), measured: measured, sourceRow: Int(id))
    }
}

extension CalculationInput {
    static let columns =
        "a.id, a.unit_id, a.month, a.quantity, a.item, a.category, a.uom, a.ncv, a.carbon_content, a.oxidation_rate"
    /// The subtree's records of the year, found through their spans unit by unit.
    static let filter =
        "s.root_id = ? AND s.year = ? AND s.unit_id IN (SELECT id FROM units WHERE root_id = ? AND path LIKE ?)"

    /// The approved periods of a year (the year is an integer, so it is written into the query).
    static func approvedPeriods(year: Int) -> String {
        "SELECT unit_id, first_month, last_month FROM reporting_periods WHERE year = \(year) AND status = 'approved'"
    }

    /// Reads on a bulk SQLite connection: texts are matched as bytes, no String made per row.
    /// - Parameter progress: called with the input after every `every` rows and at the end.
    mutating func read(
        anchor: UnitLookup.Entry, from raw: SQLiteRaw, every: Int = .max,
        progress: (CalculationInput) throws -> Void = { _ in }
    ) throws {
        let periods = try raw.prepare(Self.approvedPeriods(year: year))
        while try periods.step() {
            approve(unitID: periods.int64(0), months: Int(periods.int64(1))...Int(periods.int64(2)))
        }
        let statement = try raw.prepare(
            "SELECT \(Self.columns) FROM \(ActivitySpans.recordsOfSpans) WHERE \(Self.filter)")
        statement.bind(1, anchor.rootID)
        statement.bind(2, year)
        statement.bind(3, anchor.rootID)
        statement.bind(4, anchor.path + "%")
        var reported = 0
        while try statement.step() {
            let item = textIndex(statement.bytes(4))
            let category = textIndex(statement.bytes(5))
            let uom = textIndex(statement.bytes(6))
            try add(
                id: statement.int64(0), unitID: statement.int64(1), month: statement.optionalInt(2),
                quantity: statement.double(3), item: item, category: category, uom: uom,
                ncv: statement.optionalDouble(7), carbonContent: statement.optionalDouble(8),
                oxidationRate: statement.optionalDouble(9))
            if count - reported >= every {
                try progress(self)
                reported = count
            }
        }
        try progress(self)
    }
}

/// Green certificates retired against a unit's electricity of a year or a month, in MWh (one
/// certificate is one MWh).
struct CertificateClaim: Sendable {
    let unitID: Int64
    /// Nil: the whole year.
    let month: Int?
    var mwh: Double
    /// The certificates' lot as the ledger names it (`gec:2024-05:GEC-P`).
    let lot: String
}

/// Numbers the distinct texts of a column (items, categories, units of measure: a few dozen), so a
/// row's key is a few integers. Reads from SQLite are matched by their bytes without making a String.
struct TextTable {
    private var interner = ByteInterner()
    private var strings: [String] = []

    func string(_ index: Int32) -> String { strings[Int(index)] }

    mutating func index(of text: String) -> Int32 {
        var text = text
        return text.withUTF8 { index(of: UnsafeRawBufferPointer($0)) }
    }

    mutating func index(of bytes: UnsafeRawBufferPointer) -> Int32 {
        let (id, isNew) = interner.id(of: bytes.assumingMemoryBound(to: UInt8.self))
        if isNew { strings.append(interner.text(id)) }
        return id
    }
}

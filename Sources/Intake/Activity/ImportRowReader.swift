import Accounting
import FastStructures
import Foundation
import Persistence

/// Reads an import's data rows into rows to write, with the template's rules and the file's own
/// checks, without making a String for most fields (see docs/benchmarks.md for its speed).
///
/// A row's fields are looked up as bytes. Every field but the quantity takes one of a few hundred
/// texts across a file, so a row is judged by the combination of those texts: the first row with a
/// combination is read in full by the template (`ActivityTemplate.ImportReader`) with its quantity
/// set to 0; when that passes, every later row with the same texts and a plain non-negative decimal
/// quantity passes too, and only its quantity is read. Any other row — an unknown unit, a new
/// combination that fails, a quantity such as `1,234.5`, a record in quotes, a short or long row —
/// is read in full by the template, so its problems are reported exactly as they would be for one row.
struct ImportRowReader: Sendable {
    let reader: ActivityTemplate.ImportReader
    let language: Language
    let directory: ActivityStream.UnitDirectory
    var checks: FileChecks
    private var numbering = RecordNumbering()

    /// What a row came to.
    enum Outcome {
        case blank
        case row(ActivityStream.Row)
        /// A row the template reads but the file's own checks refuse: still to be checked against
        /// the stored data (for its message), never written.
        case refused(ActivityStream.Row, [InputIssue])
        case issues([InputIssue])
    }

    /// What rows with the same texts share.
    private struct Prototype: Sendable {
        let period: Period
        let shape: Int32
        /// The period, item and category numbered (`RecordNumbering.part`).
        let part: Int64
        let itemKey: Int64
        /// One of the row's unit of measure in its base unit, for the plausibility check.
        let baseScale: Double
    }

    private struct UnitSlot: Sendable {
        let unit: ActivityStream.UnitDirectory.Unit
        /// The unit numbered (`RecordNumbering.unit`).
        let number: Int64
        /// The unit's region code, numbered: a row with its region left blank takes it.
        let region: Int32
    }

    private let width: Int
    private let unitColumn: Int
    private let quantityColumn: Int
    /// The other fields' columns, -1 for a field the file leaves out: region, period, item, unit of
    /// measure, category, measured calorific value, carbon content and oxidation rate.
    private let keyColumns: [Int]
    private var unitTexts = ByteInterner()
    private var unitSlots: [UnitSlot?] = []
    private var keyTexts = [ByteInterner](repeating: ByteInterner(), count: 8)
    /// Per text of the region column, whether it is blank.
    private var regionBlank: [Bool] = []
    private var unitRegions: [String: Int32] = [:]
    /// A workbook row's texts laid end to end, and where each begins and ends (reused row to row).
    private var scratch: [UInt8] = []
    private var bounds: [Int] = []
    /// Combinations of texts (the eight numbers as bytes), each with its prototype or -1.
    private var combinations = ByteInterner()
    private var combinationPrototypes: [Int32] = []
    private var prototypes: [Prototype] = []
    private var prototypeIDs: [SIMD2<Int64>: Int32] = [:]
    private var shapeIDs: [ActivityStream.Shape: Int32] = [:]
    /// Every shape so far, in the order of their numbers.
    private(set) var shapes: [ActivityStream.Shape] = []

    init(
        reader: ActivityTemplate.ImportReader, language: Language, directory: ActivityStream.UnitDirectory,
        today: Date
    ) {
        self.reader = reader
        self.language = language
        self.directory = directory
        checks = FileChecks(today: today)
        width = reader.headerWidth
        unitColumn = reader.column(of: "unit") ?? -1
        quantityColumn = reader.column(of: "quantity") ?? -1
        keyColumns = ["region", "period", "item", "uom", "category", "ncv", "carbon_content", "oxidation_rate"].map {
            reader.column(of: $0) ?? -1
        }
    }

    /// Reads a record whose fields are byte slices.
    mutating func read(_ record: CSVRecords.Plain, row number: Int) -> Outcome {
        guard record.count == width, unitColumn >= 0, quantityColumn >= 0,
            let slot = unitSlot(record.field(unitColumn))
        else { return read(record.texts, row: number) }
        var key = SIMD8<Int32>(repeating: -1)
        for (k, column) in keyColumns.enumerated() where column >= 0 {
            let (id, isNew) = keyTexts[k].id(of: record.field(column))
            if k == 0 {
                if isNew { regionBlank.append(keyTexts[0].text(id).trimmed.isEmpty) }
                key[0] = regionBlank[Int(id)] ? -2 - slot.region : id
            } else {
                key[k] = id
            }
        }
        if keyColumns[0] < 0 { key[0] = -2 - slot.region }
        let (combination, isNew) = withUnsafeBytes(of: &key) {
            combinations.id(of: $0.assumingMemoryBound(to: UInt8.self))
        }
        if isNew {
            var texts = record.texts
            texts[quantityColumn] = "0"
            switch reader.read(texts, row: number, language: language, unitRegion: unitRegion) {
            case .success(let record): combinationPrototypes.append(prototype(of: record))
            case .failure: combinationPrototypes.append(-1)
            }
        }
        let prototype = combinationPrototypes[Int(combination)]
        // A quantity beyond `Plausible` is read by the template too, which says what is wrong.
        guard prototype >= 0, let quantity = Self.plainDecimal(record.field(quantityColumn)),
            Plausible.isAmount(quantity * prototypes[Int(prototype)].baseScale)
        else {
            return read(record.texts, row: number)
        }
        return checked(
            unit: slot.unit, number: slot.number, prototypes[Int(prototype)], quantity: quantity, row: number)
    }

    /// Reads a record given as texts (a workbook's row) as bytes, like a CSV's: its texts are laid
    /// end to end in one buffer. A short row reads as one with empty cells after its last.
    mutating func read(fields values: [String], row number: Int) -> Outcome {
        guard values.count <= width else { return read(values, row: number) }
        scratch.removeAll(keepingCapacity: true)
        bounds.removeAll(keepingCapacity: true)
        for k in 0..<width {
            bounds.append(scratch.count)
            if k < values.count { scratch.append(contentsOf: values[k].utf8) }
            bounds.append(scratch.count)
        }
        let (scratch, bounds) = (scratch, bounds)
        return scratch.withUnsafeBufferPointer { bytes in
            bounds.withUnsafeBufferPointer { read(CSVRecords.Plain(bytes: bytes, bounds: $0), row: number) }
        }
    }

    /// Reads a record given as texts, in full by the template.
    mutating func read(_ values: [String], row number: Int) -> Outcome {
        if CSVTable.isBlank(values) { return .blank }
        switch reader.read(values, row: number, language: language, unitRegion: unitRegion) {
        case .failure(let issues): return .issues(issues.issues)
        case .success(let record):
            guard let unit = directory.unit(code: record.unitCode) else { return .blank }
            return checked(
                unit: unit, number: numbering.unit(unit.id), prototypes[Int(prototype(of: record))],
                quantity: record.quantity.value, row: number)
        }
    }

    private var unitRegion: (String) -> String? { { [directory] in directory.unit(code: $0)?.regionCode } }

    /// The stored unit a unit field names, or nil (for a unit not stored, or not the importer's).
    private mutating func unitSlot(_ bytes: UnsafeBufferPointer<UInt8>) -> UnitSlot? {
        let (id, isNew) = unitTexts.id(of: bytes)
        if isNew {
            let slot = directory.unit(code: unitTexts.text(id).trimmed).map { unit in
                let region = unitRegions[unit.regionCode] ?? Int32(unitRegions.count)
                unitRegions[unit.regionCode] = region
                return UnitSlot(unit: unit, number: numbering.unit(unit.id), region: region)
            }
            unitSlots.append(slot)
        }
        return unitSlots[Int(id)]
    }

    /// The number of a record's prototype (a record that passed the template, its quantity aside).
    private mutating func prototype(of record: ActivityRecord) -> Int32 {
        let shape = ActivityStream.Shape(
            item: record.item.code, category: record.category.rawValue, uom: record.quantity.unitSymbol,
            ncv: record.measured.netCalorificValue?.value, carbonContent: record.measured.carbonContent?.value,
            oxidationRate: record.measured.oxidationRate?.value)
        let shapeID = shapeIDs[shape] ?? Int32(shapes.count)
        if shapeID == Int32(shapes.count) {
            shapeIDs[shape] = shapeID
            shapes.append(shape)
        }
        let part = numbering.part(
            year: record.period.year, month: record.period.month, item: record.item.code,
            category: record.category.rawValue)
        // Rows read in full come here one by one: the same shape and part reuse their prototype.
        let pair = SIMD2(Int64(shapeID), part)
        if let known = prototypeIDs[pair] { return known }
        prototypeIDs[pair] = Int32(prototypes.count)
        prototypes.append(
            Prototype(
                period: record.period, shape: shapeID, part: part,
                itemKey: ActivityStore.StoredHistory.itemKey(record.item.code),
                baseScale: PhysicalQuantity(1, record.quantity.unit).baseValue))
        return Int32(prototypes.count - 1)
    }

    /// The file's own checks of a row that passed the template.
    private mutating func checked(
        unit: ActivityStream.UnitDirectory.Unit, number unitNumber: Int64, _ prototype: Prototype, quantity: Double,
        row number: Int
    ) -> Outcome {
        let row = Int32(clamping: number)
        let problems = checks.check(
            key: RecordNumbering.key(unit: unitNumber, part: prototype.part), period: prototype.period, row: row
        ) { field, problem in reader.issue(row: number, field: field, problem) }
        let written = ActivityStream.Row(
            unitID: unit.id, rootID: unit.rootID, year: Int32(prototype.period.year),
            month: Int32(prototype.period.month ?? 0), shape: prototype.shape, quantity: quantity)
        guard problems.isEmpty else { return .refused(written, problems) }
        if prototype.period.month != nil {
            checks.accept(
                monthlyKey: ActivityStore.StoredHistory.key(unitID: unit.id, itemKey: prototype.itemKey), row: row,
                quantity: quantity, base: quantity * prototype.baseScale)
        }
        return .row(written)
    }

    /// A quantity written as plain digits with an optional decimal part (`1234`, `0.75`), read
    /// exactly as `Double(String)` reads it; nil for anything else (signs, exponents, separators,
    /// spaces), which the template then reads.
    static func plainDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var mantissa: UInt64 = 0
        var digits = 0
        var fraction = -1
        for byte in bytes {
            if byte >= 0x30, byte <= 0x39 {
                if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(byte - 0x30) }
                digits += 1
                if fraction >= 0 { fraction += 1 }
            } else if byte == 0x2E, fraction < 0, digits > 0 {
                fraction = 0
            } else {
                return nil
            }
        }
        guard digits > 0, fraction != 0 else { return nil }
        // Up to 15 digits are exact in a Double, and so is 10^k for k ≤ 22: one division then
        // rounds once, correctly, as the standard library's parser does.
        if digits <= 15 { return fraction > 0 ? Double(mantissa) / powersOfTen[fraction] : Double(mantissa) }
        // Longer (a meter's 17 significant digits): C's strtod, correctly rounded like Swift's own —
        // while the process's locale writes decimals with a point (else the template reads it).
        guard bytes.count < 64, localeconv().pointee.decimal_point.pointee == 0x2E else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { text in
            for (i, byte) in bytes.enumerated() { text[i] = CChar(bitPattern: byte) }
            text[bytes.count] = 0
            return strtod(text.baseAddress!, nil)
        }
    }

    /// 10^0 … 10^22, each exact (made by multiplying by ten, every step exact).
    private static let powersOfTen: [Double] = (0...22).reduce(into: []) { powers, k in
        powers.append(k == 0 ? 1 : powers[k - 1] * 10)
    }
}

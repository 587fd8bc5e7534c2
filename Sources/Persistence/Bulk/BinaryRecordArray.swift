/// A one-dimensional array of records in PostgreSQL's binary format, as `array_agg(ROW(…))`
/// sends it, read field by field in place: the array's header (dimensions, a null flag, the
/// element type, each dimension's length and lower bound), then per element its length and the
/// record — its field count, then per field its type, its length (-1 for NULL) and its bytes in
/// network order.
///
/// Why: PostgresNIO makes a cell per column of every row it hands over (with the column's name);
/// for the millions of records of a recalculation that was a third of PeakZero's own time. Sent as
/// one array per span of records, they arrive as a few thousand rows, read here with no object made.
struct BinaryRecordArray {
    private let bytes: UnsafeRawBufferPointer
    private var offset = 0
    private let fields: Int
    /// Records not yet begun.
    private(set) var remaining = 0

    /// Reads the header; an empty array has no records. (NULL, which `array_agg` of no rows gives,
    /// has no bytes to read: the caller skips it.)
    /// - Parameter fields: the fields each record must have.
    init(_ bytes: UnsafeRawBufferPointer, fields: Int) throws {
        self.bytes = bytes
        self.fields = fields
        let dimensions = try int32()
        offset += 8  // the null flag and the element type
        guard dimensions == 0 || dimensions == 1 else { throw Self.malformed("\(dimensions) dimensions") }
        if dimensions == 1 {
            remaining = Int(try int32())
            offset += 4  // the lower bound
        }
    }

    /// Begins the next record.
    mutating func nextRecord() throws {
        guard remaining > 0 else { throw Self.malformed("no more records") }
        remaining -= 1
        guard try int32() >= 0 else { throw Self.malformed("a NULL record") }
        guard try int32() == fields else { throw Self.malformed("a record without \(fields) fields") }
    }

    /// The next field's bytes; nil for NULL.
    mutating func field() throws -> UnsafeRawBufferPointer? {
        offset += 4  // the field's type
        let length = Int(try int32())
        guard length >= 0 else { return nil }
        guard offset + length <= bytes.count else { throw Self.malformed("a field past the end") }
        defer { offset += length }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length])
    }

    mutating func int64() throws -> Int64 { try Self.int64(required(field())) }

    mutating func int32OrNil() throws -> Int32? {
        guard let field = try field() else { return nil }
        guard field.count == 4 else { throw Self.malformed("an integer of \(field.count) bytes") }
        return Int32(bigEndian: field.loadUnaligned(as: Int32.self))
    }

    mutating func double() throws -> Double { try Self.double(required(field())) }

    mutating func doubleOrNil() throws -> Double? { try field().map(Self.double) }

    /// A text field's UTF-8 bytes, valid until the array's bytes go.
    mutating func text() throws -> UnsafeRawBufferPointer { try required(field()) }

    private func required(_ field: UnsafeRawBufferPointer?) throws -> UnsafeRawBufferPointer {
        guard let field else { throw Self.malformed("NULL where the schema forbids it") }
        return field
    }

    private static func int64(_ field: UnsafeRawBufferPointer) throws -> Int64 {
        guard field.count == 8 else { throw malformed("a bigint of \(field.count) bytes") }
        return Int64(bigEndian: field.loadUnaligned(as: Int64.self))
    }

    private static func double(_ field: UnsafeRawBufferPointer) throws -> Double {
        guard field.count == 8 else { throw malformed("a double of \(field.count) bytes") }
        return Double(bitPattern: UInt64(bigEndian: field.loadUnaligned(as: UInt64.self)))
    }

    private mutating func int32() throws -> Int32 {
        guard offset + 4 <= bytes.count else { throw Self.malformed("an array cut short") }
        defer { offset += 4 }
        return Int32(bigEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self))
    }

    private static func malformed(_ what: String) -> StoreError {
        StoreError.conflict("PostgreSQL sent an array of records that cannot be read: \(what)")
    }
}

import NIOCore

/// Rows in the binary format of PostgreSQL's `COPY … FROM STDIN (FORMAT binary)`: a signature
/// header, then per row its field count and each field as a length and the value's bytes in
/// network order (a length of -1 for NULL), then a trailer of -1. PostgreSQL reads the values as
/// they are, with no text to parse — and PeakZero formats no number to send: a recalculation's
/// millions of lines send their doubles as their eight bytes.
///
/// Each field must have exactly the column's type (`int8` for BIGINT, `int4` for INTEGER,
/// `float8` for DOUBLE PRECISION): the server checks each field's length and refuses the copy
/// otherwise, naming the column.
struct CopyBinaryRows: CopyRows {
    private(set) var buffer: ByteBuffer

    static let format = "binary"

    init() {
        buffer = ByteBufferAllocator().buffer(capacity: 2 << 20)
        // "PGCOPY\n\xff\r\n\0", then the flags (no OIDs) and the header extension's length.
        buffer.writeBytes([0x50, 0x47, 0x43, 0x4F, 0x50, 0x59, 0x0A, 0xFF, 0x0D, 0x0A, 0x00])
        buffer.writeMultipleIntegers(Int32(0), Int32(0))
    }

    var byteCount: Int { buffer.readableBytes }

    /// Writes rows through a cursor over bytes reserved for them: one access to the buffer for
    /// many rows, not a check and a capacity test per field — per field they were a tenth of a
    /// recalculation's own time.
    /// - Parameter maximumBytes: at least the bytes `body` writes.
    mutating func write(maximumBytes: Int, _ body: (inout CopyBinaryCursor) -> Void) {
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: maximumBytes) { bytes in
            var cursor = CopyBinaryCursor(bytes: bytes)
            body(&cursor)
            return cursor.offset
        }
    }

    /// The rows written so far, leaving this empty for the next.
    mutating func take() -> ByteBuffer {
        let taken = buffer
        buffer = ByteBufferAllocator().buffer(capacity: taken.capacity)
        return taken
    }

    /// The trailer, written once after the last row.
    mutating func finish() { buffer.writeInteger(Int16(-1)) }
}

/// Fields of binary `COPY` rows written in place: each a length, then the value in network order.
struct CopyBinaryCursor {
    fileprivate let bytes: UnsafeMutableRawBufferPointer
    fileprivate private(set) var offset = 0

    /// The bytes of a row of `fields` fields of which `eightByte` are BIGINT or DOUBLE PRECISION and
    /// the rest INTEGER (or NULL): what to reserve. A TEXT field counts as an INTEGER; add its
    /// UTF-8 bytes.
    static func rowBytes(fields: Int, eightByte: Int) -> Int { 2 + fields * 4 + eightByte * 8 + (fields - eightByte) * 4 }

    mutating func beginRow(fields: Int16) { store(fields) }

    mutating func int8(_ value: Int64) {
        store(Int32(8))
        store(value)
    }

    mutating func int4(_ value: Int32) {
        store(Int32(4))
        store(value)
    }

    mutating func int4(_ value: Int32?) {
        if let value { int4(value) } else { null() }
    }

    mutating func float8(_ value: Double) {
        store(Int32(8))
        store(value.bitPattern)
    }

    mutating func float8(_ value: Double?) {
        if let value { float8(value) } else { null() }
    }

    /// A TEXT field: its UTF-8 bytes as they are (the binary format escapes nothing).
    mutating func text(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            store(Int32(utf8.count))
            precondition(offset + utf8.count <= bytes.count, "more written than reserved")
            UnsafeMutableRawBufferPointer(rebasing: bytes[offset..<offset + utf8.count]).copyMemory(
                from: UnsafeRawBufferPointer(utf8))
            offset += utf8.count
        }
    }

    mutating func text(_ value: String?) {
        if let value { text(value) } else { null() }
    }

    mutating func null() { store(Int32(-1)) }

    /// The bytes of a one-dimensional array field's header, before its elements: what to reserve
    /// besides the field's length and each element's (a length and its value, as the fields above).
    static let arrayHeaderBytes = 20

    /// A one-dimensional array field of `count` elements of `elementType`, which `elements` writes
    /// as fields of that type (an element is written as a field is). The field's length is filled
    /// in once they are written.
    mutating func array(
        of elementType: ArrayElement, count: Int, hasNulls: Bool, _ elements: (inout CopyBinaryCursor) -> Void
    ) {
        let lengthAt = offset
        store(Int32(0))
        store(Int32(1))  // dimensions
        store(Int32(hasNulls ? 1 : 0))
        store(elementType.rawValue)
        store(Int32(count))
        store(Int32(1))  // the lower bound
        elements(&self)
        bytes.storeBytes(of: Int32(offset - lengthAt - 4).bigEndian, toByteOffset: lengthAt, as: Int32.self)
    }

    /// The element types of the arrays PeakZero writes, by their OIDs in `pg_type`.
    enum ArrayElement: Int32 {
        case int8 = 20
        case int4 = 23
        case float8 = 701
    }

    private mutating func store<T: FixedWidthInteger>(_ value: T) {
        precondition(offset + MemoryLayout<T>.size <= bytes.count, "more written than reserved")
        bytes.storeBytes(of: value.bigEndian, toByteOffset: offset, as: T.self)
        offset += MemoryLayout<T>.size
    }
}

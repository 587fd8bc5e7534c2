/// A CSV file split into records (RFC 4180): quoted fields may hold commas, quotes ("") and line
/// breaks; LF, CRLF and CR all end a record; a UTF-8 byte-order mark is dropped.
///
/// `records[i]` is the spreadsheet's row `i + 1`, so a row number shown to the user matches what
/// Excel or WPS shows for the same file, even when a quoted field spans several lines.
public struct CSVTable: Sendable {
    public let records: [[String]]

    public enum ParseError: Error, Equatable {
        /// A quoted field that never closes; `row` is where it opened.
        case unterminatedQuote(row: Int)
    }

    public init(parsing text: String) throws(ParseError) {
        var text = text
        // Works on the UTF-8 bytes: every delimiter is ASCII, and fields are decoded once, whole.
        let result = text.withUTF8 { bytes in Result { () throws(ParseError) in try Self.split(bytes) } }
        records = try result.get()
    }

    private static func split(_ bytes: UnsafeBufferPointer<UInt8>) throws(ParseError) -> [[String]] {
        var records: [[String]] = []
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < bytes.count {
            guard let (fields, next) = record(in: bytes, from: i) else {
                throw .unterminatedQuote(row: records.count + 1)
            }
            records.append(fields)
            i = next
        }
        return records
    }

    /// The record that begins at byte `first` (which is before the end) and where the next one
    /// begins; nil when a quoted field never closes.
    public static func record(in bytes: UnsafeBufferPointer<UInt8>, from first: Int) -> (fields: [String], next: Int)? {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var fields: [String] = []
        var field: [UInt8] = []
        var fieldStart = first
        var quotedText = false  // the field's text is in `field`, not a slice of the input
        var quoted = false
        var i = first

        func current() -> String {
            quotedText
                ? String(decoding: field, as: UTF8.self)
                : String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<i]), as: UTF8.self)
        }
        while i < bytes.count {
            let byte = bytes[i]
            if quoted {
                if byte == quote {
                    if i + 1 < bytes.count, bytes[i + 1] == quote {
                        field.append(quote)
                        i += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                }
                i += 1
                continue
            }
            switch byte {
            case quote where i == fieldStart:
                quoted = true
                quotedText = true
                field.removeAll(keepingCapacity: true)
            case comma:
                fields.append(current())
                quotedText = false
                fieldStart = i + 1
            case cr, lf:
                fields.append(current())
                if byte == cr, i + 1 < bytes.count, bytes[i + 1] == lf { i += 1 }
                return (fields, i + 1)
            default:
                if quotedText { field.append(byte) }
            }
            i += 1
        }
        if quoted { return nil }
        fields.append(current())
        return (fields, bytes.count)
    }

    /// True when every field of the record is blank.
    public static func isBlank(_ record: [String]) -> Bool {
        record.allSatisfy { $0.allSatisfy(\.isWhitespace) }
    }
}

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
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var fieldStart = start
        var quoted = false
        var quoteOpenedAt = 0
        var i = start

        func text(_ from: Int, _ to: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
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
                quoteOpenedAt = records.count + 1
                field.removeAll(keepingCapacity: true)
                start = -1  // the field's text is in `field`, not a slice of the input
            case comma, cr, lf:
                record.append(start < 0 ? String(decoding: field, as: UTF8.self) : text(fieldStart, i))
                if byte != comma {
                    if byte == cr, i + 1 < bytes.count, bytes[i + 1] == lf { i += 1 }
                    records.append(record)
                    record = []
                }
                start = i + 1
                fieldStart = i + 1
            default:
                if start < 0 { field.append(byte) }
            }
            i += 1
        }
        if quoted { throw .unterminatedQuote(row: quoteOpenedAt) }
        if fieldStart < bytes.count || start < 0 || !record.isEmpty {
            record.append(start < 0 ? String(decoding: field, as: UTF8.self) : text(fieldStart, bytes.count))
            records.append(record)
        }
        return records
    }

    /// True when every field of the record is blank.
    public static func isBlank(_ record: [String]) -> Bool {
        record.allSatisfy { $0.allSatisfy(\.isWhitespace) }
    }
}

import Foundation

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
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var quoteOpenedAt = 0
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var i = 0
        func endRecord() {
            record.append(field)
            records.append(record)
            record = []
            field = ""
        }
        while i < scalars.count {
            let c = scalars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < scalars.count, scalars[i + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else {
                switch c {
                case "\"" where field.isEmpty:
                    inQuotes = true
                    quoteOpenedAt = records.count + 1
                case ",":
                    record.append(field)
                    field = ""
                case "\r":
                    if i + 1 < scalars.count, scalars[i + 1] == "\n" { i += 1 }
                    endRecord()
                case "\n":
                    endRecord()
                default:
                    field.unicodeScalars.append(c)
                }
            }
            i += 1
        }
        if inQuotes { throw .unterminatedQuote(row: quoteOpenedAt) }
        if !field.isEmpty || !record.isEmpty { endRecord() }
        self.records = records
    }

    /// True when every field of the record is blank.
    public static func isBlank(_ record: [String]) -> Bool {
        record.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }
    }
}

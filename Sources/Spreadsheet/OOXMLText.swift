import Foundation

/// Text as OOXML stores it: characters XML 1.0 cannot carry (most control characters) are written
/// `_xHHHH_`, and a literal `_x` that would read as such an escape is itself escaped as `_x005F_`.
enum OOXMLText {
    static func unescape(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var out = ""
        var rest = Substring(text)
        while let range = rest.range(of: "_x") {
            out += rest[..<range.lowerBound]
            let after = rest[range.upperBound...]
            let hex = after.prefix(4)
            if hex.count == 4, after.dropFirst(4).first == "_", let code = UInt32(hex, radix: 16),
                let scalar = Unicode.Scalar(code)
            {
                out.unicodeScalars.append(scalar)
                rest = after.dropFirst(5)
            } else {
                out += "_x"
                rest = after
            }
        }
        return out + rest
    }

    /// Escaped for an XML text node or attribute value, with OOXML's escapes for control characters.
    static func escape(_ text: String) -> String {
        let plain = text.utf8.allSatisfy { byte in
            byte >= 0x20 && byte != UInt8(ascii: "&") && byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">")
                && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "_") && byte != 0xEF
        }
        if plain { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var rest = Substring(text)
        while !rest.isEmpty {
            if rest.hasPrefix("_x"), rest.dropFirst(2).prefix(4).allSatisfy(\.isHexDigit),
                rest.dropFirst(6).first == "_"
            {
                out += "_x005F_"
                rest = rest.dropFirst(1)
                continue
            }
            let scalar = rest.unicodeScalars.first!
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                out += String(format: "_x%04X_", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
            rest = Substring(rest.unicodeScalars.dropFirst())
        }
        return out
    }
}

/// Dates written as ISO 8601 text in a cell of type `d`.
enum ISO8601Date {
    static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        for options: ISO8601DateFormatter.Options in [
            [.withInternetDateTime], [.withFullDate, .withTime, .withColonSeparatorInTime], [.withFullDate],
        ] {
            formatter.formatOptions = options
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}

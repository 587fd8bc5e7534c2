import Foundation

/// A text as a JSON string, written by hand where a whole encoder would cost more than the text:
/// quotes and backslashes escaped, and every control character (line breaks included) as `\u00XX`,
/// so that no text can end the string or the line it stands in.
public enum JSONString {
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

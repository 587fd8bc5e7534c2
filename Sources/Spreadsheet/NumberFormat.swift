/// Whether a cell's number format shows a date, which is all that tells a date from a number in a
/// workbook: dates are stored as serial numbers.
enum NumberFormat {
    /// Built-in formats (ECMA-376 §18.8.30): 14–22 and 45–47 are dates and times; 27–36 and 50–58
    /// are the East Asian date formats Chinese Excel uses (2024年1月, 1月1日 …).
    static func builtInShowsDate(_ id: Int) -> Bool {
        (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id)
    }

    /// A custom format shows a date when, outside quoted text, escaped characters and bracketed
    /// sections (colours, locales), it has a y, m, d, h or s.
    static func showsDate(_ code: String) -> Bool {
        var inQuotes = false
        var inBrackets = false
        var escaped = false
        for character in code.lowercased() {
            if escaped {
                escaped = false
                continue
            }
            switch character {
            case "\\": escaped = true
            case "\"": inQuotes.toggle()
            case "[" where !inQuotes: inBrackets = true
            case "]" where !inQuotes: inBrackets = false
            case "y", "m", "d", "h",
                "s" where !inQuotes && !inBrackets:
                return true
            default: continue
            }
        }
        return false
    }
}

import Foundation

/// Numbers for people: fixed decimals and thousands separators, the same on every machine.
enum NumberText {
    static func grouped(_ value: Double, decimals: Int = 3) -> String {
        let fixed = String(format: "%.\(decimals)f", value)
        let negative = fixed.hasPrefix("-")
        let body = negative ? String(fixed.dropFirst()) : fixed
        let parts = body.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        var groups: [String] = []
        while integer.count > 3 {
            groups.insert(String(integer.suffix(3)), at: 0)
            integer.removeLast(3)
        }
        groups.insert(integer, at: 0)
        let joined = groups.joined(separator: ",") + (parts.count > 1 ? "." + parts[1] : "")
        return (negative && joined.contains(where: { $0 != "0" && $0 != "," && $0 != "." }) ? "-" : "") + joined
    }

    /// A plain number for CSV: 15 significant digits (all a Double holds without binary noise such
    /// as 59.419999999999995), no separators, no exponent below 10^15.
    static func plain(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.15g", value)
    }
}

/// A text table whose columns line up in a terminal, counting CJK characters as two cells wide.
struct TextTable {
    var header: [String]
    var rows: [[String]] = []
    /// Columns whose cells align right (numbers).
    var rightAligned: Set<Int> = []

    func render() -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { Self.width($0[column]) }.max() ?? 0 }
        func format(_ row: [String]) -> String {
            row.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - Self.width(cell))
                return rightAligned.contains(index) ? pad + cell : cell + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([format(header), rule] + rows.map(format)).joined(separator: "\n")
    }

    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            total
                + ((0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
                    || (0xAC00...0xD7A3).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
                    || (0xFE30...0xFE4F).contains(scalar.value) || (0xFF00...0xFF60).contains(scalar.value)
                    || (0xFFE0...0xFFE6).contains(scalar.value) ? 2 : 1)
        }
    }
}

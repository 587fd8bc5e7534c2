import Accounting
import Foundation

/// Numbers as each language's readers expect them: Chinese in 万 and 亿 once they are large,
/// English with thousands separators; changes as signed per cents.
enum WebNumbers {
    /// An amount (tce, tCO2e, 万元) as each language's readers count large numbers: 1,234 ·
    /// 12.35 万 · 1.23 亿 in Chinese; 1,234 · 12.35 k · 1.23 M · 12,345.68 M in English.
    static func amount(_ value: Double, _ language: Language) -> String {
        guard value.isFinite else { return "—" }
        if value == 0 { return "0" }
        let size = abs(value)
        let sign = value < 0 ? "−" : ""
        // (from, divided by, written): thousands are written out up to 9,999 — "k" starts where 万 does.
        let steps: [(Double, Double, String)] =
            language == .zh ? [(1e8, 1e8, "亿"), (1e4, 1e4, "万")] : [(1e6, 1e6, "M"), (1e4, 1e3, "k")]
        for (from, divisor, word) in steps where size >= from {
            return sign + grouped(size / divisor, decimals: 2) + " " + word
        }
        return grouped(value, decimals: size >= 100 ? 0 : size >= 1 ? 1 : 3)
    }

    /// An intensity (per 万元): four significant digits, as reports give them — never with an
    /// exponent ("%.4g" wrote 12,345.6 as "1.235e+04" and 0.00001234 as "1.234e-05").
    static func intensity(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        if value == 0 { return "0" }
        let size = abs(value)
        if size >= 1000 { return grouped(value, decimals: 0) }
        // Decimals for four significant digits, at most eight (smaller shows as 0.00000001).
        let decimals = min(8, max(0, 3 - Int(log10(size).rounded(.down))))
        var text = String(format: "%.\(decimals)f", size)
        // As "%g" did: no trailing zeros after the point.
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return (value < 0 ? "−" : "") + text
    }

    /// A year-on-year change: "+3.2%", "−5.0%" (a true minus sign), "0.0%".
    static func change(_ fraction: Double) -> String {
        let percent = fraction * 100
        let text = String(format: "%.1f%%", abs(percent))
        if text == "0.0%" { return text }
        return (percent > 0 ? "+" : "−") + text
    }

    static func grouped(_ value: Double, decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", abs(value))
        let parts = text.split(separator: ".", maxSplits: 1)
        var digits = Array(parts[0])
        var index = digits.count - 3
        while index > 0 {
            digits.insert(",", at: index)
            index -= 3
        }
        let whole = String(digits)
        return (value < 0 ? "−" : "") + (parts.count > 1 ? whole + "." + parts[1] : whole)
    }
}

extension WebNumbers {
    /// A figure to trace, in full: thousands separators and three decimals, in both languages.
    static func exact(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        return grouped(value, decimals: 3)
    }

    /// A factor or a quantity as stored: the shortest text that reads back as the same number.
    static func plain(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}

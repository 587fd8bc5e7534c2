import Foundation

/// Reads the numeric CSV files of the roll-up anchor: a header line, then comma-separated integers
/// and decimals. Parses bytes directly (no String per field) and in parallel slices of the file.
enum NumericCSV {
    struct BadFile: Error, CustomStringConvertible {
        let path: String
        let reason: String
        var description: String { "\(path): \(reason)" }
    }

    /// The file's bytes, memory-mapped.
    static func bytes(_ path: String) throws -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw BadFile(path: path, reason: "cannot read (\(error.localizedDescription))")
        }
    }

    /// Line starts after the header, split into `parts` ranges at line boundaries.
    static func slices(_ data: UnsafeRawBufferPointer, parts: Int) -> [Range<Int>] {
        guard let headerEnd = data.firstIndex(of: UInt8(ascii: "\n")) else { return [] }
        let start = headerEnd + 1
        var bounds = [start]
        for p in 1..<max(1, parts) {
            var cut = start + (data.count - start) * p / parts
            while cut < data.count, data[cut - 1] != UInt8(ascii: "\n") { cut += 1 }
            bounds.append(cut)
        }
        bounds.append(data.count)
        return (0..<(bounds.count - 1)).map { bounds[$0]..<bounds[$0 + 1] }
    }

    /// Parses an unsigned or negative integer at `i`, advancing past it and its delimiter.
    @inline(__always)
    static func int(_ p: UnsafeRawBufferPointer, _ i: inout Int) -> Int {
        var negative = false
        if p[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        var value = 0
        while i < p.count {
            let c = p[i]
            if c < 48 || c > 57 { break }
            value = value * 10 + Int(c - 48)
            i += 1
        }
        i += 1  // the comma or newline
        return negative ? -value : value
    }

    /// Parses a decimal like `123.456789` exactly as a correctly rounded Double, advancing past it.
    @inline(__always)
    static func decimal(_ p: UnsafeRawBufferPointer, _ i: inout Int) -> Double {
        var mantissa: UInt64 = 0
        var scale = 0
        var seenPoint = false
        let negative = p[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        while i < p.count {
            let c = p[i]
            if c == UInt8(ascii: ".") {
                seenPoint = true
            } else if c >= 48 && c <= 57 {
                mantissa = mantissa * 10 + UInt64(c - 48)
                if seenPoint { scale += 1 }
            } else {
                break
            }
            i += 1
        }
        i += 1
        // A mantissa below 2^53 divided by an exact power of ten is correctly rounded (one rounding).
        let value = Double(mantissa) / powersOfTen[scale]
        return negative ? -value : value
    }

    static let powersOfTen: [Double] = (0...22).map { pow(10, Double($0)) }
}

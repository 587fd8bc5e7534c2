import Accounting

/// The records of a block of CSV text, walked as bytes. A record without quotes is handed over as
/// the byte ranges of its fields (no String made); a record with a quote anywhere is split by
/// `CSVTable`'s own rules and handed over as texts, so both read a file the same way.
struct CSVRecords {
    /// A record's fields as slices of the block.
    struct Plain {
        let bytes: UnsafeBufferPointer<UInt8>
        /// Field `k` is `bytes[bounds[2k] ..< bounds[2k + 1]]`.
        let bounds: UnsafeBufferPointer<Int>

        var count: Int { bounds.count / 2 }

        func field(_ k: Int) -> UnsafeBufferPointer<UInt8> {
            guard k < count else { return UnsafeBufferPointer(start: bytes.baseAddress, count: 0) }
            return UnsafeBufferPointer(rebasing: bytes[bounds[2 * k]..<bounds[2 * k + 1]])
        }

        var texts: [String] { (0..<count).map { String(decoding: field($0), as: UTF8.self) } }
    }

    enum Record {
        case plain(Plain)
        case quoted([String])
    }

    /// Calls `body` with each record of `bytes` (from `first`, a record's start) and its index.
    /// Returns the number of records, or throws the index of a record whose quote never closes.
    static func forEach(
        in bytes: UnsafeBufferPointer<UInt8>, from first: Int, _ body: (Record, Int) -> Void
    ) throws(CSVTable.ParseError) -> Int {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var bounds: [Int] = []
        var index = 0
        var i = first
        while i < bytes.count {
            bounds.removeAll(keepingCapacity: true)
            let start = i
            var fieldStart = i
            var end = bytes.count
            var hasQuote = false
            scan: while i < bytes.count {
                switch bytes[i] {
                case comma:
                    bounds.append(fieldStart)
                    bounds.append(i)
                    fieldStart = i + 1
                case cr, lf:
                    end = i
                    break scan
                case quote:
                    hasQuote = true
                    break scan
                default: break
                }
                i += 1
            }
            if hasQuote {
                guard let (fields, next) = CSVTable.record(in: bytes, from: start) else {
                    throw .unterminatedQuote(row: index + 1)
                }
                body(.quoted(fields), index)
                i = next
            } else {
                bounds.append(fieldStart)
                bounds.append(end)
                bounds.withUnsafeBufferPointer { body(.plain(Plain(bytes: bytes, bounds: $0)), index) }
                i = end
                if i < bytes.count, bytes[i] == cr, i + 1 < bytes.count, bytes[i + 1] == lf { i += 1 }
                i += 1
            }
            index += 1
        }
        return index
    }
}

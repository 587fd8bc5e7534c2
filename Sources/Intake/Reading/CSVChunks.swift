import Accounting
import Foundation

/// A CSV file read a block at a time, each block cut after the last line feed outside quotes, so a
/// million-row file is parsed in pieces and never held whole. Every byte read also feeds the
/// file's SHA-256.
struct CSVChunks {
    let name: String
    let size: Int
    private let handle: FileHandle
    private var carry = Data()
    private var atEnd = false
    /// The spreadsheet row of the next block's first record.
    private var nextRow = 1
    private(set) var bytesRead = 0
    private(set) var hasher = SHA256.Hasher()
    let blockSize: Int

    init(path: String, blockSize: Int = 4 << 20) throws(InputIssues) {
        self.blockSize = blockSize
        name = UserFile.name(of: path)
        guard let handle = FileHandle(forReadingAtPath: path) else { throw UserFile.unreadable(path) }
        self.handle = handle
        size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }

    /// The next block's records with the row number of the first, or nil at the end of the file.
    mutating func next() throws(InputIssues) -> (firstRow: Int, records: [[String]])? {
        guard let text = try nextText() else { return nil }
        let table = try CSVTable(parsing: text, file: name, firstRow: nextRow)
        let first = nextRow
        nextRow += table.records.count
        return (first, table.records)
    }

    /// The next block as text (checked to be UTF-8), cut after its last record, or nil at the end
    /// of the file. The caller splits it into records.
    mutating func nextText() throws(InputIssues) -> String? {
        var block = carry
        while !atEnd {
            let data: Data
            do { data = try handle.read(upToCount: blockSize) ?? Data() } catch {
                throw InputIssues([InputIssue(file: name, problem: .unreadableFile(error.localizedDescription))])
            }
            if data.isEmpty {
                atEnd = true
                try? handle.close()
                break
            }
            bytesRead += data.count
            hasher.update(data)
            block += data
            if let cut = Self.lastRecordEnd(block) {
                let end = block.startIndex + cut + 1
                carry = Data(block[end...])
                return try UserFile.text(Data(block[..<end]), file: name)
            }
        }
        carry = Data()
        return block.isEmpty ? nil : try UserFile.text(block, file: name)
    }

    /// The offset of the last line feed that ends a record (an even number of quotes before it,
    /// counted from the block's start, which is a record's start).
    static func lastRecordEnd(_ block: Data) -> Int? {
        block.withUnsafeBytes { bytes -> Int? in
            var quotes = 0
            var last: Int?
            for (i, byte) in bytes.enumerated() {
                if byte == UInt8(ascii: "\"") {
                    quotes += 1
                } else if byte == UInt8(ascii: "\n"), quotes % 2 == 0 {
                    last = i
                }
            }
            return last
        }
    }
}

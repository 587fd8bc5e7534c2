import Foundation
import ZIPFoundation

/// The files inside a zip archive held in memory, read with every offset and size checked against
/// the bytes there are. A damaged upload must fail with an error: the zip library's own readers
/// trust the sizes in the file and, given a broken one, read past the end or wait for bytes that
/// never come. Only its inflate is used, fed one bounded chunk at a time.
struct ZipEntries {
    struct Entry {
        let path: String
        let method: UInt16
        let crc: UInt32
        let compressedSize: Int
        let uncompressedSize: Int
        let dataStart: Int
    }

    let bytes: Data
    let entries: [Entry]

    init(_ data: Data) throws {
        bytes = data
        entries = try Self.centralDirectory(data)
    }

    private static func fail(_ why: String) -> SpreadsheetError { .notAWorkbook(why) }

    private static func u16(_ d: Data, _ at: Int) throws -> Int {
        guard at >= 0, at + 2 <= d.count else { throw fail("the zip directory points outside the file") }
        return Int(d[d.startIndex + at]) | Int(d[d.startIndex + at + 1]) << 8
    }

    private static func u32(_ d: Data, _ at: Int) throws -> Int {
        try u16(d, at) | u16(d, at + 2) << 16
    }

    static func centralDirectory(_ d: Data) throws -> [Entry] {
        // The end-of-central-directory record: the last 22 bytes, or earlier when a comment follows.
        var end = -1
        var at = d.count - 22
        while at >= max(0, d.count - 22 - 65_535) {
            if try u32(d, at) == 0x0605_4B50 {
                end = at
                break
            }
            at -= 1
        }
        guard end >= 0 else { throw fail("not a zip archive") }
        let count = try u16(d, end + 10)
        let directorySize = try u32(d, end + 12)
        let directoryStart = try u32(d, end + 16)
        guard count != 0xFFFF, directoryStart != 0xFFFF_FFFF else { throw fail("zip64 archives are not supported") }
        guard directoryStart + directorySize <= end else { throw fail("the zip directory is damaged") }
        var entries: [Entry] = []
        var record = directoryStart
        for _ in 0..<count {
            guard try u32(d, record) == 0x0201_4B50 else { throw fail("the zip directory is damaged") }
            let method = try u16(d, record + 10)
            let crc = try u32(d, record + 16)
            let compressed = try u32(d, record + 20)
            let uncompressed = try u32(d, record + 24)
            let nameLength = try u16(d, record + 28)
            let extraLength = try u16(d, record + 30)
            let commentLength = try u16(d, record + 32)
            let local = try u32(d, record + 42)
            guard record + 46 + nameLength <= d.count else { throw fail("the zip directory is damaged") }
            let name = String(
                decoding: d[(d.startIndex + record + 46)..<(d.startIndex + record + 46 + nameLength)], as: UTF8.self)
            guard try u32(d, local) == 0x0403_4B50 else { throw fail("\(name): its local header is damaged") }
            let dataStart = try local + 30 + u16(d, local + 26) + u16(d, local + 28)
            guard dataStart + compressed <= d.count else { throw fail("\(name) runs past the end of the file") }
            entries.append(
                Entry(
                    path: name, method: UInt16(method), crc: UInt32(crc), compressedSize: compressed,
                    uncompressedSize: uncompressed, dataStart: dataStart))
            record += 46 + nameLength + extraLength + commentLength
        }
        return entries
    }

    /// An entry's content, inflated and checked against its CRC and its stated size.
    func content(of entry: Entry) throws -> Data {
        let start = bytes.startIndex + entry.dataStart
        let compressed = bytes[start..<(start + entry.compressedSize)]
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else {
                throw SpreadsheetError.notAWorkbook("\(entry.path): its sizes disagree")
            }
            guard Data(compressed).crc32(checksum: 0) == entry.crc else {
                throw SpreadsheetError.notAWorkbook("\(entry.path): its checksum does not match")
            }
            return Data(compressed)
        case 8:
            let chunk = 1 << 16
            var out = Data()
            out.reserveCapacity(min(entry.uncompressedSize, 1 << 26))
            let limit = entry.uncompressedSize
            let crc: CRC32
            do {
                crc = try Data.decompress(
                    size: Int64(entry.compressedSize), bufferSize: chunk, skipCRC32: false,
                    provider: { position, _ in
                        // Always a whole chunk (zero-padded): the inflate loop assumes one.
                        guard Int(position) < compressed.count else { throw SpreadsheetError.notAWorkbook("") }
                        let from = compressed.startIndex + Int(position)
                        var piece = Data(compressed[from..<min(from + chunk, compressed.endIndex)])
                        if piece.count < chunk { piece.append(Data(count: chunk - piece.count)) }
                        return piece
                    },
                    consumer: { part in
                        out.append(part)
                        if out.count > limit { throw SpreadsheetError.notAWorkbook("") }
                    })
            } catch {
                throw SpreadsheetError.notAWorkbook("\(entry.path): its compressed data is damaged")
            }
            guard crc == entry.crc, out.count == entry.uncompressedSize else {
                throw SpreadsheetError.notAWorkbook("\(entry.path): its checksum or size does not match")
            }
            return out
        default:
            throw SpreadsheetError.notAWorkbook("\(entry.path): compression method \(entry.method) is not supported")
        }
    }
}

import Foundation

/// A zip archive that is not a workbook — an openLCA JSON-LD export — read with the same care as a
/// workbook's: every offset and size checked against the bytes there are, each entry inflated in
/// bounded chunks and checked against its CRC, and the whole refused before anything is unpacked
/// when its entries say they unpack to more than `unpackedLimit` bytes (an entry that unpacks to
/// more than it says is refused as it oversteps).
public struct ZipArchive: Sendable {
    /// Why the archive cannot be read, in English; the callers say which file it is.
    public struct Failure: Error, Sendable, Equatable {
        public let reason: String
    }

    private let zip: ZipEntries
    private let index: [String: Int]

    /// The files in the archive, as the archive names them (folders left out).
    public var paths: [String] { zip.entries.map(\.path).filter { !$0.hasSuffix("/") } }

    public init(data: Data, unpackedLimit: Int) throws(Failure) {
        do { zip = try ZipEntries(data) } catch { throw Self.failure(error) }
        let declared = zip.entries.reduce(0) { $0 &+ $1.uncompressedSize }
        guard declared <= unpackedLimit else {
            throw Failure(reason: "it unpacks to \(declared) bytes; the limit is \(unpackedLimit)")
        }
        var index: [String: Int] = [:]
        for (position, entry) in zip.entries.enumerated() where index[entry.path] == nil {
            index[entry.path] = position
        }
        self.index = index
    }

    /// A file's content; nil when the archive has no such file.
    public func content(of path: String) throws(Failure) -> Data? {
        guard let position = index[path] else { return nil }
        do { return try zip.content(of: zip.entries[position]) } catch { throw Self.failure(error) }
    }

    private static func failure(_ error: any Error) -> Failure {
        if case .notAWorkbook(let why)? = error as? SpreadsheetError { return Failure(reason: why) }
        return Failure(reason: String(describing: error))
    }
}

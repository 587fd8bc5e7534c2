/// How much of a workbook is read at most, so that a small hostile file — a "zip bomb" of a
/// megabyte that unpacks to gigabytes, rows padded out to column XFD, a cell of megabytes — is
/// refused before it is unpacked, or as soon as it oversteps, in bounded memory.
public struct WorkbookLimits: Sendable, Equatable {
    /// The parts read (everything under `xl/`), unpacked, together, in bytes.
    public var unpackedBytes: Int
    /// How many times its packed size a part of more than a mebibyte may unpack to. Spreadsheet XML
    /// packs 5 to 20 times; deflate cannot pack more than about 1,032 times, which only crafted
    /// files approach.
    public var compressionRatio: Int
    /// The columns a row may reach (Excel's own limit is 16,384; templates use fewer than 30).
    public var columns: Int
    /// The characters one cell may hold (Excel's own limit is 32,767).
    public var cellCharacters: Int

    public init(unpackedBytes: Int, compressionRatio: Int, columns: Int, cellCharacters: Int) {
        self.unpackedBytes = unpackedBytes
        self.compressionRatio = compressionRatio
        self.columns = columns
        self.cellCharacters = cellCharacters
    }

    /// 512 MiB unpacked (a million-row activity workbook is about 200 MiB), 200 times packed,
    /// 1,024 columns (to AMJ), Excel's 32,767 characters a cell.
    public static let standard = WorkbookLimits(
        unpackedBytes: 512 << 20, compressionRatio: 200, columns: 1_024, cellCharacters: 32_767)
}

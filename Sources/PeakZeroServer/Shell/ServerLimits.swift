import Spreadsheet

/// The limits an operator may set on what one request may bring (see docs/operations.md): each
/// protects the server's memory from one careless or hostile request, and each has a default that
/// fits every real file PeakZero has been given.
public struct ServerLimits: Sendable, Equatable {
    /// A request body, in bytes (a batch of records, an upload). 64 MiB is about 500,000 activity
    /// records in one batch.
    public var bodyBytes: Int
    /// A workbook's parts, unpacked, in bytes. A million-row activity workbook is about 200 MiB.
    public var workbookBytes: Int
    /// Imports running at once (API and import page together); one more is refused with 429.
    public var concurrentImports: Int
    /// The columns a workbook's row may reach; templates use fewer than 30.
    public var workbookColumns: Int
    /// The characters one cell may hold; Excel's own limit is 32,767.
    public var cellCharacters: Int

    public init(
        bodyBytes: Int = 64 << 20, workbookBytes: Int = 512 << 20, concurrentImports: Int = 2,
        workbookColumns: Int = WorkbookLimits.standard.columns, cellCharacters: Int = WorkbookLimits.standard.cellCharacters
    ) {
        self.bodyBytes = bodyBytes
        self.workbookBytes = workbookBytes
        self.concurrentImports = concurrentImports
        self.workbookColumns = workbookColumns
        self.cellCharacters = cellCharacters
    }

    /// The workbook limits these settings make; how far a part may unpack is the format's own.
    public var workbook: WorkbookLimits {
        var limits = WorkbookLimits.standard
        limits.unpackedBytes = workbookBytes
        limits.columns = workbookColumns
        limits.cellCharacters = cellCharacters
        return limits
    }
}

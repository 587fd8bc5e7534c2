import SQLKit

/// Where a batch of records came from: how it arrived (`api`, `import`, `demo`), the file and its
/// content hash for an import, the template version, and who sent it. Stored once per batch in
/// `record_batches`; every record points to its batch.
public struct RecordBatch: Sendable, Equatable {
    public var kind: String
    public var fileName: String?
    public var contentHash: String?
    public var templateVersion: String?
    public var createdBy: String?

    public init(
        kind: String, fileName: String? = nil, contentHash: String? = nil, templateVersion: String? = nil,
        createdBy: String? = nil
    ) {
        self.kind = kind
        self.fileName = fileName
        self.contentHash = contentHash
        self.templateVersion = templateVersion
        self.createdBy = createdBy
    }

    static let columns = [
        "kind", "file_name", "content_hash", "template_version", "created_by", "created_at", "row_count",
    ]

    func row(count: Int) -> [BulkValue] {
        [
            .text(kind), BulkValue(fileName), BulkValue(contentHash), BulkValue(templateVersion), BulkValue(createdBy),
            .text(Timestamp.now()), .int(Int64(count)),
        ]
    }
}

/// A stored batch, as read back.
public struct StoredRecordBatch: Sendable, Codable, Equatable {
    public let id: Int64
    public let kind: String
    public let fileName: String?
    public let contentHash: String?
    public let templateVersion: String?
    public let createdBy: String?
    public let createdAt: String
    public let rowCount: Int
}

extension RecordBatch {
    /// Writes the batch's row inside the caller's transaction; returns its id.
    func insert(count: Int, in db: any SQLDatabase) async throws -> Int64 {
        try await db.insert(into: "record_batches").columns(Self.columns)
            .values(row(count: count).map(\.bind)).returning("id").first()!
            .decode(column: "id", as: Int64.self)
    }
}

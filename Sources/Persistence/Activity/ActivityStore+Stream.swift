import Accounting
import Foundation

extension ActivityStore {
    /// What a streamed import decided at its end.
    public struct StreamOutcome<T: Sendable>: Sendable {
        public var commit: Bool
        public var contentHash: String?
        public var superseding: [Int64]
        public var result: T

        public init(commit: Bool, contentHash: String?, superseding: [Int64], result: T) {
            self.commit = commit
            self.contentHash = contentHash
            self.superseding = superseding
            self.result = result
        }
    }

    /// For the `.sqliteBulk` engine: runs `body` with a stream on a bulk SQLite connection in one transaction, committed when the
    /// outcome says so and when no earlier batch has the same content; otherwise rolled back.
    /// Returns the outcome's result and, when an identical file was imported before, that batch.
    public func stream<T: Sendable>(
        provenance: RecordBatch, scope: AccessScope,
        _ body: @escaping @Sendable (ActivityStream) throws -> StreamOutcome<T>
    ) async throws -> (result: T, written: Int, batch: Int64?, earlier: (id: Int64, createdAt: String)?) {
        let header = provenance.row(count: 0)
        return try await database.withRawSQLite { raw in
            // A smaller cache than a bulk load's: a streamed import is for files too large to hold, and
            // pages it no longer needs may go to the WAL before the commit.
            try raw.exec("PRAGMA cache_size = -65536")
            return try raw.withoutForeignKeyChecks {
                try raw.exec("BEGIN IMMEDIATE")
                do {
                    try BulkInsert.run(table: "record_batches", columns: RecordBatch.columns, rows: [header], in: raw)
                    let stream = try ActivityStream(
                        raw: raw, batchID: raw.lastInsertedID, provenance: provenance, scope: scope)
                    let outcome = try body(stream)
                    if let hash = outcome.contentHash, let earlier = try stream.batch(contentHash: hash) {
                        try raw.exec("ROLLBACK")
                        return (outcome.result, 0, nil, earlier)
                    }
                    guard outcome.commit else {
                        try raw.exec("ROLLBACK")
                        return (outcome.result, 0, nil, nil)
                    }
                    try stream.finish(superseding: outcome.superseding, contentHash: outcome.contentHash)
                    try raw.exec("COMMIT")
                    return (outcome.result, stream.written, stream.batchID, nil)
                } catch {
                    try? raw.exec("ROLLBACK")
                    throw error
                }
            }
        }
    }
}

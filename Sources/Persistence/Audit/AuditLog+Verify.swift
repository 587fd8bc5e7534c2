import SQLKit

/// What checking the chain found.
public struct AuditVerification: Sendable, Equatable {
    public enum Break: Sendable, Equatable {
        /// The entry's contents no longer give the hash it carries: it was altered.
        case alteredEntry
        /// The entry does not name the hash of the entry before it: one was removed, inserted or reordered.
        case brokenLink(expected: String)
    }

    /// How many entries were checked (up to the first break).
    public let checked: Int
    /// The first entry that fails, and how.
    public let firstBroken: (id: Int64, reason: Break)?
    /// The hash of the last entry: note it down, and a later check also proves nothing was cut off the end.
    public let headHash: String

    public var isIntact: Bool { firstBroken == nil }

    public static func == (a: Self, b: Self) -> Bool {
        a.checked == b.checked && a.headHash == b.headHash && a.firstBroken?.id == b.firstBroken?.id
            && a.firstBroken?.reason == b.firstBroken?.reason
    }
}

extension AuditLog {
    /// Walks the whole chain in order, a page at a time, and stops at the first entry that fails.
    public static func verify(_ database: PeakZeroDatabase, pageSize: Int = 5_000) async throws -> AuditVerification {
        var previousHash = genesis
        var lastID: Int64 = 0
        var checked = 0
        while true {
            let page = try await database.sql.select().columns(AuditEntry.columns).from("audit_log")
                .where("id", .greaterThan, SQLBind(lastID)).orderBy("id").limit(pageSize)
                .all(decoding: AuditEntry.self, keyDecodingStrategy: .convertFromSnakeCase)
            for entry in page {
                if entry.previousHash != previousHash {
                    return AuditVerification(
                        checked: checked, firstBroken: (entry.id, .brokenLink(expected: previousHash)),
                        headHash: previousHash)
                }
                if entry.expectedHash != entry.hash {
                    return AuditVerification(
                        checked: checked, firstBroken: (entry.id, .alteredEntry), headHash: previousHash)
                }
                previousHash = entry.hash
                lastID = entry.id
                checked += 1
            }
            if page.count < pageSize { break }
        }
        return AuditVerification(checked: checked, firstBroken: nil, headHash: previousHash)
    }
}

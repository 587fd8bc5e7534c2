import Crypto
import Foundation

/// One row of the audit trail, as stored and as read back.
public struct AuditEntry: Sendable, Equatable, Codable {
    public let id: Int64
    public let at: String
    public let actorId: Int64?
    public let actor: String
    public let address: String?
    public let action: String
    public let subjectKind: String
    public let subjectId: String?
    public let unitId: Int64?
    public let year: Int?
    public let month: Int?
    public let beforeState: String?
    public let afterState: String?
    public let previousHash: String
    public let hash: String

    static let columns = [
        "id", "at", "actor_id", "actor", "address", "action", "subject_kind", "subject_id", "unit_id", "year",
        "month", "before_state", "after_state", "previous_hash", "hash",
    ]

    /// The hash an entry with these contents must carry: SHA-256 over every field but the id (the
    /// chain itself fixes the order), each written with its length so no two different entries
    /// read alike, ending with the previous entry's hash.
    static func hash(
        at: String, actorID: Int64?, actor: String, address: String?, action: String, subjectKind: String,
        subjectID: String?, unitID: Int64?, year: Int?, month: Int?, before: String?, after: String?,
        previousHash: String
    ) -> String {
        let fields: [String?] = [
            at, actorID.map(String.init), actor, address, action, subjectKind, subjectID, unitID.map(String.init),
            year.map(String.init), month.map(String.init), before, after, previousHash,
        ]
        var text = "peakzero-audit-v1"
        for field in fields {
            if let field { text += "|\(field.utf8.count):\(field)" } else { text += "|-" }
        }
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The hash this entry's contents call for, given the hash it says comes before it.
    public var expectedHash: String {
        Self.hash(
            at: at, actorID: actorId, actor: actor, address: address, action: action, subjectKind: subjectKind,
            subjectID: subjectId, unitID: unitId, year: year, month: month, before: beforeState, after: afterState,
            previousHash: previousHash)
    }
}

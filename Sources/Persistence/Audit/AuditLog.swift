import Foundation
import SQLKit

/// The append-only, hash-chained audit trail. Stores append inside the transaction that makes the
/// change, so a change and its entry are written together or not at all.
public enum AuditLog {
    /// What the first entry names as the hash before it.
    static let genesis = String(repeating: "0", count: 64)
    /// PostgreSQL advisory lock held while appending, so two transactions never chain onto the
    /// same entry. (SQLite needs none: its write transactions run one at a time.)
    static let appendLock: Int64 = 0x7065_616B_6175_6469

    /// Appends one entry for `change`, made by the task's current actor, inside the caller's transaction.
    public static func append(_ change: AuditChange, in db: any SQLDatabase) async throws {
        try await append([change], in: db)
    }

    /// Appends entries for several changes in order, reading the chain's end once.
    public static func append(_ changes: [AuditChange], in db: any SQLDatabase) async throws {
        guard !changes.isEmpty else { return }
        let dialect: Dialect = db.dialect.name == "postgresql" ? .postgres : .sqlite
        if dialect == .postgres { try await db.raw("SELECT pg_advisory_xact_lock(\(bind: appendLock))").run() }
        let last = try await db.select().column("hash").from("audit_log").orderBy("id", .descending).limit(1).first()
        let rows = try chained(changes, after: try last?.decode(column: "hash", as: String.self) ?? genesis)
        try await BulkInsert.run(table: "audit_log", columns: Row.columns, rows: rows, dialect: dialect, in: db)
    }

    /// The same, on a bulk SQLite connection inside its transaction.
    static func append(_ changes: [AuditChange], in raw: SQLiteRaw) throws {
        guard !changes.isEmpty else { return }
        let last = try raw.prepare("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1")
        let rows = try chained(changes, after: try last.step() ? last.text(0) : genesis)
        try BulkInsert.run(table: "audit_log", columns: Row.columns, rows: rows, in: raw)
    }

    /// The rows of `changes`, each chained to the one before, by the task's current actor.
    private static func chained(_ changes: [AuditChange], after previous: String) throws -> [[BulkValue]] {
        let actor = try AuditActor.acting()
        var previous = previous
        return changes.map { change in
            let row = Row(change, actor: actor, previousHash: previous)
            previous = row.hash
            return row.values
        }
    }

    /// An entry ready to insert, its hash computed.
    struct Row {
        static let columns = Array(AuditEntry.columns.dropFirst())
        let values: [BulkValue]
        let hash: String

        init(_ change: AuditChange, actor: AuditActor, previousHash: String, at: String = Timestamp.now()) {
            let before = change.before?.json
            let after = change.after?.json
            hash = AuditEntry.hash(
                at: at, actorID: actor.accountID, actor: actor.name, address: actor.address,
                action: change.action.rawValue, subjectKind: change.subjectKind, subjectID: change.subjectID,
                unitID: change.unitID, year: change.year, month: change.month, before: before, after: after,
                previousHash: previousHash)
            values = [
                .text(at), BulkValue(actor.accountID), .text(actor.name), BulkValue(actor.address),
                .text(change.action.rawValue), .text(change.subjectKind), BulkValue(change.subjectID),
                BulkValue(change.unitID), BulkValue(change.year), BulkValue(change.month), BulkValue(before),
                BulkValue(after), .text(previousHash), .text(hash),
            ]
        }
    }
}

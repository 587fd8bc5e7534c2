import Accounting
import Foundation
import SQLKit

/// A verifier's finding on a unit's period, as kept.
public struct StoredFinding: Sendable, Codable, Equatable {
    public let id: Int64
    public let text: String
    public let author: String
    public let createdAt: String
}

extension ReviewStore {
    /// Records a finding by the task's current actor; an empty text or one over 4,000 characters is refused.
    @discardableResult
    public func recordFinding(unitID: Int64, period: ReportingPeriod, text: String) async throws -> StoredFinding {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= 4000 else { throw ReviewRefusal.findingEmptyOrLong }
        let actor = try AuditActor.acting()
        let now = Timestamp.string(clock())
        return try await database.transaction { db in
            let row = try await db.insert(into: "findings")
                .columns("unit_id", "year", "first_month", "last_month", "text", "author_id", "author", "created_at")
                .values(
                    SQLBind(unitID), SQLBind(period.year), SQLBind(period.firstMonth), SQLBind(period.lastMonth),
                    SQLBind(text), BulkValue(actor.accountID).bind, SQLBind(actor.name), SQLBind(now)
                ).returning("id").first()
            let id = try row!.decode(column: "id", as: Int64.self)
            try await AuditLog.append(
                AuditChange(
                    .findingRecorded, subjectKind: "finding", subjectID: id, unitID: unitID, year: period.year,
                    month: period.firstMonth == period.lastMonth ? period.firstMonth : nil,
                    after: AuditState(["period": .text(period.description), "text": .text(text)])), in: db)
            return StoredFinding(id: id, text: text, author: actor.name, createdAt: now)
        }
    }

    /// The findings on a unit's period, oldest first.
    public func findings(unitID: Int64, period: ReportingPeriod) async throws -> [StoredFinding] {
        try await database.sql.select().columns("id", "text", "author", "created_at").from("findings")
            .where("unit_id", .equal, SQLBind(unitID)).where("year", .equal, SQLBind(period.year))
            .where("first_month", .equal, SQLBind(period.firstMonth)).orderBy("id")
            .all(decoding: StoredFinding.self, keyDecodingStrategy: .convertFromSnakeCase)
    }
}

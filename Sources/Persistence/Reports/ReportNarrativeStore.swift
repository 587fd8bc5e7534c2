import Accounting
import Reports
import SQLKit

/// The climate section's narrative of a unit and year: read as a draft, saved section by section
/// (refused whole when any section holds markup or is too long), audited with the texts before and
/// after.
public struct ReportNarrativeStore: Sendable {
    let database: PeakZeroDatabase

    public init(_ database: PeakZeroDatabase) { self.database = database }

    public func narrative(unitID: Int64, year: Int) async throws -> ClimateNarrative {
        try await Self.read(unitID: unitID, year: year, in: database.sql)
    }

    /// Saves every section; `StoreError.invalid` naming each bad section (as its field) when any is.
    public func save(_ narrative: ClimateNarrative, unitID: Int64, year: Int) async throws -> ClimateNarrative {
        let problems = narrative.problems()
        guard problems.isEmpty else {
            throw StoreError.invalid(
                problems.map { InputIssue(column: $0.field, problem: .stated(zh: $0.zh, en: $0.en)) })
        }
        let actor = try AuditActor.acting().name
        return try await database.transaction { db in
            guard try await UnitStore.find(id: unitID, in: db) != nil else {
                throw StoreError.notFound(kind: "unit", id: String(unitID))
            }
            let before = try await Self.read(unitID: unitID, year: year, in: db)
            let now = Timestamp.now()
            try await db.delete(from: "report_narratives").where("unit_id", .equal, SQLBind(unitID))
                .where("year", .equal, SQLBind(year)).run()
            for field in ClimateNarrative.fields where !narrative[field].isEmpty {
                try await db.insert(into: "report_narratives")
                    .columns("unit_id", "year", "section", "text", "updated_by", "updated_at")
                    .values(
                        SQLBind(unitID), SQLBind(year), SQLBind(field), SQLBind(narrative[field]), SQLBind(actor),
                        SQLBind(now)
                    ).run()
            }
            func state(_ narrative: ClimateNarrative) -> AuditState {
                AuditState(
                    Dictionary(uniqueKeysWithValues: ClimateNarrative.fields.map { ($0, AuditState.Value.text(narrative[$0])) }))
            }
            try await AuditLog.append(
                AuditChange(
                    .narrativeSaved, subjectKind: "report_narrative", subjectID: unitID, unitID: unitID, year: year,
                    before: state(before), after: state(narrative)), in: db)
            return narrative
        }
    }

    static func read(unitID: Int64, year: Int, in db: any SQLDatabase) async throws -> ClimateNarrative {
        var narrative = ClimateNarrative()
        for row in try await db.select().columns("section", "text").from("report_narratives")
            .where("unit_id", .equal, SQLBind(unitID)).where("year", .equal, SQLBind(year)).all()
        {
            narrative[try row.decode(column: "section", as: String.self)] = try row.decode(column: "text", as: String.self)
        }
        return narrative
    }
}

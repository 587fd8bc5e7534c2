import Accounting
import Foundation
import Pathways
import SQLKit

/// A region's or a unit's plan as kept: the plan's JSON as it was saved, and who saved which
/// revision when.
public struct StoredPlan: Sendable, Equatable {
    public let subject: PlanSubject
    public let document: String
    /// Its scenarios' peaks as last run; nil when it could not run then.
    public let summary: PlanSummary?
    public let revision: Int
    public let updatedBy: String
    public let updatedAt: String

    /// The plan the document holds (it was checked before it was kept).
    public func file() throws -> PlanFile {
        do { return try PlanFile.decode(Data(document.utf8)) } catch {
            throw StoreError.conflict("the saved plan of \(subject.auditID): \(error.field): \(error.reason)")
        }
    }
}

/// The carbon-peak plans of regions and units: one per subject, saved whole after every scenario
/// has been checked, each save raising the revision and audited with the document's hash.
public struct PathwayPlanStore: Sendable {
    let database: PeakZeroDatabase

    public init(_ database: PeakZeroDatabase) { self.database = database }

    struct Row: Decodable {
        let subjectKind: String
        let subjectKey: String
        let document: String
        let summary: String
        let revision: Int
        let updatedBy: String
        let updatedAt: String

        var stored: StoredPlan? {
            guard let subject = PlanSubject(kind: subjectKind, key: subjectKey) else { return nil }
            return StoredPlan(
                subject: subject, document: document, summary: PlanSummary.read(summary), revision: revision,
                updatedBy: updatedBy, updatedAt: updatedAt)
        }
    }

    static let columns = ["subject_kind", "subject_key", "document", "summary", "revision", "updated_by", "updated_at"]

    public func plan(_ subject: PlanSubject) async throws -> StoredPlan? {
        try await Self.find(subject, in: database.sql)
    }

    /// Every region's stored plan, by region code.
    public func regionPlans() async throws -> [StoredPlan] {
        try await database.sql.select().columns(Self.columns)
            .from("pathway_plans").where("subject_kind", .equal, SQLBind("region")).orderBy("subject_key")
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).compactMap(\.stored)
    }

    /// The plan checked whole and made ready to run: a region's on its statistics, a unit's on its
    /// inventory; each judged beside the targets set for it in target management.
    public func check(_ file: PlanFile, for subject: PlanSubject) async throws -> CheckedPlan {
        switch subject {
        case .region(let code): try await RegionalStatisticsStore(database).check(file, savedFor: code)
        case .unit(let id): try await UnitHistoryStore(database).check(file, unitID: id)
        }
    }

    /// Saves a region's or unit's plan after checking it whole (`ScenarioProblems` when it cannot run;
    /// nothing is kept then). `revision` is the revision the planner edited: when another save came
    /// in between, the save is refused as a conflict rather than overwriting it unseen.
    @discardableResult
    public func save(_ file: PlanFile, for subject: PlanSubject, revision expected: Int?) async throws -> StoredPlan {
        let checked = try await check(file, for: subject)
        let document = try Self.document(checked.file)
        let summary = PlanSummary(checked)
        let actor = try AuditActor.acting().name
        let now = Timestamp.now()
        return try await database.transaction { db in
            let before = try await Self.find(subject, in: db)
            if let expected, expected != (before?.revision ?? 0) {
                throw StoreError.conflict("revision \(before?.revision ?? 0) is stored, not \(expected)")
            }
            let revision = (before?.revision ?? 0) + 1
            if before == nil {
                try await db.insert(into: "pathway_plans")
                    .columns(Self.columns)
                    .values(
                        SQLBind(subject.kind), SQLBind(subject.key), SQLBind(document), SQLBind(summary.json), SQLBind(revision), SQLBind(actor),
                        SQLBind(now)
                    ).run()
            } else {
                try await db.update("pathway_plans").set("document", to: SQLBind(document))
                    .set("summary", to: SQLBind(summary.json))
                    .set("revision", to: SQLBind(revision)).set("updated_by", to: SQLBind(actor))
                    .set("updated_at", to: SQLBind(now)).where("subject_kind", .equal, SQLBind(subject.kind))
                    .where("subject_key", .equal, SQLBind(subject.key)).run()
            }
            try await AuditLog.append(
                AuditChange(
                    .planSaved, subjectKind: "pathway_plan", subjectID: subject.auditID,
                    before: try before.map { try Self.auditState($0.file(), document: $0.document, revision: $0.revision) },
                    after: Self.auditState(checked.file, document: document, revision: revision)), in: db)
            return StoredPlan(
                subject: subject, document: document, summary: summary, revision: revision, updatedBy: actor,
                updatedAt: now)
        }
    }

    /// Runs the plans of these regions again and keeps their peaks: their statistics changed. A
    /// plan that no longer runs keeps no summary (its page says why).
    public func renewSummaries(regions: Set<String>) async throws {
        var affected: [StoredPlan] = []
        for chunk in Array(regions).chunked(by: 1_000) {
            affected += try await database.sql.select().columns(Self.columns).from("pathway_plans")
                .where("subject_kind", .equal, SQLBind("region")).where("subject_key", .in, SQLBind.group(Array(chunk)))
                .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).compactMap(\.stored)
        }
        for plan in affected {
            let summary = try? PlanSummary(await check(try plan.file(), for: plan.subject))
            try await database.sql.update("pathway_plans").set("summary", to: SQLBind(summary?.json ?? ""))
                .where("subject_kind", .equal, SQLBind(plan.subject.kind))
                .where("subject_key", .equal, SQLBind(plan.subject.key)).run()
        }
    }

    /// The plan's JSON as kept: keys sorted and indented, so two saves of one plan are one text.
    static func document(_ file: PlanFile) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(file), as: UTF8.self)
    }

    static func auditState(_ file: PlanFile, document: String, revision: Int) -> AuditState {
        return AuditState([
            "revision": .int(Int64(revision)), "sha256": .text(Secret.hash(document)),
            "scenarios": .text(file.scenarios.map(\.id).joined(separator: ",")),
            "targets": .int(Int64(file.targets?.count ?? 0)),
        ])
    }

    static func find(_ subject: PlanSubject, in db: any SQLDatabase) async throws -> StoredPlan? {
        try await db.select().columns(Self.columns)
            .from("pathway_plans").where("subject_kind", .equal, SQLBind(subject.kind))
            .where("subject_key", .equal, SQLBind(subject.key))
            .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)?.stored
    }
}

import Accounting
import Foundation
import Pathways
import SQLKit

/// A region's plan as kept: the plan's JSON as it was saved, and who saved which revision when.
public struct StoredPlan: Sendable, Equatable {
    public let regionCode: String
    public let document: String
    /// Its scenarios' peaks as last run; nil when it could not run then.
    public let summary: PlanSummary?
    public let revision: Int
    public let updatedBy: String
    public let updatedAt: String

    /// The plan the document holds (it was checked before it was kept).
    public func file() throws -> PlanFile {
        do { return try PlanFile.decode(Data(document.utf8)) } catch {
            throw StoreError.conflict("the saved plan of \(regionCode): \(error.field): \(error.reason)")
        }
    }
}

/// The regions' carbon-peak plans: one per region, saved whole after every scenario has been
/// checked, each save raising the revision and audited with the document's hash.
public struct PathwayPlanStore: Sendable {
    let database: PeakZeroDatabase

    public init(_ database: PeakZeroDatabase) { self.database = database }

    struct Row: Decodable {
        let regionCode: String
        let document: String
        let summary: String
        let revision: Int
        let updatedBy: String
        let updatedAt: String

        var stored: StoredPlan {
            StoredPlan(
                regionCode: regionCode, document: document, summary: PlanSummary.read(summary), revision: revision,
                updatedBy: updatedBy, updatedAt: updatedAt)
        }
    }

    static let columns = ["region_code", "document", "summary", "revision", "updated_by", "updated_at"]

    public func plan(region: String) async throws -> StoredPlan? {
        try await Self.find(region, in: database.sql)
    }

    /// Every stored plan, by region code.
    public func plans() async throws -> [StoredPlan] {
        try await database.sql.select().columns(Self.columns)
            .from("pathway_plans").orderBy("region_code")
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.stored)
    }

    /// Saves a region's plan after checking it whole (`ScenarioProblems` when it cannot run;
    /// nothing is kept then). `revision` is the revision the planner edited: when another save came
    /// in between, the save is refused as a conflict rather than overwriting it unseen.
    @discardableResult
    public func save(_ file: PlanFile, region: String, revision expected: Int?) async throws -> StoredPlan {
        let checked = try await RegionalStatisticsStore(database).check(file, savedFor: region)
        let document = try Self.document(checked.file)
        let summary = PlanSummary(checked)
        let actor = try AuditActor.acting().name
        let now = Timestamp.now()
        return try await database.transaction { db in
            let before = try await Self.find(region, in: db)
            if let expected, expected != (before?.revision ?? 0) {
                throw StoreError.conflict("revision \(before?.revision ?? 0) is stored, not \(expected)")
            }
            let revision = (before?.revision ?? 0) + 1
            if before == nil {
                try await db.insert(into: "pathway_plans")
                    .columns(Self.columns)
                    .values(
                        SQLBind(region), SQLBind(document), SQLBind(summary.json), SQLBind(revision), SQLBind(actor),
                        SQLBind(now)
                    ).run()
            } else {
                try await db.update("pathway_plans").set("document", to: SQLBind(document))
                    .set("summary", to: SQLBind(summary.json))
                    .set("revision", to: SQLBind(revision)).set("updated_by", to: SQLBind(actor))
                    .set("updated_at", to: SQLBind(now)).where("region_code", .equal, SQLBind(region)).run()
            }
            try await AuditLog.append(
                AuditChange(
                    .planSaved, subjectKind: "pathway_plan", subjectID: region,
                    before: try before.map { try Self.auditState($0.file(), document: $0.document, revision: $0.revision) },
                    after: Self.auditState(checked.file, document: document, revision: revision)), in: db)
            return StoredPlan(
                regionCode: region, document: document, summary: summary, revision: revision, updatedBy: actor,
                updatedAt: now)
        }
    }

    /// Runs the plans of these regions again and keeps their peaks: their statistics changed. A
    /// plan that no longer runs keeps no summary (its page says why).
    public func renewSummaries(regions: Set<String>) async throws {
        var affected: [StoredPlan] = []
        for chunk in Array(regions).chunked(by: 1_000) {
            affected += try await database.sql.select().columns(Self.columns).from("pathway_plans")
                .where("region_code", .in, SQLBind.group(Array(chunk)))
                .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.stored)
        }
        for plan in affected {
            let summary = try? PlanSummary(
                await RegionalStatisticsStore(database).check(try plan.file(), savedFor: plan.regionCode))
            try await database.sql.update("pathway_plans").set("summary", to: SQLBind(summary?.json ?? ""))
                .where("region_code", .equal, SQLBind(plan.regionCode)).run()
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

    static func find(_ region: String, in db: any SQLDatabase) async throws -> StoredPlan? {
        try await db.select().columns(Self.columns)
            .from("pathway_plans").where("region_code", .equal, SQLBind(region))
            .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)?.stored
    }
}

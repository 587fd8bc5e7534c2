import Accounting
import Foundation
import Pathways
import SQLKit

/// A new-project review as kept: the project, the scenario and plan revision it was placed on, and
/// each target's verdict with the figures it was judged on — a record of the judgement as made,
/// which a later change to the plan does not rewrite.
public struct StoredReview: Sendable, Equatable, Codable {
    public let id: Int64
    public let subject: PlanSubject
    public let planRevision: Int
    public let scenario: String
    public let project: ProposedProject
    public let judgements: [ProjectReview.Judgement]
    /// The effect on the totals in the years that matter (the targets' years, every fifth year).
    public let effects: [ProjectEffect]
    /// The worst verdict; nil when the plan had no targets.
    public let verdict: ProjectReview.Verdict?
    public let createdBy: String
    public let createdAt: String

    enum CodingKeys: String, CodingKey {
        case id, regionCode, unitId, planRevision, scenario, project, judgements, effects, verdict, createdBy, createdAt
    }

    /// As the API answers it: the region's code or the unit's id, then the review.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encodeIfPresent(subject.regionCode, forKey: .regionCode)
        try container.encodeIfPresent(subject.unitID, forKey: .unitId)
        try container.encode(planRevision, forKey: .planRevision)
        try container.encode(scenario, forKey: .scenario)
        try container.encode(project, forKey: .project)
        try container.encode(judgements, forKey: .judgements)
        try container.encode(effects, forKey: .effects)
        try container.encodeIfPresent(verdict, forKey: .verdict)
        try container.encode(createdBy, forKey: .createdBy)
        try container.encode(createdAt, forKey: .createdAt)
    }
}

extension StoredReview {
    /// As the API answers it (`encode(to:)`), read back: the region's code or the unit's id.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Int64.self, forKey: .id)
        // Both read first, so a reader of the shape (the API document's probe) sees both.
        let regionCode = try container.decodeIfPresent(String.self, forKey: .regionCode)
        let unitID = try container.decodeIfPresent(Int64.self, forKey: .unitId)
        if let regionCode {
            subject = .region(regionCode)
        } else if let unitID {
            subject = .unit(unitID)
        } else {
            throw DecodingError.keyNotFound(
                CodingKeys.unitId, .init(codingPath: container.codingPath, debugDescription: "region_code or unit_id"))
        }
        planRevision = try container.decode(Int.self, forKey: .planRevision)
        scenario = try container.decode(String.self, forKey: .scenario)
        project = try container.decode(ProposedProject.self, forKey: .project)
        judgements = try container.decode([ProjectReview.Judgement].self, forKey: .judgements)
        effects = try container.decode([ProjectEffect].self, forKey: .effects)
        verdict = try container.decodeIfPresent(ProjectReview.Verdict.self, forKey: .verdict)
        createdBy = try container.decode(String.self, forKey: .createdBy)
        createdAt = try container.decode(String.self, forKey: .createdAt)
    }
}

/// New-project reviews (节能审查): a project judged against a region's or unit's stored plan and
/// kept, audited.
public struct ProjectReviewStore: Sendable {
    let database: PeakZeroDatabase

    public init(_ database: PeakZeroDatabase) { self.database = database }

    struct Row: Decodable {
        let id: Int64
        let subjectKind: String
        let subjectKey: String
        let planRevision: Int
        let scenarioId: String
        let project: String
        let judgements: String
        let effects: String
        let verdict: String
        let createdBy: String
        let createdAt: String

        func stored() throws -> StoredReview {
            let decoder = JSONDecoder()
            guard let subject = PlanSubject(kind: subjectKind, key: subjectKey) else {
                throw StoreError.conflict("review \(id) names an unknown subject \(subjectKind) \(subjectKey)")
            }
            return StoredReview(
                id: id, subject: subject, planRevision: planRevision, scenario: scenarioId,
                project: try decoder.decode(ProposedProject.self, from: Data(project.utf8)),
                judgements: try decoder.decode([ProjectReview.Judgement].self, from: Data(judgements.utf8)),
                effects: try decoder.decode([ProjectEffect].self, from: Data(effects.utf8)),
                verdict: ProjectReview.Verdict(rawValue: verdict), createdBy: createdBy, createdAt: createdAt)
        }
    }

    static let columns = [
        "id", "subject_kind", "subject_key", "plan_revision", "scenario_id", "project", "judgements", "effects", "verdict",
        "created_by", "created_at",
    ]

    /// Places a project on a scenario of the subject's stored plan (its baseline when none is
    /// named), judges it against the plan's targets and keeps the review. Nothing is kept when the
    /// subject has no plan (`notFound`) or the project does not fit the plan (`ScenarioProblems`).
    public func review(
        _ project: ProposedProject, for subject: PlanSubject, scenario: String?
    ) async throws -> (stored: StoredReview, review: ProjectReview) {
        let plans = PathwayPlanStore(database)
        guard let plan = try await plans.plan(subject) else {
            throw StoreError.notFound(kind: "pathway_plan", id: subject.auditID)
        }
        let checked = try await plans.check(try plan.file(), for: subject)
        let review = try ProjectReview.review(
            project, on: scenario ?? checked.baselineID ?? "", in: checked.set, targets: checked.targets,
            tolerance: checked.tolerance)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let projectJSON = String(decoding: try encoder.encode(project), as: UTF8.self)
        let judgementsJSON = String(decoding: try encoder.encode(review.judgements), as: UTF8.self)
        let effectsJSON = String(decoding: try encoder.encode(review.effects), as: UTF8.self)
        let actor = try AuditActor.acting().name
        let now = Timestamp.now()
        let stored = try await database.transaction { db in
            let row = try await db.insert(into: "project_reviews").columns(
                "subject_kind", "subject_key", "plan_revision", "scenario_id", "project_name", "project", "judgements", "effects",
                "verdict", "created_by", "created_at")
                .values(
                    SQLBind(subject.kind), SQLBind(subject.key), SQLBind(plan.revision), SQLBind(review.scenario), SQLBind(project.name),
                    SQLBind(projectJSON), SQLBind(judgementsJSON), SQLBind(effectsJSON), SQLBind(review.verdict?.rawValue ?? ""),
                    SQLBind(actor), SQLBind(now)
                ).returning("id").first()
            let id = try row!.decode(column: "id", as: Int64.self)
            try await AuditLog.append(
                AuditChange(
                    .projectReviewed, subjectKind: "project_review", subjectID: id, year: project.startYear,
                    after: AuditState([
                        subject.kind: .text(subject.key), "project": .text(project.name), "scenario": .text(review.scenario),
                        "plan_revision": .int(Int64(plan.revision)), "verdict": .text(review.verdict?.rawValue ?? ""),
                    ])), in: db)
            return try await Self.find(id, in: db)
        }
        return (stored!, review)
    }

    /// The reviews of a region or unit, newest first.
    public func reviews(_ subject: PlanSubject) async throws -> [StoredReview] {
        try await database.sql.select().columns(Self.columns).from("project_reviews")
            .where("subject_kind", .equal, SQLBind(subject.kind)).where("subject_key", .equal, SQLBind(subject.key))
            .orderBy("id", .descending)
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).map { try $0.stored() }
    }

    public func review(id: Int64) async throws -> StoredReview? { try await Self.find(id, in: database.sql) }

    static func find(_ id: Int64, in db: any SQLDatabase) async throws -> StoredReview? {
        try await db.select().columns(Self.columns).from("project_reviews").where("id", .equal, SQLBind(id))
            .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)?.stored()
    }
}

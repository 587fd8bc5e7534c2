import Accounting
import Foundation
import Hummingbird
import Pathways
import Persistence

/// A region's or unit's plan, its roadmap and its new-project reviews.
extension PathwaysAPI {
    /// A plan's JSON may be this large: a provincial plan with dozens of scenarios is a few tens of
    /// kilobytes; the bound keeps one request from asking the server for unbounded work.
    static let maximumPlanBytes = 1 << 20

    /// The region `{code}` names (a county, city or province code of six digits); 404 otherwise.
    static func region(_ request: Request, _ context: PeakZeroContext) throws -> String {
        guard let code = context.parameters.get("code"), code.count == 6, let region = RegionPrefix(code) else {
            throw APIError.notFound(request.language.say(.noSuchObject))
        }
        return region.code
    }

    /// Whose plan the route is about: the region `{code}` or the unit `{id}`; 404 when there is none.
    func subject(_ request: Request, _ context: PeakZeroContext) async throws -> PlanSubject {
        guard let place = try await PlanPlace.find(context, request.language, in: database) else {
            throw APIError.notFound(request.language.say(.noSuchObject))
        }
        return place.subject
    }

    /// A plan or review request's body: at most `maximumPlanBytes`, decoded by the plan's own keys
    /// (snake_case, as in plan files); a field that does not fit is named.
    static func body<T: Decodable>(_ type: T.Type, of request: Request) async throws -> T {
        let language = request.language
        var request = request
        let body = try await request.collectBody(upTo: maximumPlanBytes + 1)
        guard body.readableBytes <= maximumPlanBytes else {
            throw APIError(
                status: .contentTooLarge, code: "too_large",
                message: language.say(.planTooLarge, ["limit": "\(maximumPlanBytes)"]))
        }
        do { return try JSONDecoder().decode(T.self, from: Data(buffer: body)) } catch let error as DecodingError {
            let problem = PlanFileError(error)
            throw APIError(
                status: .unprocessableContent, code: "invalid",
                message: language.say(.planUnreadable, ["field": problem.field, "reason": problem.reason]),
                issues: [.init(row: nil, field: problem.field, message: problem.reason)])
        }
    }

    /// "地区 510000", "unit 12": whose plan a message speaks of.
    static func named(_ subject: PlanSubject, _ language: Language) -> String {
        switch (subject, language) {
        case (.region(let code), .zh): "地区 \(code) "
        case (.region(let code), .en): "region \(code)"
        case (.unit(let id), .zh): "单位 \(id) "
        case (.unit(let id), .en): "unit \(id)"
        }
    }

    func storedPlan(_ subject: PlanSubject, _ language: Language) async throws -> StoredPlan {
        guard let plan = try await PathwayPlanStore(database).plan(subject) else {
            throw APIError.notFound(language.say(.noPlan, ["subject": Self.named(subject, language)]))
        }
        return plan
    }

    func plan(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let plan = try await storedPlan(try await subject(request, context), request.language)
        return try jsonResponse(PlanDocument(plan))
    }

    func savePlan(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let subject = try await subject(request, context)
        let language = request.language
        let revision = try request.query("revision", as: Int.self)
        let file = try await Self.body(PlanFile.self, of: request)
        do {
            return try jsonResponse(
                PlanDocument(try await PathwayPlanStore(database).save(file, for: subject, revision: revision)))
        } catch StoreError.conflict {
            let now = try await PathwayPlanStore(database).plan(subject)?.revision ?? 0
            throw APIError(status: .conflict, code: "conflict", message: language.say(.planStale, ["revision": "\(now)"]))
        }
    }

    func roadmap(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let subject = try await subject(request, context)
        let plan = try await storedPlan(subject, request.language)
        let checked = try await PathwayPlanStore(database).check(try plan.file(), for: subject)
        return try jsonResponse(
            RoadmapDocument(
                region: subject.regionCode, unitId: subject.unitID, planRevision: plan.revision, roadmap: checked.roadmap()))
    }

    func reviews(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let subject = try await subject(request, context)
        return try jsonResponse(ReviewList(reviews: try await ProjectReviewStore(database).reviews(subject)))
    }

    func review(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let subject = try await subject(request, context)
        guard let id = context.parameters.get("review").flatMap({ Int64($0) }),
            let review = try await ProjectReviewStore(database).review(id: id), review.subject == subject
        else { throw APIError.notFound(request.language.say(.noSuchObject)) }
        return try jsonResponse(review)
    }

    func createReview(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let subject = try await subject(request, context)
        let body = try await Self.body(ReviewRequest.self, of: request)
        do {
            let (stored, _) = try await ProjectReviewStore(database).review(
                body.project, for: subject, scenario: body.scenario)
            return try jsonResponse(stored, status: .created)
        } catch StoreError.notFound {
            throw APIError.notFound(request.language.say(.noPlan, ["subject": Self.named(subject, request.language)]))
        }
    }
}

/// A subject's new-project reviews, newest first.
struct ReviewList: Codable {
    let reviews: [StoredReview]
}

/// What a review request carries: the project and the scenario to place it on.
struct ReviewRequest: Decodable {
    let scenario: String?
    let project: ProposedProject
}

/// A stored plan as the API answers it: whose it is (the region's code or the unit's id), the plan
/// as saved, its revision, who saved it when.
struct PlanDocument: Codable {
    let region: String?
    let unitId: Int64?
    let revision: Int
    let updatedBy: String
    let updatedAt: String
    let plan: PlanFile

    init(_ stored: StoredPlan) throws {
        region = stored.subject.regionCode
        unitId = stored.subject.unitID
        revision = stored.revision
        updatedBy = stored.updatedBy
        updatedAt = stored.updatedAt
        plan = try stored.file()
    }
}

struct RoadmapDocument: Codable {
    let region: String?
    let unitId: Int64?
    let planRevision: Int
    let roadmap: Roadmap
}

import Accounting
import Foundation
import Hummingbird
import Pathways
import Persistence

/// A region's plan, its roadmap and its new-project reviews.
extension PathwaysAPI {
    /// A plan's JSON may be this large: a provincial plan with dozens of scenarios is a few tens of
    /// kilobytes; the bound keeps one request from asking the server for unbounded work.
    static let maximumPlanBytes = 1 << 20

    /// The region `{code}` names (a county, city or province code of six digits); 404 otherwise.
    static func region(_ request: Request, _ context: PeakZeroContext) throws -> String {
        guard let region = PageHandlers.pathwayRegion(context) else {
            throw APIError.notFound(request.language.say(.noSuchObject))
        }
        return region.code
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

    func storedPlan(_ region: String, _ language: Language) async throws -> StoredPlan {
        guard let plan = try await PathwayPlanStore(database).plan(region: region) else {
            throw APIError.notFound(language.say(.noPlan, ["region": region]))
        }
        return plan
    }

    func plan(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let plan = try await storedPlan(try Self.region(request, context), request.language)
        return try jsonResponse(PlanDocument(plan))
    }

    func savePlan(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let region = try Self.region(request, context)
        let language = request.language
        let revision = try request.query("revision", as: Int.self)
        let file = try await Self.body(PlanFile.self, of: request)
        do {
            return try jsonResponse(PlanDocument(try await PathwayPlanStore(database).save(file, region: region, revision: revision)))
        } catch StoreError.conflict {
            let now = try await PathwayPlanStore(database).plan(region: region)?.revision ?? 0
            throw APIError(status: .conflict, code: "conflict", message: language.say(.planStale, ["revision": "\(now)"]))
        }
    }

    func roadmap(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let region = try Self.region(request, context)
        let plan = try await storedPlan(region, request.language)
        let checked = try await RegionalStatisticsStore(database).check(try plan.file(), savedFor: region)
        return try jsonResponse(RoadmapDocument(region: region, planRevision: plan.revision, roadmap: checked.roadmap()))
    }

    func reviews(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let region = try Self.region(request, context)
        return try jsonResponse(["reviews": try await ProjectReviewStore(database).reviews(region: region)])
    }

    func review(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let region = try Self.region(request, context)
        guard let review = try await ProjectReviewStore(database).review(id: try context.id()),
            review.regionCode == region
        else { throw APIError.notFound(request.language.say(.noSuchObject)) }
        return try jsonResponse(review)
    }

    func createReview(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let region = try Self.region(request, context)
        let body = try await Self.body(ReviewRequest.self, of: request)
        do {
            let (stored, _) = try await ProjectReviewStore(database).review(
                body.project, region: region, scenario: body.scenario)
            return try jsonResponse(stored, status: .created)
        } catch StoreError.notFound {
            throw APIError.notFound(request.language.say(.noPlan, ["region": region]))
        }
    }
}

/// What a review request carries: the project and the scenario to place it on.
struct ReviewRequest: Decodable {
    let scenario: String?
    let project: ProposedProject
}

/// A stored plan as the API answers it: the plan as saved, its revision, who saved it when.
struct PlanDocument: Encodable {
    let region: String
    let revision: Int
    let updatedBy: String
    let updatedAt: String
    let plan: PlanFile

    init(_ stored: StoredPlan) throws {
        region = stored.regionCode
        revision = stored.revision
        updatedBy = stored.updatedBy
        updatedAt = stored.updatedAt
        plan = try stored.file()
    }
}

struct RoadmapDocument: Encodable {
    let region: String
    let planRevision: Int
    let roadmap: Roadmap
}

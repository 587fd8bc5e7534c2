import Accounting
import Foundation
import Governance
import Hummingbird
import Intake
import Persistence

/// Targets through the API: set by managers within their subtrees (and regions), read by every
/// account that sees their subject, split among the subject's children, with progress and warnings.
struct TargetsAPI: Sendable {
    let database: PeakZeroDatabase
    /// The date in China, for this year, this month and today.
    let clock: ChinaClock

    struct Subject: Decodable {
        let unitId: Int64?
        let regionCode: String?
        let name: String?
    }

    struct SplitBody: Decodable {
        let method: String?
        /// For a region's target: `children` (its cities or counties, the default) or `groups`.
        let among: String?
        /// For a split by hand: each child's target, naming the child.
        let children: [ManualChild]?
    }

    struct ManualChild: Decodable {
        let unitId: Int64?
        let regionCode: String?
    }

    struct TargetBody: Codable {
        let id: Int64
        let name: String
        let unitId: Int64?
        let regionCode: String?
        let parentTargetId: Int64?
        let splitMethod: String?
        let unit: String
        let definition: TargetDefinition
        let progress: ProgressBody
    }

    struct ProgressBody: Codable {
        let year: Int
        let throughMonth: Int
        let toDate: Double?
        let expectedToDate: Double?
        let forecast: Double?
        let limit: Double?
        let periodEndForecast: Double?
        let periodEndLimit: Double?
        let ratio: Double?
        let light: TrafficLight
        let expectation: Expectation
        let reasons: [String]

        init(_ p: TargetProgress, _ language: Language) {
            year = p.year
            throughMonth = p.throughMonth
            toDate = p.toDate?.value
            expectedToDate = p.expectedToDate?.value
            forecast = p.forecast?.value
            limit = p.limit?.value
            periodEndForecast = p.periodEndForecast?.value
            periodEndLimit = p.periodEndLimit?.value
            ratio = p.ratio
            light = p.light
            expectation = p.expectation
            reasons = p.reasons.map { $0.message(language) }
        }
    }

    struct DetailBody: Codable {
        let target: TargetBody
        let children: [TargetBody]
        let check: CheckBody?
    }

    struct CheckBody: Codable {
        let parentLimit: Double?
        let childrenCombined: Double?
        let gap: Double?
        let holds: Bool?
        let undetermined: [Int64]
    }

    func board() -> GovernanceBoard { GovernanceBoard(database, currentYear: clock.year) }

    /// - Parameter board: one per request, so that targets on the same subjects read their figures once.
    func body(_ stored: StoredTarget, _ language: Language, _ board: GovernanceBoard) async throws -> TargetBody {
        return TargetBody(
            id: stored.id, name: stored.name, unitId: stored.subject.unitID, regionCode: stored.subject.regionCode,
            parentTargetId: stored.parentTargetID,
            splitMethod: stored.splitMethod?.rawValue,
            unit: stored.target.kind.code == "peak" ? "tCO2e" : stored.target.indicator.symbol,
            definition: TargetDefinition(stored.target),
            progress: ProgressBody(try await board.progress(of: stored), language))
    }

    func list(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        var subject: TargetSubject?
        if let id = try request.query("unit_id", as: Int64.self) { subject = .unit(id) }
        if let code = request.uri.queryParameters.get("region") {
            guard let region = RegionPrefix(String(code)) else { throw Self.badRegion(request.language) }
            subject = .region(region)
        }
        let targets = try await TargetStore(database).list(
            scope: context.readScope, subject: subject, year: try request.query("year", as: Int.self))
        let board = board()
        var bodies: [TargetBody] = []
        for target in targets { bodies.append(try await body(target, request.language, board)) }
        return try jsonResponse(try Page(bodies, request))
    }

    func create(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let data = Data(buffer: try await request.body.collect(upTo: context.maxUploadSize))
        let who = try context.requestDecoder.decode(Subject.self, from: data)
        let definition = try context.requestDecoder.decode(TargetDefinition.self, from: data)
        let subject = try await Self.subject(unitID: who.unitId, region: who.regionCode, request, context, database)
        let target = try Self.target(definition, request.language)
        let stored = try await TargetStore(database).create(name: who.name ?? "", subject: subject, target: target)
        return try jsonResponse(try await body(stored, request.language, board()), status: .created)
    }

    func get(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let stored = try await visible(request, context)
        let language = request.language
        let board = board()
        var children: [TargetBody] = []
        for child in try await TargetStore(database).children(of: stored.id) {
            children.append(try await body(child, language, board))
        }
        let check = try await board.check(stored).map {
            CheckBody(
                parentLimit: $0.parentLimit, childrenCombined: $0.childrenCombined, gap: $0.gap, holds: $0.holds,
                undetermined: $0.undetermined)
        }
        return try jsonResponse(
            DetailBody(target: try await body(stored, language, board), children: children, check: check))
    }

    func delete(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let stored = try await settable(request, context)
        try await TargetStore(database).delete(id: stored.id)
        return Response(status: .noContent)
    }

    func split(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let stored = try await settable(request, context)
        let data = Data(buffer: try await request.body.collect(upTo: context.maxUploadSize))
        let body = try context.requestDecoder.decode(SplitBody.self, from: data)
        let language = request.language
        guard let method = body.method.flatMap(SplitMethod.init(rawValue:)) else {
            throw APIError(
                status: .unprocessableContent, code: "invalid",
                message: language.say(.badSplitMethod),
                issues: [.init(row: nil, field: "method", message: body.method ?? "")])
        }
        var manual: [TargetSubject: TargetKind] = [:]
        if method == .manual {
            // Each child's own definition sits beside the child's unit_id or region_code.
            struct Children: Decodable { let children: [TargetDefinition]? }
            let definitions = try context.requestDecoder.decode(Children.self, from: data).children ?? []
            for (index, child) in (body.children ?? []).enumerated() {
                let subject: TargetSubject
                if let id = child.unitId {
                    subject = .unit(id)
                } else if let region = child.regionCode.flatMap(RegionPrefix.init) {
                    subject = .region(region)
                } else {
                    throw Self.childIssue(index, "unit_id", language.say(.childNeedsUnitOrRegion))
                }
                var definition = definitions[index]
                definition.indicator = definition.indicator ?? stored.target.indicator.rawValue
                definition.firstYear = definition.firstYear ?? stored.target.firstYear
                definition.lastYear = definition.lastYear ?? stored.target.lastYear
                do {
                    manual[subject] = try definition.target().kind
                } catch {
                    throw Self.childIssue(index, error.field, error.message(request.language))
                }
            }
        }
        do {
            guard let among = SplitAmong(rawValue: body.among ?? "children") else {
                throw APIError(
                    status: .unprocessableContent, code: "invalid",
                    message: language.say(.badSplitAmong),
                    issues: [.init(row: nil, field: "among", message: body.among ?? "")])
            }
            _ = try await board().split(stored.id, method: method, among: among, manual: manual)
        } catch let refusal as SplitRefusal {
            throw APIError(status: .unprocessableContent, code: "invalid", message: refusal.message(request.language))
        }
        return try await get(request, context)
    }

    /// A red or yellow target, or an overdue measure, as the warnings list shows it.
    struct WarningBody: Codable {
        let kind: String
        let light: TrafficLight
        let since: String
        let targetId: Int64?
        let measureId: Int64?
        let unitId: Int64?
        let regionCode: String?
        let title: String
        let reasons: [String]
    }

    func warnings(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let language = request.language
        let warnings = try await board().warnings(scope: context.readScope, today: clock.today)
        return try jsonResponse(
            try Page(
                warnings.map { warning in
                    if let target = warning.target {
                        return WarningBody(
                            kind: "target", light: warning.light, since: warning.since, targetId: target.id,
                            measureId: nil,
                            unitId: target.subject.unitID, regionCode: target.subject.regionCode, title: target.name,
                            reasons: warning.progress?.reasons.map { $0.message(language) } ?? [])
                    }
                    let measure = warning.measure!
                    return WarningBody(
                        kind: "measure", light: warning.light, since: warning.since, targetId: measure.targetId,
                        measureId: measure.id, unitId: measure.unitId, regionCode: nil, title: measure.title,
                        reasons: [
                            language.say(.measureOverdue, ["deadline": "\(measure.deadline)"])
                        ])
                }, request))
    }
}

import Accounting
import Foundation
import Governance
import Hummingbird
import Intake
import Persistence

/// Rankings and carbon-efficiency grades through the API.
struct RankingsAPI: Sendable {
    let database: PeakZeroDatabase
    /// The date in China, for this year, this month and today.
    let clock: ChinaClock

    func board() -> GovernanceBoard { GovernanceBoard(database, currentYear: clock.year) }

    /// The unit (`unit_id`) or region (`region`) a query names.
    static func subject(_ request: Request) throws -> TargetSubject {
        if let id = try request.query("unit_id", as: Int64.self) { return .unit(id) }
        if let code = request.uri.queryParameters.get("region") {
            guard let region = RegionPrefix(String(code)) else { throw TargetsAPI.badRegion(request.language) }
            return .region(region)
        }
        throw APIError.badRequest(request.language.say(.unitOrRegionRequired))
    }

    static func parse<T: RawRepresentable>(_ request: Request, _ name: String, default fallback: T) throws -> T
    where T.RawValue == String {
        guard let text = request.uri.queryParameters.get(name) else { return fallback }
        guard let value = T(rawValue: String(text)) else {
            throw APIError.badRequest(
                request.language.say(.notRecognised, ["name": "\(name)", "text": "\(text)"]))
        }
        return value
    }

    /// A unit's place in a ranking.
    struct Row: Codable {
        let unitId: Int64
        let code: String
        let name: String
        let value: Double?
        let rank: Int?
        let previousRank: Int?
        let change: Int?
        let peerGroup: String?
        let peerRank: Int?
    }

    func rankings(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let subject = try Self.subject(request)
        let indicator: TargetIndicator = try Self.parse(request, "indicator", default: .carbonIntensity)
        // Coal is capped by targets, not ranked: units are ranked on the four indicators.
        guard TargetIndicator.ranked.contains(indicator) else {
            throw APIError.badRequest(request.language.say(.notRecognised, ["name": "indicator", "text": indicator.rawValue]))
        }
        let measure: RankingMeasure = try Self.parse(request, "by", default: .value)
        let basis = TargetBasis(
            economicBase: try Self.parse(request, "base", default: .valueAdded),
            scope2: try Self.parse(request, "scope2", default: .location))
        let board = board()
        let units = try await board.rankingUnits(under: subject, scope: context.readScope)
        let rows = try await board.ranking(
            units, indicator: indicator, year: try request.requireQuery("year", as: Int.self), by: measure, basis: basis
        )
        return try jsonResponse(
            try Page(
                rows.map {
                    Row(
                        unitId: $0.unit.id, code: $0.unit.code, name: $0.unit.name, value: $0.value, rank: $0.rank,
                        previousRank: $0.previousRank, change: $0.change, peerGroup: $0.peerGroup,
                        peerRank: $0.peerRank)
                }, request))
    }

    struct GradeRow: Codable {
        let unitId: Int64
        let name: String?
        let year: Int?
        let industry: String?
        let intensity: Double?
        let industryAverage: Double?
        let benchmarked: Bool
        let k: Double?
        let level: Int?
        let grade: Int?
    }

    /// The grades of a subtree or region: each unit's, how many fall in each grade, and the scale.
    struct GradesBody: Codable {
        let units: [GradeRow]
        let distribution: [Int]
        let ungraded: Int
        let byIndustry: [String: [Int]]
        let scale: CarbonEfficiencyScale
    }

    func grades(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let year = try request.requireQuery("year", as: Int.self)
        let graded = try await board().grades(under: try Self.subject(request), year: year, scope: context.readScope)
        let names = Dictionary(uniqueKeysWithValues: graded.units.map { ($0.id, $0.name) })
        let distribution = CarbonEfficiency.distribution(graded.results, scale: graded.scale)
        var byIndustry: [String: [Int]] = [:]
        for (industry, results) in Dictionary(grouping: graded.results, by: { $0.industry ?? "" })
        where !industry.isEmpty {
            byIndustry[industry] = CarbonEfficiency.distribution(results, scale: graded.scale).counts
        }
        return try jsonResponse(
            GradesBody(
                units: graded.results.map { Self.row($0, name: names[$0.id], year: nil) },
                distribution: distribution.counts, ungraded: distribution.ungraded, byIndustry: byIndustry,
                scale: graded.scale))
    }

    func unitGrades(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let unit = try await UnitStore(database).unit(id: try context.id())
        let year = clock.year
        let history = try await board().gradeHistory(of: unit, years: (year - 9)...year)
        return try jsonResponse(try Page(history.map { Self.row($0.result, name: unit.name, year: $0.year) }, request))
    }

    static func row(_ r: CarbonEfficiency.Result, name: String?, year: Int?) -> GradeRow {
        GradeRow(
            unitId: r.id, name: name, year: year, industry: r.industry, intensity: r.intensity,
            industryAverage: r.industryAverage, benchmarked: r.benchmarked, k: r.k, level: r.level, grade: r.grade)
    }

    func scale(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        try jsonResponse(try await CarbonEfficiencyStore(database).scale())
    }

    struct ScaleBody: Decodable { let scale: CarbonEfficiencyScale? }

    func setScale(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        var request = request
        let body = try await request.decodeJSON(ScaleBody.self, context: context)
        try await CarbonEfficiencyStore(database).setScale(body.scale)
        return try await scale(request, context)
    }

    struct BenchmarksBody: Decodable {
        let source: String?
        let averages: [String: Double]?
    }

    func setBenchmarks(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let year = try context.id("year")
        let data = Data(buffer: try await request.body.collect(upTo: context.maxUploadSize))
        let averages: [String: Double]
        let source: String
        if request.headers[.contentType]?.hasPrefix("text/csv") == true {
            // A published table as CSV (industry, average_intensity), its source named in the query.
            do {
                averages = try BenchmarkTable.parse(String(decoding: data, as: UTF8.self))
            } catch let problems as InputIssues {
                throw APIError(StoreError.invalid(problems.issues), language: request.language)
            }
            source = request.uri.queryParameters.get("source").map { String($0) } ?? ""
        } else {
            let body = try context.requestDecoder.decode(BenchmarksBody.self, from: data)
            averages = body.averages ?? [:]
            source = body.source ?? ""
        }
        let store = CarbonEfficiencyStore(database)
        try await store.replaceBenchmarks(year: Int(year), averages: averages, source: source)
        return try jsonResponse(try await store.benchmarks(year: Int(year)))
    }
}

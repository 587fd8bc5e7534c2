import Accounting
import Assets
import Foundation
import Hummingbird
import Persistence

/// Reduction projects, the abatement curve, the carbon-asset ledger and ETS compliance through the
/// API: read with the unit; changed by those who change the unit's data; prices and rule records,
/// which the whole installation shares, by administrators.
struct AssetsAPI: Sendable {
    let database: PeakZeroDatabase
    let clock: ChinaClock

    /// `?rate=` (default 8 %, a real rate) and `?method=location|market` (default location).
    static func terms(_ request: Request) throws -> (rate: Double, method: Scope2Method) {
        let rate = try request.query("rate", as: Double.self) ?? ProjectCashFlows.defaultDiscountRate
        guard rate > -1, rate < 1 else {
            throw APIError.badRequest(
                request.language.say(.badQueryParameter, ["name": "rate", "text": "\(rate)"]),
                issues: [.init(row: nil, field: "rate", message: "\(rate)")])
        }
        let method = try request.query("method", as: String.self).map { text -> Scope2Method in
            guard let method = Scope2Method(rawValue: text) else {
                throw APIError.badRequest(
                    request.language.say(.badQueryParameter, ["name": "method", "text": text]),
                    issues: [.init(row: nil, field: "method", message: text)])
            }
            return method
        }
        return (rate, method ?? .location)
    }

    func figures(_ projects: [StoredProject], _ request: Request) async throws -> [ProjectFigures] {
        let (rate, method) = try Self.terms(request)
        return try await ProjectFigures.load(projects, in: database, rate: rate, method: method)
    }

    // MARK: projects

    func listProjects(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let projects = try await ProjectStore(database).list(under: try context.id())
        return try jsonResponse(try Page(try await figures(projects, request).map { ProjectBody($0) }, request))
    }

    func saveProject(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        var request = request
        let draft = try await request.decodeJSON(ProjectDraft.self, context: context)
        if let id = draft.targetId {
            let target = try? await TargetStore(database).target(id: id)
            guard let target, try await TargetStore(database).isVisible(target, in: context.readScope) else {
                throw APIError.notFound(request.language.say(.noSuchTarget))
            }
        }
        let stored = try await ProjectStore(database).save(
            unitID: try context.id(), draft, library: try await FactorSetStore(database).library())
        return try jsonResponse(ProjectBody(try await figures([stored], request)[0], lines: true), status: .created)
    }

    func getProject(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let stored = try await ProjectStore(database).project(id: try context.id())
        return try jsonResponse(ProjectBody(try await figures([stored], request)[0], lines: true))
    }

    struct StageChange: Decodable { let stage: String? }

    func setStage(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        var request = request
        let change = try await request.decodeJSON(StageChange.self, context: context)
        let stored = try await ProjectStore(database).setStage(id: try context.id(), to: change.stage ?? "")
        return try jsonResponse(ProjectBody(try await figures([stored], request)[0]))
    }

    func verify(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        var request = request
        let new = try await request.decodeJSON(NewVerification.self, context: context)
        let verification = try await ProjectStore(database).verify(
            id: try context.id(), new, library: try await FactorSetStore(database).library())
        return try jsonResponse(verification, status: .created)
    }

    struct CurveBody: Codable {
        struct Block: Codable {
            let code: String
            let name: String
            let costYuanPerT: Double
            let yearlyAbatementT: Double
            let startT: Double
        }
        struct Plan: Codable {
            let gapT: Double
            let projects: [String]
            let abatedT: Double
            let remainingT: Double
            let yearlyCostWanYuan: Double
            let interacting: Bool
        }
        let method: String
        let discountRate: Double
        let blocks: [Block]
        let totalT: Double
        let negativeCost: [String]
        let interacting: [[String]]
        /// Projects left off the curve: they abate nothing, or their figures cannot be computed.
        let leftOff: [String]
        let plan: Plan?
    }

    func abatementCurve(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let (rate, method) = try Self.terms(request)
        let gap = try request.query("gap", as: Double.self)
        if let gap, !gap.isFinite || abs(gap) > Plausible.largestAmount {
            throw APIError.badRequest(
                request.language.say(.badQueryParameter, ["name": "gap", "text": "\(gap)"]),
                issues: [.init(row: nil, field: "gap", message: "tCO2e, finite")])
        }
        let figures = try await figures(try await ProjectStore(database).list(under: try context.id()), request)
        let curve = AbatementCurve(figures.compactMap { $0.assessment?.block })
        let onCurve = Set(curve.blocks.map(\.code))
        var negative: [String] = []
        var interacting: [[String]] = []
        for warning in curve.warnings {
            switch warning {
            case .negativeCost(let codes): negative = codes
            case .interacting(let pairs): interacting = pairs
            }
        }
        let plan = gap.map { gap in
            let plan = curve.closing(Emissions(gap, .tonneCO2e))
            return CurveBody.Plan(
                gapT: gap, projects: plan.projects.map(\.code), abatedT: plan.abated.value(in: .tonneCO2e),
                remainingT: plan.remaining.value(in: .tonneCO2e), yearlyCostWanYuan: plan.yearlyCost.value(in: .tenThousandYuan),
                interacting: plan.interacting)
        }
        return try jsonResponse(
            CurveBody(
                method: method.rawValue, discountRate: rate,
                blocks: zip(curve.blocks, curve.starts).map { block, start in
                    CurveBody.Block(
                        code: block.code, name: block.name, costYuanPerT: block.cost.yuanPerTonne,
                        yearlyAbatementT: block.yearlyAbatement.value(in: .tonneCO2e), startT: start)
                },
                totalT: curve.total.value(in: .tonneCO2e), negativeCost: negative, interacting: interacting,
                leftOff: figures.map { $0.stored.unitCode + "/" + $0.stored.code }.filter { !onCurve.contains($0) },
                plan: plan))
    }

    // MARK: ledger

    /// `?date=` (default today in China).
    func day(_ request: Request) throws -> CalendarDay {
        guard let text = request.uri.queryParameters.get("date") else { return CalendarDay(parsing: clock.today)! }
        guard let day = CalendarDay(parsing: String(text)) else {
            throw APIError.badRequest(
                request.language.say(.badQueryParameter, ["name": "date", "text": String(text)]),
                issues: [.init(row: nil, field: "date", message: String(text))])
        }
        return day
    }

    struct HoldingsBody: Codable {
        struct Holding: Codable {
            let lot: Lot
            let quantity: Int64
            /// At the latest price of its kind on the date, when one is kept (CNY).
            let valueYuan: Double?
        }
        let date: CalendarDay
        let holdings: [Holding]
        let prices: [AssetPriceStore.Price]
        let totalValueYuan: Double
    }

    func balances(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let day = try day(request)
        let subtree = try request.query("subtree", as: Bool.self) ?? true
        let balances = try await AssetLedgerStore(database).balances(under: try context.id(), at: day, subtree: subtree)
        let prices = try await AssetPriceStore(database).latest(on: day)
        let holdings = balances.map { balance in
            HoldingsBody.Holding(
                lot: balance.lot, quantity: balance.quantity,
                valueYuan: prices[balance.lot.kind].map { $0.price * Double(balance.quantity) })
        }
        return try jsonResponse(
            HoldingsBody(
                date: day, holdings: holdings, prices: prices.values.sorted { $0.kind.rawValue < $1.kind.rawValue },
                totalValueYuan: holdings.compactMap(\.valueYuan).reduce(0, +)))
    }

    func listEvents(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let limit = try request.limit(default: 500, largest: 5_000)
        var cursor: LedgerCursor?
        if let text = request.uri.queryParameters.get("cursor") {
            guard let given = LedgerCursor(String(text)) else {
                throw APIError.badRequest(
                    request.language.say(.badQueryParameter, ["name": "cursor", "text": String(text)]),
                    issues: [.init(row: nil, field: "cursor", message: "a next_cursor of this list")])
            }
            cursor = given
        }
        let (events, more, total) = try await AssetLedgerStore(database).events(
            under: try context.id(), limit: limit, after: cursor)
        return try jsonResponse(
            Page(
                items: events, total: total,
                nextCursor: more ? events.last.map { LedgerCursor(after: $0).text } : nil))
    }

    func addEvent(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        var request = request
        let entries = try await request.decodeOneOrMany(NewAssetEvent.self, context: context)
        // A transfer changes the receiving unit's account too: it must be the author's to change.
        for to in entries.compactMap(\.toUnitId) where !(try await context.writeScope.contains(unitID: to, in: database)) {
            throw APIError.notFound(request.language.say(.noSuchUnit))
        }
        let added = try await AssetLedgerStore(database).append(unitID: try context.id(), entries)
        return try jsonResponse(Items(items: added), status: .created)
    }

    struct NewPrice: Decodable {
        let kind: String?
        let day: String?
        let price: Double?
        let source: String?
    }

    func setPrice(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        var request = request
        let new = try await request.decodeJSON(NewPrice.self, context: context)
        try await AssetPriceStore(database).set(
            kind: new.kind ?? "", day: new.day ?? "", price: new.price ?? .nan, source: new.source ?? "")
        return Response(status: .noContent)
    }

    // MARK: compliance

    struct BoardBody: Codable {
        struct Row: Codable {
            let unitId: Int64
            let unitCode: String
            let sector: String
            let allocation: Int64?
            let allocationSource: String
            /// The outputs an allocation by benchmark comes from, and its lines.
            let outputs: [AllocationOutput]
            let benchmark: Benchmark?
            let inventoryId: Int64?
            let position: Position?
        }
        struct Benchmark: Codable {
            struct Line: Codable {
                let output: String
                let quantity: Double
                let benchmark: Double
                let rule: String
                let correction: Double
                let correctionSource: String
                let allowancesT: Double
            }
            let lines: [Line]
            let totalT: Int64
        }
        struct Position: Codable {
            let verifiedT: Int64
            let obligationT: Int64
            let capApplied: Bool
            let surrenderedAllowances: Int64
            let surrenderedCredits: Int64
            let usableAllowances: Int64
            let heldCredits: Int64
            let creditLimit: Int64
            let usableCredits: Int64
            let shortfall: Int64
            let surplus: Int64
            let borrowable: Int64?
            let deadline: CalendarDay?
            let daysToDeadline: Int?
            let light: ComplianceLight
            /// The rule records the position applied, by id.
            let rules: [String]
        }
        let year: Int
        let date: CalendarDay
        let rows: [Row]
    }

    func board(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let year = try request.query("year", as: Int.self) ?? (clock.year - 1)
        let day = try day(request)
        let rows = try await ComplianceStore(database).board(under: try context.id(), year: year, today: day)
        return try jsonResponse(
            BoardBody(
                year: year, date: day,
                rows: rows.map { row in
                    BoardBody.Row(
                        unitId: row.year.unitId, unitCode: row.year.unitCode, sector: row.year.sector,
                        allocation: row.year.allocation, allocationSource: row.year.allocationSource,
                        outputs: row.year.outputs,
                        benchmark: row.benchmark.map { b in
                            BoardBody.Benchmark(
                                lines: b.lines.map {
                                    .init(
                                        output: $0.output.output, quantity: $0.output.quantity, benchmark: $0.benchmark.value,
                                        rule: $0.benchmark.record.id, correction: $0.output.correction,
                                        correctionSource: $0.output.correctionSource, allowancesT: $0.allowances)
                                }, totalT: b.total)
                        },
                        inventoryId: row.inventoryID,
                        position: row.position.map { p in
                            BoardBody.Position(
                                verifiedT: p.verified, obligationT: p.obligation, capApplied: p.capApplied,
                                surrenderedAllowances: p.surrenderedAllowances, surrenderedCredits: p.surrenderedCredits,
                                usableAllowances: p.usableAllowances, heldCredits: p.heldCredits,
                                creditLimit: p.creditLimit, usableCredits: p.usableCredits, shortfall: p.shortfall,
                                surplus: p.surplus, borrowable: p.borrowable, deadline: p.deadline,
                                daysToDeadline: p.daysToDeadline, light: p.light, rules: p.rule.records.map(\.id).sorted())
                        })
                }))
    }

    struct YearBody: Decodable {
        let sector: String?
        let allocation: Int64?
        let allocationSource: String?
        let outputs: [AllocationOutput]?
    }

    func setYear(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        var request = request
        let body = try await request.decodeJSON(YearBody.self, context: context)
        let stored = try await ComplianceStore(database).setYear(
            unitID: try context.id(), year: try context.id("year").asInt, sector: body.sector ?? "",
            allocation: body.allocation, allocationSource: body.allocationSource ?? "", outputs: body.outputs ?? [])
        return try jsonResponse(stored)
    }

    struct RuleBody: Codable {
        let id: String
        let market: String
        let sectors: [String]
        let firstYear: Int
        let lastYear: Int
        let parameter: String
        let value: String
        let grade: String
        let source: String
        let document: String
        let url: String
        let notes: String
        let entered: Bool
        /// A benchmark's output; empty for other parameters.
        let output: String

        init(_ r: MarketRuleRecord) {
            id = r.id
            market = r.market
            sectors = r.sectors
            firstYear = r.years.lowerBound
            lastYear = r.years.upperBound
            parameter = r.parameter.rawValue
            value = r.value
            grade = r.grade.rawValue
            source = r.source
            document = r.document
            url = r.url
            notes = r.notes
            entered = r.entered
            output = r.output
        }
    }

    func listRules(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        try jsonResponse(try Page(try await MarketRuleStore(database).book().records.map(RuleBody.init), request))
    }

    func addRule(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        var request = request
        let new = try await request.decodeJSON(NewMarketRule.self, context: context)
        return try jsonResponse(RuleBody(try await MarketRuleStore(database).add(new)), status: .created)
    }
}

extension Int64 {
    var asInt: Int { Int(truncatingIfNeeded: self) }
}

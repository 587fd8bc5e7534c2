import Accounting
import Assets
import Foundation
import SQLKit

/// A rule record as a user enters it (a published plan's rule PeakZero does not ship).
public struct NewMarketRule: Sendable, Codable, Equatable {
    public var id: String?
    public var market: String?
    public var sectors: [String]?
    public var firstYear: Int?
    public var lastYear: Int?
    public var parameter: String?
    public var value: String?
    public var grade: String?
    public var source: String?
    public var document: String?
    public var url: String?
    public var notes: String?
    /// For a benchmark: the output it applies to (`electricity_supplied` …).
    public var output: String?

    public init(
        id: String?, market: String? = "national", sectors: [String]? = [], firstYear: Int?, lastYear: Int? = nil,
        parameter: String?, value: String?, grade: String? = "U", source: String?, document: String? = nil,
        url: String? = nil, notes: String? = nil, output: String? = nil
    ) {
        self.id = id
        self.market = market
        self.sectors = sectors
        self.firstYear = firstYear
        self.lastYear = lastYear
        self.parameter = parameter
        self.value = value
        self.grade = grade
        self.source = source
        self.document = document
        self.url = url
        self.notes = notes
        self.output = output
    }
}

/// The rule records users enter, kept beside the bundled ones (`carbon-market-rules.csv`); the
/// book of both is what compliance positions and the ledger apply. Every record added is audited.
public struct MarketRuleStore: Sendable {
    let database: PeakZeroDatabase

    public init(_ database: PeakZeroDatabase) { self.database = database }

    /// The entered records and the bundled ones.
    public func book() async throws -> MarketRuleBook {
        MarketRuleBook(entered: try await entered())
    }

    public func entered() async throws -> [MarketRuleRecord] {
        try await database.sql.select().columns(
            "id", "market", "sectors", "first_year", "last_year", "parameter", "value", "grade", "source", "document",
            "url", "notes", "output"
        ).from("market_rules").orderBy("id").all().compactMap { row in
            guard let parameter = MarketRuleParameter(rawValue: try row.decode(column: "parameter", as: String.self)),
                let grade = Grade(rawValue: try row.decode(column: "grade", as: String.self))
            else { return nil }
            let sectors = try row.decode(column: "sectors", as: String.self)
            return MarketRuleRecord(
                id: try row.decode(column: "id", as: String.self), market: try row.decode(column: "market", as: String.self),
                sectors: sectors.isEmpty ? [] : sectors.split(separator: ";").map(String.init),
                years: try row.decode(column: "first_year", as: Int.self)...(try row.decode(column: "last_year", as: Int.self)),
                parameter: parameter, value: try row.decode(column: "value", as: String.self), grade: grade,
                source: try row.decode(column: "source", as: String.self),
                document: try row.decode(column: "document", as: String.self),
                url: try row.decode(column: "url", as: String.self), notes: try row.decode(column: "notes", as: String.self),
                output: try row.decode(column: "output", as: String.self))
        }
    }

    /// Adds a record: every field checked, the value read as its parameter needs it.
    @discardableResult
    public func add(_ new: NewMarketRule) async throws -> MarketRuleRecord {
        var problems: [LedgerProblem] = []
        let id = (new.id ?? "").trimmed
        if id.isEmpty || id.count > 40 { problems.append(LedgerProblem(field: "id", kind: .ruleField)) }
        let parameter = new.parameter.flatMap { MarketRuleParameter(rawValue: $0.trimmed) }
        if parameter == nil {
            problems.append(
                LedgerProblem(
                    field: "parameter", kind: .notOneOf,
                    arguments: ["allowed": MarketRuleParameter.allCases.map(\.rawValue).joined(separator: ", ")]))
        }
        let first = new.firstYear ?? 0
        let last = new.lastYear ?? 2100
        if !(2005...2100).contains(first) || last < first { problems.append(LedgerProblem(field: "first_year", kind: .vintage)) }
        let grade = Grade(rawValue: (new.grade ?? "U").trimmed.uppercased())
        if grade == nil { problems.append(LedgerProblem(field: "grade", kind: .notOneOf, arguments: ["allowed": "V, S, U"])) }
        let source = (new.source ?? "").trimmed
        if source.isEmpty { problems.append(LedgerProblem(field: "source", kind: .ruleSource)) }
        let value = (new.value ?? "").trimmed
        if let parameter, !Self.valueFits(value, parameter) {
            problems.append(LedgerProblem(field: "value", kind: .ruleValue, arguments: ["parameter": parameter.rawValue]))
        }
        let output = (new.output ?? "").trimmed
        if parameter == .benchmark, output.isEmpty || output.count > 40 {
            problems.append(LedgerProblem(field: "output", kind: .outputName))
        }
        if let parameter, parameter != .benchmark, !output.isEmpty {
            problems.append(LedgerProblem(field: "output", kind: .outputOnlyForBenchmark))
        }
        guard problems.isEmpty, let parameter, let grade else { throw LedgerProblems(problems) }
        let sectors = (new.sectors ?? []).map(\.trimmed).filter { !$0.isEmpty && $0 != "*" }
        let record = MarketRuleRecord(
            id: id, market: (new.market ?? "national").trimmed, sectors: sectors, years: first...last,
            parameter: parameter, value: value, grade: grade, source: source, document: (new.document ?? "").trimmed,
            url: (new.url ?? "").trimmed, notes: (new.notes ?? "").trimmed, output: output)
        try await database.transaction { db in
            if try await db.select().column("id").from("market_rules").where("id", .equal, SQLBind(id)).first() != nil
                || MarketRuleRecord.bundled.contains(where: { $0.id == id })
            {
                throw LedgerProblems([LedgerProblem(field: "id", kind: .ruleTaken, arguments: ["id": id])])
            }
            try await db.insert(into: "market_rules")
                .columns(
                    "id", "market", "sectors", "first_year", "last_year", "parameter", "value", "grade", "source",
                    "document", "url", "notes", "output", "created_by", "created_at"
                )
                .values(
                    SQLBind(id), SQLBind(record.market), SQLBind(sectors.joined(separator: ";")), SQLBind(first),
                    SQLBind(last), SQLBind(parameter.rawValue), SQLBind(value), SQLBind(grade.rawValue),
                    SQLBind(source), SQLBind(record.document), SQLBind(record.url), SQLBind(record.notes),
                    SQLBind(output), SQLBind(try AuditActor.acting().name), SQLBind(Timestamp.now())
                ).run()
            try await AuditLog.append(
                AuditChange(
                    .marketRuleAdded, subjectKind: "market_rule", subjectID: id, year: first,
                    after: AuditState([
                        "parameter": .text(parameter.rawValue), "value": .text(value), "source": .text(source),
                        "sectors": .text(sectors.joined(separator: ";")), "output": .text(output),
                    ])), in: db)
        }
        return record
    }

    static func valueFits(_ value: String, _ parameter: MarketRuleParameter) -> Bool {
        switch parameter {
        case .ccerLimit, .shortfallCap, .borrowMinimumGap, .borrowMaximumShare:
            return Double(value).map { $0 >= 0 && $0 <= 1 } ?? false
        case .deadline: return CalendarDay(parsing: value) != nil
        case .borrowVintage: return Int(value).map { (2005...2100).contains($0) } ?? false
        case .allocationEqualsVerified, .carryOver, .countsPurchasedElectricity: return Bool(value.lowercased()) != nil
        case .certificateValidityMonths: return Int(value).map { (1...120).contains($0) } ?? false
        case .benchmark: return Double(value).map { $0.isFinite && $0 > 0 && $0 < 100 } ?? false
        }
    }
}

/// The price series holdings are valued at: a price per instrument kind and day, with its source.
public struct AssetPriceStore: Sendable {
    let database: PeakZeroDatabase

    public init(_ database: PeakZeroDatabase) { self.database = database }

    public struct Price: Sendable, Codable, Equatable {
        public let kind: InstrumentKind
        public let day: String
        public let price: Double
        public let source: String
    }

    /// Sets the price of a kind on a day (replacing that day's price), audited.
    public func set(kind text: String, day: String, price: Double, source: String) async throws {
        var problems: [LedgerProblem] = []
        let kind = InstrumentKind(rawValue: text.trimmed.lowercased())
        if kind == nil { problems.append(LedgerProblem(field: "kind", kind: .notOneOf, arguments: ["allowed": "cea, ccer, gec, pilot"])) }
        if CalendarDay(parsing: day) == nil { problems.append(LedgerProblem(field: "day", kind: .day)) }
        if !(price >= 0) {
            problems.append(LedgerProblem(field: "price", kind: .price))
        } else if !Plausible.isAmount(price) {
            problems.append(LedgerProblem(field: "price", kind: .beyondPlausible))
        }
        if source.trimmed.isEmpty { problems.append(LedgerProblem(field: "source", kind: .ruleSource)) }
        guard problems.isEmpty, let kind else { throw LedgerProblems(problems) }
        try await database.transaction { db in
            try await db.delete(from: "asset_prices").where("kind", .equal, SQLBind(kind.rawValue))
                .where("day", .equal, SQLBind(day)).run()
            try await db.insert(into: "asset_prices").columns("kind", "day", "price", "source")
                .values(SQLBind(kind.rawValue), SQLBind(day), SQLBind(price), SQLBind(source.trimmed)).run()
            try await AuditLog.append(
                AuditChange(
                    .assetPriceSet, subjectKind: "asset_price", subjectID: "\(kind.rawValue):\(day)",
                    year: CalendarDay(parsing: day)?.year,
                    after: AuditState(["price": .double(price), "source": .text(source.trimmed)])), in: db)
        }
    }

    /// The latest price of each kind on or before `day`.
    public func latest(on day: CalendarDay) async throws -> [InstrumentKind: Price] {
        var result: [InstrumentKind: Price] = [:]
        for row in try await database.sql.select().columns("kind", "day", "price", "source").from("asset_prices")
            .where("day", .lessThanOrEqual, SQLBind(day.description)).orderBy("day").all()
        {
            guard let kind = InstrumentKind(rawValue: try row.decode(column: "kind", as: String.self)) else { continue }
            result[kind] = Price(
                kind: kind, day: try row.decode(column: "day", as: String.self),
                price: try row.decode(column: "price", as: Double.self),
                source: try row.decode(column: "source", as: String.self))
        }
        return result
    }
}

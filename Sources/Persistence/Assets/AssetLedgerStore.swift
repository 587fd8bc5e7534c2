import Accounting
import Assets
import Foundation
import SQLKit

/// An entry as the API, a form or a template row gives it. `action` is a ledger action, or
/// `transfer` with `to_unit_id`: two entries, out of this unit and into the other.
public struct NewAssetEvent: Sendable, Codable, Equatable {
    public var day: String?
    public var action: String?
    public var kind: String?
    public var vintage: Int?
    public var month: Int?
    public var reference: String?
    public var methodology: String?
    public var quantity: Int64?
    public var price: Double?
    public var counterparty: String?
    public var complianceYear: Int?
    public var retiredFor: String?
    public var late: Bool?
    public var toUnitId: Int64?

    public init(
        day: String?, action: String?, kind: String?, vintage: Int?, month: Int? = nil, reference: String? = nil,
        methodology: String? = nil, quantity: Int64?, price: Double? = nil, counterparty: String? = nil,
        complianceYear: Int? = nil, retiredFor: String? = nil, late: Bool? = nil, toUnitId: Int64? = nil
    ) {
        self.day = day
        self.action = action
        self.kind = kind
        self.vintage = vintage
        self.month = month
        self.reference = reference
        self.methodology = methodology
        self.quantity = quantity
        self.price = price
        self.counterparty = counterparty
        self.complianceYear = complianceYear
        self.retiredFor = retiredFor
        self.late = late
        self.toUnitId = toUnitId
    }
}

/// Where a page of ledger entries ends: the day and id of its last entry, as `day.id` in text.
public struct LedgerCursor: Sendable, Equatable {
    public let day: Int
    public let id: Int64

    public init(after event: StoredAssetEvent) {
        day = event.event.day.ordinal
        id = event.id
    }

    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let day = Int(parts[0]), let id = Int64(parts[1]), id > 0 else { return nil }
        self.day = day
        self.id = id
    }

    public var text: String { "\(day).\(id)" }
}

/// A kept entry, with the unit it belongs to.
public struct StoredAssetEvent: Sendable, Codable, Equatable {
    public let id: Int64
    public let unitId: Int64
    public let unitCode: String
    public let event: LedgerEvent
    public let createdBy: String
    public let createdAt: String
}

/// One lot's balance in a subtree or a unit on a day.
public struct LotBalance: Sendable, Codable, Equatable {
    public let lot: Lot
    public let quantity: Int64

    public init(lot: Lot, quantity: Int64) {
        self.lot = lot
        self.quantity = quantity
    }
}

/// The carbon-asset ledger as kept: every entry appended in a transaction that first rebuilds the
/// balances it could break (the unit's, the other unit's for a transfer, and every account's for a
/// green certificate's lot) and checks the entry against them, so a stored ledger can never hold a
/// negative balance or a certificate retired twice. Every entry is audited.
public struct AssetLedgerStore: Sendable {
    let database: PeakZeroDatabase

    public init(_ database: PeakZeroDatabase) { self.database = database }

    static let columns = """
        e.id, e.unit_id, u.code AS unit_code, e.day, e.action, e.kind, e.vintage, e.month, e.reference, e.methodology, \
        e.quantity, e.price, e.counterparty, e.compliance_year, e.retired_for, e.late, e.created_by, e.created_at
        """

    struct Row: Decodable {
        let id: Int64
        let unitId: Int64
        let unitCode: String
        let day: String
        let action: String
        let kind: String
        let vintage: Int
        let month: Int?
        let reference: String
        let methodology: String
        let quantity: Int64
        let price: Double?
        let counterparty: String
        let complianceYear: Int?
        let retiredFor: String?
        let late: Int
        let createdBy: String
        let createdAt: String

        var stored: StoredAssetEvent? {
            guard let day = CalendarDay(parsing: day), let action = LedgerAction(rawValue: action),
                let kind = InstrumentKind(rawValue: kind)
            else { return nil }
            let lot = Lot(kind: kind, vintage: vintage, month: month, reference: reference, methodology: methodology)
            return StoredAssetEvent(
                id: id, unitId: unitId, unitCode: unitCode,
                event: LedgerEvent(
                    account: unitCode, day: day, action: action, lot: lot, quantity: quantity, priceYuan: price,
                    counterparty: counterparty, complianceYear: complianceYear, retiredFor: retiredFor, late: late != 0),
                createdBy: createdBy, createdAt: createdAt)
        }
    }

    static func select(_ db: any SQLDatabase) -> SQLSelectBuilder {
        db.select().column(SQLRaw(columns))
            .from(SQLAlias(SQLIdentifier("asset_events"), as: SQLIdentifier("e")))
            .join(SQLAlias(SQLIdentifier("units"), as: SQLIdentifier("u")), method: SQLJoinMethod.inner, on: SQLRaw("u.id = e.unit_id"))
    }

    /// Reads an entry's fields, naming each that is wrong; the unit's code is its account.
    static func event(_ new: NewAssetEvent, account: String) throws(LedgerProblems) -> LedgerEvent {
        var problems: [LedgerProblem] = []
        let day = new.day.flatMap(CalendarDay.init(parsing:))
        if day == nil { problems.append(LedgerProblem(field: "day", kind: .day)) }
        let kind = new.kind.flatMap { InstrumentKind(rawValue: $0.trimmed.lowercased()) }
        if kind == nil {
            problems.append(
                LedgerProblem(field: "kind", kind: .notOneOf, arguments: ["allowed": "cea, ccer, gec, pilot"]))
        }
        let actionText = (new.action ?? "").trimmed.lowercased()
        let action = actionText == "transfer" ? LedgerAction.transferOut : LedgerAction(rawValue: actionText)
        if action == nil {
            let allowed = (LedgerAction.allCases.map(\.rawValue) + ["transfer"]).joined(separator: ", ")
            problems.append(LedgerProblem(field: "action", kind: .notOneOf, arguments: ["allowed": allowed]))
        }
        if new.vintage == nil { problems.append(LedgerProblem(field: "vintage", kind: .vintage)) }
        if new.quantity == nil { problems.append(LedgerProblem(field: "quantity", kind: .quantity)) }
        guard problems.isEmpty, let day, let kind, let action, let vintage = new.vintage, let quantity = new.quantity
        else { throw LedgerProblems(problems) }
        return LedgerEvent(
            account: account, day: day, action: action,
            lot: Lot(
                kind: kind, vintage: vintage, month: new.month, reference: (new.reference ?? "").trimmed,
                methodology: (new.methodology ?? "").trimmed),
            quantity: quantity, priceYuan: new.price, counterparty: (new.counterparty ?? "").trimmed,
            complianceYear: new.complianceYear, retiredFor: new.retiredFor?.trimmed, late: new.late ?? false)
    }

    /// Appends an entry (or a transfer's two) to the unit's account, or refuses it whole.
    @discardableResult
    public func append(unitID: Int64, _ new: NewAssetEvent) async throws -> [StoredAssetEvent] {
        try await append(unitID: unitID, [new])
    }

    /// Appends entries in their order, all or none: each is checked against the balances as the
    /// entries before it left them; a refusal names the entry's position (`entries[n].field`) when
    /// there are several.
    @discardableResult
    public func append(unitID: Int64, _ entries: [NewAssetEvent]) async throws -> [StoredAssetEvent] {
        let rules = try await MarketRuleStore(database).book()
        return try await database.transaction { db in
            var booking = try await LedgerBooking(entries.map { (unitID, $0) }, rules: rules, in: db)
            var ids: [Int64] = []
            for (position, new) in entries.enumerated() {
                do {
                    ids += try await booking.book(unitID: unitID, new, in: db)
                } catch let problems as LedgerProblems where entries.count > 1 {
                    throw LedgerProblems(
                        problems.problems.map {
                            LedgerProblem(field: "entries[\(position + 1)].\($0.field)", kind: $0.kind, arguments: $0.arguments)
                        })
                }
            }
            return try await Self.select(db).where(SQLColumn("id", table: "e"), .in, SQLBind.group(ids))
                .orderBy(SQLColumn("id", table: "e")).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
                .compactMap(\.stored)
        }
    }

    /// Entries of several units from a file, booked in order in one transaction, each checked
    /// against the balances as the entries before it left them (a refused entry is left out and
    /// the next is checked without it). Kept whole when every entry passes and `keep` is set,
    /// otherwise rolled back (a dry run, or the check before writing). The refused entries'
    /// problems, by their position in `entries`.
    public func appendAll(
        _ entries: [(unitID: Int64, entry: NewAssetEvent)], keep: Bool, provenance: RecordBatch?
    ) async throws -> [Int: LedgerProblems] {
        let rules = try await MarketRuleStore(database).book()
        return try await database.transaction(committingIf: { problems in keep && problems.isEmpty }) { db in
            if let provenance { _ = try await provenance.insert(count: entries.count, in: db) }
            var booking = try await LedgerBooking(entries, rules: rules, in: db)
            var problems: [Int: LedgerProblems] = [:]
            for (position, entry) in entries.enumerated() {
                do {
                    _ = try await booking.book(unitID: entry.unitID, entry.entry, in: db)
                } catch let refused as LedgerProblems {
                    problems[position] = refused
                }
            }
            return problems
        }
    }

    /// Adds an entry's change to its day's row of the unit and of every unit above it.
    static func rollUp(_ entry: LedgerEvent, path: String, in db: any SQLDatabase) async throws {
        for unit in path.split(separator: "/").compactMap({ Int64($0) }) {
            try await db.raw(
                """
                INSERT INTO asset_rollup (unit_id, kind, vintage, month, reference, methodology, day_ordinal, delta)
                VALUES (\(bind: unit), \(bind: entry.lot.kind.rawValue), \(bind: entry.lot.vintage), \(bind: entry.lot.month ?? 0),
                \(bind: entry.lot.reference), \(bind: entry.lot.methodology), \(bind: entry.day.ordinal), \(bind: entry.delta))
                ON CONFLICT (unit_id, day_ordinal, kind, vintage, month, reference, methodology)
                DO UPDATE SET delta = asset_rollup.delta + excluded.delta
                """
            ).run()
        }
    }

    /// Rebuilds the roll-up from the entries: for a bulk load that wrote entries directly.
    public func rebuildRollup() async throws {
        try await database.transaction { db in
            try await db.delete(from: "asset_rollup").run()
            var paths: [Int64: String] = [:]
            for row in try await db.select().columns("id", "path").from("units").all() {
                paths[try row.decode(column: "id", as: Int64.self)] = try row.decode(column: "path", as: String.self)
            }
            struct Key: Hashable {
                let unit: Int64, kind: String, vintage: Int, month: Int, reference: String, methodology: String, day: Int
            }
            var sums: [Key: Int64] = [:]
            for row in try await db.raw(
                """
                SELECT unit_id, kind, vintage, month, reference, methodology, day_ordinal,
                CAST(SUM(delta) AS BIGINT) AS delta FROM asset_events
                GROUP BY unit_id, kind, vintage, month, reference, methodology, day_ordinal
                """
            ).all() {
                let unit = try row.decode(column: "unit_id", as: Int64.self)
                let delta = try row.decode(column: "delta", as: Int64.self)
                for above in (paths[unit] ?? "").split(separator: "/").compactMap({ Int64($0) }) {
                    let key = Key(
                        unit: above, kind: try row.decode(column: "kind", as: String.self),
                        vintage: try row.decode(column: "vintage", as: Int.self),
                        month: try row.decode(column: "month", as: Int?.self) ?? 0,
                        reference: try row.decode(column: "reference", as: String.self),
                        methodology: try row.decode(column: "methodology", as: String.self),
                        day: try row.decode(column: "day_ordinal", as: Int.self))
                    sums[key, default: 0] += delta
                }
            }
            let rows = Array(sums)
            for first in stride(from: 0, to: rows.count, by: 2_000) {
                var insert = db.insert(into: "asset_rollup").columns(
                    "unit_id", "kind", "vintage", "month", "reference", "methodology", "day_ordinal", "delta")
                for (key, delta) in rows[first..<min(first + 2_000, rows.count)] {
                    insert = insert.values(
                        SQLBind(key.unit), SQLBind(key.kind), SQLBind(key.vintage), SQLBind(key.month),
                        SQLBind(key.reference), SQLBind(key.methodology), SQLBind(key.day), SQLBind(delta))
                }
                try await insert.run()
            }
        }
    }

    /// The balances of a unit's subtree (or of the unit alone) at the end of `day`, by lot: one
    /// grouped sum over the subtree's roll-up rows (or the unit's own entries).
    public func balances(under unitID: Int64, at day: CalendarDay, subtree: Bool = true) async throws -> [LotBalance] {
        _ = try await UnitLookup.anchor(unitID, in: database.sql)
        let table = subtree ? "asset_rollup" : "asset_events"
        // PostgreSQL sums a BIGINT as NUMERIC: cast back, so both databases answer an integer.
        let rows = try await database.sql.raw(
            """
            SELECT kind, vintage, month, reference, methodology, CAST(SUM(delta) AS BIGINT) AS balance
            FROM \(unsafeRaw: table) WHERE unit_id = \(bind: unitID) AND day_ordinal <= \(bind: day.ordinal)
            GROUP BY kind, vintage, month, reference, methodology
            """
        ).all()
        return try rows.compactMap { row -> LotBalance? in
            let balance = try row.decode(column: "balance", as: Int64.self)
            guard balance != 0, let kind = InstrumentKind(rawValue: try row.decode(column: "kind", as: String.self))
            else { return nil }
            let month = try row.decode(column: "month", as: Int?.self)
            let lot = Lot(
                kind: kind, vintage: try row.decode(column: "vintage", as: Int.self), month: month == 0 ? nil : month,
                reference: try row.decode(column: "reference", as: String.self),
                methodology: try row.decode(column: "methodology", as: String.self))
            return LotBalance(lot: lot, quantity: balance)
        }.sorted { $0.lot < $1.lot }
    }

    /// The entries of a unit's subtree, newest first (at most `limit`).
    public func events(under unitID: Int64, limit: Int = 500) async throws -> [StoredAssetEvent] {
        try await events(under: unitID, limit: limit, after: nil).events
    }

    /// A page of a subtree's entries in the same order: `limit` of those after `cursor` (the last
    /// entry of the page before), whether more follow, and how many the subtree has in all. Entries added meanwhile
    /// — always on or after their day's earlier ones — do not shift the pages after the first.
    public func events(under unitID: Int64, limit: Int, after cursor: LedgerCursor?) async throws -> (
        events: [StoredAssetEvent], more: Bool, total: Int
    ) {
        let anchor = try await UnitLookup.anchor(unitID, in: database.sql)
        func subtree(_ query: SQLSelectBuilder) -> SQLSelectBuilder {
            query.where(SQLColumn("root_id", table: "e"), .equal, SQLBind(anchor.rootID))
                .where(SQLColumn("path", table: "u"), .like, SQLBind(anchor.path + "%"))
        }
        var page = subtree(Self.select(database.sql))
        if let cursor {
            page = page.where(
                SQLQueryString(
                    "(e.day_ordinal < \(bind: cursor.day) OR (e.day_ordinal = \(bind: cursor.day) AND e.id < \(bind: cursor.id)))"
                ))
        }
        // One more than asked: whether another page follows.
        let events = try await page.orderBy(SQLRaw("e.day_ordinal DESC, e.id DESC")).limit(limit + 1)
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).compactMap(\.stored)
        let count = database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(SQLAlias(SQLIdentifier("asset_events"), as: SQLIdentifier("e")))
            .join(SQLAlias(SQLIdentifier("units"), as: SQLIdentifier("u")), method: SQLJoinMethod.inner, on: SQLRaw("u.id = e.unit_id"))
        let total = try await subtree(count).first()?.decode(column: "n", as: Int.self) ?? 0
        return (Array(events.prefix(limit)), events.count > limit, total)
    }

    /// The green certificates retired against the electricity of a subtree's units in a year, by
    /// unit and period (a year, or a month of it) — what an inventory of that year counts as green.
    static func certificateClaims(under anchor: UnitLookup.Entry, year: Int, in db: any SQLDatabase) async throws
        -> [CertificateClaim]
    {
        let rows = try await Self.select(db)
            .where(SQLColumn("root_id", table: "e"), .equal, SQLBind(anchor.rootID))
            .where(SQLColumn("path", table: "u"), .like, SQLBind(anchor.path + "%"))
            .where(SQLColumn("action", table: "e"), .equal, SQLBind(LedgerAction.retire.rawValue))
            .where(SQLColumn("kind", table: "e"), .equal, SQLBind(InstrumentKind.gec.rawValue))
            .where(SQLColumn("retired_for", table: "e"), .like, SQLBind("\(year)%"))
            .orderBy(SQLColumn("id", table: "e"))
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        return rows.compactMap { row -> CertificateClaim? in
            guard let stored = row.stored, let period = stored.event.retiredFor.flatMap(LedgerEvent.electricityPeriod), period.year == year
            else { return nil }
            return CertificateClaim(
                unitID: row.unitId, month: period.month, mwh: Double(stored.event.quantity),
                lot: stored.event.lot.description)
        }
    }

    /// Every entry of a unit's subtree in the order appended (the order a re-import books them in).
    public func entries(under unitID: Int64) async throws -> [StoredAssetEvent] {
        let anchor = try await UnitLookup.anchor(unitID, in: database.sql)
        return try await Self.select(database.sql)
            .where(SQLColumn("root_id", table: "e"), .equal, SQLBind(anchor.rootID))
            .where(SQLColumn("path", table: "u"), .like, SQLBind(anchor.path + "%"))
            .orderBy(SQLColumn("id", table: "e"))
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).compactMap(\.stored)
    }

    /// Every entry of one unit's own account, in the order appended.
    public func events(of unitID: Int64) async throws -> [LedgerEvent] {
        try await Self.select(database.sql).where(SQLColumn("unit_id", table: "e"), .equal, SQLBind(unitID))
            .orderBy(SQLColumn("id", table: "e")).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
            .compactMap(\.stored?.event)
    }
}

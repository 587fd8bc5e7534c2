import Accounting
import Assets
import Foundation
import SQLKit

/// Entries booked one after another inside one transaction. The balances they could break — every
/// entry's account, every transfer's other account, and each certificate lot they touch in every
/// account — are read once, into an in-memory `Ledger` that each entry is checked against and
/// then added to; so a file of entries costs one read of its accounts, not one per entry. A refused
/// entry changes nothing, and the next is checked as if it had not been there.
struct LedgerBooking {
    private var ledger: Ledger
    private var units: [Int64: UnitLookup.Entry]
    private let rules: MarketRuleBook

    init(_ entries: [(unitID: Int64, entry: NewAssetEvent)], rules: MarketRuleBook, in db: any SQLDatabase) async throws {
        self.rules = rules
        var units: [Int64: UnitLookup.Entry] = [:]
        for id in Set(entries.flatMap { [$0.unitID] + ($0.entry.toUnitId.map { [$0] } ?? []) }) {
            // A transfer's unknown receiving unit is the entry's problem, found when it is booked.
            if let unit = try? await UnitLookup.anchor(id, in: db) { units[id] = unit }
        }
        self.units = units
        let accounts = Array(units.keys)
        var kept = try await AssetLedgerStore.select(db)
            .where(SQLColumn("unit_id", table: "e"), .in, SQLBind.group(accounts))
            .orderBy(SQLColumn("id", table: "e")).all(decoding: AssetLedgerStore.Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        // A certificate is retired once anywhere: its lot's entries in every other account count too.
        struct CertificateLot: Hashable {
            let vintage: Int
            let reference: String
        }
        var lots = Set<CertificateLot>()
        for (_, new) in entries where (new.kind ?? "").trimmed.lowercased() == InstrumentKind.gec.rawValue {
            if let vintage = new.vintage { lots.insert(CertificateLot(vintage: vintage, reference: (new.reference ?? "").trimmed)) }
        }
        for lot in lots {
            kept += try await AssetLedgerStore.select(db).where(SQLColumn("kind", table: "e"), .equal, SQLBind("gec"))
                .where(SQLColumn("vintage", table: "e"), .equal, SQLBind(lot.vintage))
                .where(SQLColumn("reference", table: "e"), .equal, SQLBind(lot.reference))
                .where(SQLColumn("unit_id", table: "e"), .notIn, SQLBind.group(accounts))
                .orderBy(SQLColumn("id", table: "e")).all(decoding: AssetLedgerStore.Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
        if !lots.isEmpty { kept.sort { $0.id < $1.id } }
        ledger = Ledger(rules: rules.ledgerRules, trusting: kept.compactMap(\.stored?.event))
    }

    /// Checks one entry (or a transfer's two) against the balances as the entries before it left
    /// them, and keeps it: stored, rolled up, audited. Their ids.
    mutating func book(unitID: Int64, _ new: NewAssetEvent, in db: any SQLDatabase) async throws -> [Int64] {
        guard let unit = units[unitID] else { throw StoreError.notFound(kind: "unit", id: String(unitID)) }
        let event = try AssetLedgerStore.event(new, account: unit.code)
        var destination: UnitLookup.Entry?
        if (new.action ?? "").trimmed.lowercased() == "transfer" {
            guard let to = new.toUnitId else { throw LedgerProblems([LedgerProblem(field: "to_unit_id", kind: .account)]) }
            guard let found = units[to] else { throw StoreError.notFound(kind: "unit", id: String(to)) }
            destination = found
        }
        let before = ledger.events.count
        if let destination {
            try ledger.transfer(
                from: unit.code, to: destination.code, day: event.day, lot: event.lot, quantity: event.quantity,
                priceYuan: event.priceYuan)
        } else {
            var deadline: CalendarDay?
            if event.action == .surrender, let year = event.complianceYear {
                let sector = try await ComplianceStore.sector(unitID: unitID, year: year, in: db)
                deadline = rules.rule(sector: sector ?? "", year: year).deadline?.value
            }
            try ledger.append(event, deadline: deadline)
        }
        let owners = [unit.code: unit].merging(destination.map { [$0.code: $0] } ?? [:]) { a, _ in a }
        var ids: [Int64] = []
        for entry in ledger.events[before...] {
            ids.append(try await Self.keep(entry, owner: owners[entry.account]!, in: db))
        }
        return ids
    }

    /// Stores one entry, adds it to the roll-up, marks what it makes stale, and audits it.
    private static func keep(_ entry: LedgerEvent, owner: UnitLookup.Entry, in db: any SQLDatabase) async throws -> Int64 {
        let row = try await db.insert(into: "asset_events")
            .columns(
                "unit_id", "root_id", "day", "day_ordinal", "action", "kind", "vintage", "month", "reference",
                "methodology", "quantity", "delta", "price", "counterparty", "compliance_year", "retired_for",
                "late", "created_by", "created_at"
            )
            .values(
                SQLBind(owner.id), SQLBind(owner.rootID), SQLBind(entry.day.description), SQLBind(entry.day.ordinal),
                SQLBind(entry.action.rawValue), SQLBind(entry.lot.kind.rawValue), SQLBind(entry.lot.vintage),
                BulkValue(entry.lot.month.map(Int64.init)).bind, SQLBind(entry.lot.reference),
                SQLBind(entry.lot.methodology), SQLBind(entry.quantity), SQLBind(entry.delta),
                BulkValue(entry.priceYuan).bind, SQLBind(entry.counterparty),
                BulkValue(entry.complianceYear.map(Int64.init)).bind, BulkValue(entry.retiredFor).bind,
                SQLBind(entry.late ? 1 : 0), SQLBind(try AuditActor.acting().name), SQLBind(Timestamp.now())
            ).returning("id").first()
        let id = try row!.decode(column: "id", as: Int64.self)
        try await AssetLedgerStore.rollUp(entry, path: owner.path, in: db)
        // Certificates retired against electricity change that year's market-based scope 2.
        if entry.action == .retire, entry.lot.kind == .gec, let period = entry.retiredFor.flatMap(LedgerEvent.electricityPeriod) {
            try await InventoryStaleness.mark(units: [owner.id], years: [period.year], in: db)
        }
        try await AuditLog.append(
            AuditChange(
                .assetEventAdded, subjectKind: "asset_event", subjectID: id, unitID: owner.id,
                year: entry.day.year, month: entry.day.month,
                after: AuditState([
                    "action": .text(entry.action.rawValue), "lot": .text(entry.lot.description),
                    "quantity": .int(entry.quantity), "day": .text(entry.day.description),
                    "price": entry.priceYuan.map { .double($0) } ?? .null,
                    "counterparty": .text(entry.counterparty),
                ])), in: db)
        return id
    }
}

import Accounting
import Foundation
import SQLKit

/// Submit → review → approve or return, per unit and reporting period; an approved period is
/// locked, and a correction reopens it for a new version that needs approval again. Each step is
/// kept (with the data as submitted, so earlier versions stay visible) and audited.
public struct ReviewStore: Sendable {
    let database: PeakZeroDatabase
    let clock: @Sendable () -> Date

    public init(_ database: PeakZeroDatabase, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.clock = clock
    }

    /// A period's state now.
    public struct State: Sendable, Equatable, Codable {
        public let status: PeriodStatus
        /// 1 until the first correction; each correction's submission is the next version.
        public let version: Int
    }

    /// Takes `step` on a unit's period by the task's current actor. Returns the new state.
    @discardableResult
    public func take(_ step: ReviewStep, unitID: Int64, period: ReportingPeriod, reason: String? = nil) async throws
        -> State
    {
        let unit = try await UnitStore(database).unit(id: unitID)
        guard ReportingPeriod.all(in: period.year, for: unit.reportingClass).contains(period) else {
            throw ReviewRefusal.notAPeriodOf(period.description, reportingClass: unit.reportingClass)
        }
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        if step.needsReason, reason?.isEmpty ?? true { throw ReviewRefusal.reasonRequired }
        let actor = AuditActor.current
        let now = Timestamp.string(clock())
        return try await database.transaction { db in
            let current = try await Self.state(unitID: unitID, period: period, in: db)
            let (from, to) = step.transition
            guard from.contains(current.status) else { throw ReviewRefusal.wrongState(current.status, step: step) }
            if step == .approve || step == .return, let submitter = try await Self.submitter(unitID, period, in: db),
                submitter.id == actor.accountID && (submitter.id != nil || submitter.name == actor.name)
            {
                throw ReviewRefusal.ownSubmission
            }
            // A correction's submission is the next version; every other step keeps the version.
            let version = current.status == .correcting && step == .submit ? current.version + 1 : current.version
            let data = step == .submit ? try await Self.snapshot(unitID, period, in: db) : nil
            try await db.delete(from: "reporting_periods").where("unit_id", .equal, SQLBind(unitID))
                .where("year", .equal, SQLBind(period.year)).where("first_month", .equal, SQLBind(period.firstMonth))
                .run()
            try await db.insert(into: "reporting_periods")
                .columns("unit_id", "year", "first_month", "last_month", "status", "version", "updated_at")
                .values(
                    SQLBind(unitID), SQLBind(period.year), SQLBind(period.firstMonth), SQLBind(period.lastMonth),
                    SQLBind(to.rawValue), SQLBind(version), SQLBind(now)
                ).run()
            // An approval (or its reopening) changes what the inventories of the unit's year rest on:
            // they are marked stale, and their next computation counts the approved data again.
            if step == .approve || step == .correct {
                try await InventoryStaleness.mark(units: [unitID], years: [period.year], in: db)
            }
            try await db.insert(into: "review_steps")
                .columns(
                    "unit_id", "year", "first_month", "last_month", "version", "step", "actor_id", "actor", "at",
                    "reason", "data"
                )
                .values(
                    SQLBind(unitID), SQLBind(period.year), SQLBind(period.firstMonth), SQLBind(period.lastMonth),
                    SQLBind(version), SQLBind(step.rawValue), BulkValue(actor.accountID).bind, SQLBind(actor.name),
                    SQLBind(now), BulkValue(reason).bind, BulkValue(data?.json).bind
                ).run()
            try await AuditLog.append(
                AuditChange(
                    step.auditAction, subjectKind: "reporting_period", subjectID: "\(unit.code) \(period)",
                    unitID: unitID, year: period.year,
                    month: period.firstMonth == period.lastMonth ? period.firstMonth : nil,
                    before: AuditState([
                        "status": .text(current.status.rawValue), "version": .int(Int64(current.version)),
                    ]),
                    after: AuditState([
                        "status": .text(to.rawValue), "version": .int(Int64(version)), "reason": .init(reason),
                        "records": .int(Int64(data?.count ?? 0)),
                    ])), in: db)
            return State(status: to, version: version)
        }
    }

    public func state(unitID: Int64, period: ReportingPeriod) async throws -> State {
        try await Self.state(unitID: unitID, period: period, in: database.sql)
    }

    static func state(unitID: Int64, period: ReportingPeriod, in db: any SQLDatabase) async throws -> State {
        guard
            let row = try await db.select().columns("status", "version").from("reporting_periods")
                .where("unit_id", .equal, SQLBind(unitID)).where("year", .equal, SQLBind(period.year))
                .where("first_month", .equal, SQLBind(period.firstMonth)).first()
        else { return State(status: .draft, version: 1) }
        return State(
            status: PeriodStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
            version: try row.decode(column: "version", as: Int.self))
    }

    /// Who submitted the period's current version: the account, or for the command line the name.
    static func submitter(_ unitID: Int64, _ period: ReportingPeriod, in db: any SQLDatabase) async throws -> (
        id: Int64?, name: String
    )? {
        guard
            let row = try await db.select().columns("actor_id", "actor").from("review_steps")
                .where("unit_id", .equal, SQLBind(unitID)).where("year", .equal, SQLBind(period.year))
                .where("first_month", .equal, SQLBind(period.firstMonth))
                .where("step", .equal, SQLBind(ReviewStep.submit.rawValue)).orderBy("id", .descending).limit(1)
                .first()
        else { return nil }
        return (try row.decode(column: "actor_id", as: Int64?.self), try row.decode(column: "actor", as: String.self))
    }

    /// The period's records as they stand: what a submission hands in.
    struct Snapshot {
        let activity: [AuditState.Value]
        let economic: [AuditState.Value]
        var count: Int { activity.count + economic.count }
        var json: String { AuditState(["activity": .list(activity), "economic": .list(economic)]).json }
    }

    static func snapshot(_ unitID: Int64, _ period: ReportingPeriod, in db: any SQLDatabase) async throws -> Snapshot {
        /// The records (`r`) of the unit and period from `source`, whose unit and year are `k`'s:
        /// activity records by their spans, economic records by themselves.
        func rows(from source: any SQLExpression, records r: String, keyedBy k: String, _ columns: [String])
            async throws -> [AuditState.Value]
        {
            var query = db.select()
            for column in columns { query = query.column(SQLColumn(column, table: r)) }
            let month = SQLFunction("COALESCE", args: SQLColumn("month", table: r), SQLLiteral.numeric("12"))
            return try await AuditState.rows(
                query.from(source)
                    .where(SQLColumn("unit_id", table: k), .equal, SQLBind(unitID))
                    .where(SQLColumn("year", table: k), .equal, SQLBind(period.year))
                    .where(month, .greaterThanOrEqual, SQLBind(period.firstMonth))
                    .where(month, .lessThanOrEqual, SQLBind(period.lastMonth))
                    .orderBy(SQLColumn("id", table: r)))
        }
        return Snapshot(
            activity: try await rows(
                from: SQLRaw(ActivitySpans.recordsOfSpans), records: "a", keyedBy: "s",
                [
                    "id", "month", "item", "category", "quantity", "uom", "ncv", "carbon_content", "oxidation_rate",
                    "source",
                ]),
            economic: try await rows(
                from: SQLIdentifier("economic_records"), records: "economic_records", keyedBy: "economic_records",
                ["id", "month", "output_value", "value_added", "revenue", "price_index", "base_year"]))
    }
}

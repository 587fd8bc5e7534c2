import Accounting
import Foundation
import SQLKit

/// Keeps each unit's periods' review: loads a period's state, asks `ReviewWorkflow` whether a step
/// may be taken and what it leads to, and saves the answer — the new state, the step (with the data
/// as submitted, so earlier versions stay visible) and its audit entry — in one transaction.
public struct ReviewStore: Sendable {
    let database: PeakZeroDatabase
    let clock: @Sendable () -> Date

    public init(_ database: PeakZeroDatabase, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.clock = clock
    }

    /// A period's state now.
    public typealias State = ReviewWorkflow.State

    /// Takes `step` on a unit's period by the task's current actor. Returns the new state.
    @discardableResult
    public func take(_ step: ReviewStep, unitID: Int64, period: ReportingPeriod, reason: String? = nil) async throws
        -> State
    {
        let unit = try await UnitStore(database).unit(id: unitID)
        guard ReportingPeriod.all(in: period.year, for: unit.reportingClass).contains(period) else {
            throw ReviewRefusal.notAPeriodOf(period.description, reportingClass: unit.reportingClass)
        }
        let actor = try AuditActor.acting()
        let taker = ReviewWorkflow.Taker(accountID: actor.accountID, name: actor.name)
        let now = Timestamp.string(clock())
        return try await database.transaction { db in
            let current = try await Self.state(unitID: unitID, period: period, in: db)
            let submitter = step.reviewsASubmission ? try await Self.submitter(unitID, period, in: db) : nil
            let decision = try ReviewWorkflow.decide(
                step, on: current, by: taker, submittedBy: submitter, reason: reason)
            let (to, version, reason) = (decision.state.status, decision.state.version, decision.reason)
            let data = decision.keepsSubmittedData ? try await Self.snapshot(unitID, period, in: db) : nil
            try await db.delete(from: "reporting_periods").where("unit_id", .equal, SQLBind(unitID))
                .where("year", .equal, SQLBind(period.year)).where("first_month", .equal, SQLBind(period.firstMonth))
                .run()
            try await db.insert(into: "reporting_periods")
                .columns("unit_id", "year", "first_month", "last_month", "status", "version", "updated_at")
                .values(
                    SQLBind(unitID), SQLBind(period.year), SQLBind(period.firstMonth), SQLBind(period.lastMonth),
                    SQLBind(to.rawValue), SQLBind(version), SQLBind(now)
                ).run()
            // The inventories of the unit's year are marked stale: their next computation counts the
            // approved data again.
            if decision.makesInventoriesStale {
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
            return decision.state
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
        else { return .draft }
        return State(
            status: PeriodStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
            version: try row.decode(column: "version", as: Int.self))
    }

    /// Who submitted the period's current version: the account, or for the command line the name.
    static func submitter(_ unitID: Int64, _ period: ReportingPeriod, in db: any SQLDatabase) async throws
        -> ReviewWorkflow.Taker?
    {
        guard
            let row = try await db.select().columns("actor_id", "actor").from("review_steps")
                .where("unit_id", .equal, SQLBind(unitID)).where("year", .equal, SQLBind(period.year))
                .where("first_month", .equal, SQLBind(period.firstMonth))
                .where("step", .equal, SQLBind(ReviewStep.submit.rawValue)).orderBy("id", .descending).limit(1)
                .first()
        else { return nil }
        return ReviewWorkflow.Taker(
            accountID: try row.decode(column: "actor_id", as: Int64?.self),
            name: try row.decode(column: "actor", as: String.self))
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

import Accounting
import Foundation
import SQLKit

/// What a supervisor watches: for each unit of its subtree, each period of the year with its state,
/// how many activity records it holds, and whether it is late.
public struct ReviewBoard: Sendable, Codable, Equatable {
    public struct Cell: Sendable, Codable, Equatable {
        public let period: String
        public let status: PeriodStatus
        public let version: Int
        public let records: Int
        /// Not submitted (or returned and not yet resubmitted) after its due date; only units at
        /// the leaves of the tree, where data is entered, are ever late.
        public let late: Bool
        public let due: String
    }

    public struct Row: Sendable, Codable, Equatable {
        public let unitId: Int64
        public let code: String
        public let name: String
        public let reportingClass: ReportingUnit.ReportingClass
        public let periods: [Cell]
    }

    public let year: Int
    public let rows: [Row]

    /// How many periods of the board are in each state, and how many are late.
    public var counts: [PeriodStatus: Int] {
        rows.flatMap(\.periods).reduce(into: [:]) { $0[$1.status, default: 0] += 1 }
    }
    public var lateCount: Int { rows.flatMap(\.periods).filter(\.late).count }
}

extension ReportingPeriod {
    /// Data is due by the 15th of the month after the period ends (a year's by 15 January). This is
    /// PeakZero's default, a common reporting calendar, not a national rule; a supervisor's own
    /// calendar may differ.
    public static let dueDay = 15

    /// The due date, `YYYY-MM-DD`.
    public var due: String {
        let (year, month) = lastMonth == 12 ? (self.year + 1, 1) : (self.year, lastMonth + 1)
        return String(format: "%04d-%02d-%02d", year, month, Self.dueDay)
    }
}

extension ReviewStore {
    /// The board of a unit's subtree (as far as `scope` reaches) for a year, as of `today` (`YYYY-MM-DD`).
    public func board(under unitID: Int64, year: Int, scope: AccessScope, today: String) async throws -> ReviewBoard {
        let units = try await UnitStore(database).list(under: unitID, scope: scope)
        // Data is entered at the leaves of the tree; a unit above them is not late for want of its own.
        let parents = Set(try await UnitStore(database).list(under: unitID, scope: .everything).compactMap(\.parentID))
        var records: [Int64: [Int: Int]] = [:]
        for reported in try await ActivityStore(database).reportedPeriods(under: unitID, year: year) {
            records[reported.unitId, default: [:]][reported.month ?? 12, default: 0] += reported.records
        }
        let states = try await periodStates(under: unitID, year: year)
        return ReviewBoard(
            year: year,
            rows: units.map { unit in
                ReviewBoard.Row(
                    unitId: unit.id, code: unit.code, name: unit.name, reportingClass: unit.reportingClass,
                    periods: ReportingPeriod.all(in: year, for: unit.reportingClass).map { period in
                        let state = states[unit.id]?[period.firstMonth] ?? (.draft, 1)
                        let count = (period.firstMonth...period.lastMonth).reduce(0) {
                            $0 + (records[unit.id]?[$1] ?? 0)
                        }
                        return ReviewBoard.Cell(
                            period: period.description, status: state.status, version: state.version, records: count,
                            late: !parents.contains(unit.id) && [.draft, .returned].contains(state.status)
                                && today > period.due,
                            due: period.due)
                    })
            })
    }

    /// The stored state of each unit's periods of a year in a subtree, by unit and first month.
    private func periodStates(under unitID: Int64, year: Int) async throws
        -> [Int64: [Int: (status: PeriodStatus, version: Int)]]
    {
        var states: [Int64: [Int: (status: PeriodStatus, version: Int)]] = [:]
        let anchor = try await UnitLookup.anchor(unitID, in: database.sql)
        let rows = try await database.sql.select()
            .columns(SQLColumn("unit_id", table: "p"), SQLColumn("first_month", table: "p"))
            .columns(SQLColumn("status", table: "p"), SQLColumn("version", table: "p"))
            .from(SQLAlias(SQLIdentifier("reporting_periods"), as: SQLIdentifier("p")))
            .join(SQLAlias(SQLIdentifier("units"), as: SQLIdentifier("u")), on: SQLRaw("u.id = p.unit_id"))
            .where(SQLColumn("root_id", table: "u"), .equal, SQLBind(anchor.rootID))
            .where(SQLColumn("path", table: "u"), .like, SQLBind(anchor.path + "%"))
            .where(SQLColumn("year", table: "p"), .equal, SQLBind(year)).all()
        for row in rows {
            states[try row.decode(column: "unit_id", as: Int64.self), default: [:]][
                try row.decode(column: "first_month", as: Int.self)] = (
                    PeriodStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
                    try row.decode(column: "version", as: Int.self)
                )
        }
        return states
    }

    /// The board's counts alone — periods by state, late ones — without a row per unit: what a
    /// report on a province of ten thousand facilities needs, read in a fraction of the board's time.
    /// The same rules as `board` (a unit with units below it is never late).
    public func completeness(under unitID: Int64, year: Int, scope: AccessScope, today: String) async throws
        -> (periods: Int, byStatus: [PeriodStatus: Int], late: Int)
    {
        let units = try await UnitStore(database).list(under: unitID, scope: scope)
        let everyone = scope.isEverything ? units : try await UnitStore(database).list(under: unitID, scope: .everything)
        let parents = Set(everyone.compactMap(\.parentID))
        return Self.count(units, parents: parents, states: try await periodStates(under: unitID, year: year), year: year, today: today)
    }

    /// The counts of these units' periods (a region's units, wherever they sit in the tree).
    public func completeness(of units: [ReportingUnit], year: Int, today: String) async throws
        -> (periods: Int, byStatus: [PeriodStatus: Int], late: Int)
    {
        var states: [Int64: [Int: (status: PeriodStatus, version: Int)]] = [:]
        var parents = Set<Int64>()
        for chunk in units.map(\.id).chunked(by: 10_000) {
            let ids = SQLBind.group(Array(chunk))
            for row in try await database.sql.select().columns("unit_id", "first_month", "status", "version")
                .from("reporting_periods").where("year", .equal, SQLBind(year)).where("unit_id", .in, ids).all()
            {
                states[try row.decode(column: "unit_id", as: Int64.self), default: [:]][
                    try row.decode(column: "first_month", as: Int.self)] = (
                        PeriodStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
                        try row.decode(column: "version", as: Int.self)
                    )
            }
            for row in try await database.sql.select().column("parent_id").from("units")
                .where("parent_id", .in, ids).all()
            {
                parents.insert(try row.decode(column: "parent_id", as: Int64.self))
            }
        }
        return Self.count(units, parents: parents, states: states, year: year, today: today)
    }

    /// Periods by state and the late ones, by the board's rules (a unit with units below it is never late).
    private static func count(
        _ units: [ReportingUnit], parents: Set<Int64>, states: [Int64: [Int: (status: PeriodStatus, version: Int)]],
        year: Int, today: String
    ) -> (periods: Int, byStatus: [PeriodStatus: Int], late: Int) {
        // A unit's periods depend only on its reporting class: worked out once per class.
        var periodsOf: [ReportingUnit.ReportingClass: [(firstMonth: Int, due: String)]] = [:]
        var byStatus: [PeriodStatus: Int] = [:]
        var periods = 0, late = 0
        for unit in units {
            let list =
                periodsOf[unit.reportingClass]
                ?? ReportingPeriod.all(in: year, for: unit.reportingClass).map { ($0.firstMonth, $0.due) }
            periodsOf[unit.reportingClass] = list
            for period in list {
                let status = states[unit.id]?[period.firstMonth]?.status ?? .draft
                byStatus[status, default: 0] += 1
                periods += 1
                if !parents.contains(unit.id), status == .draft || status == .returned, today > period.due { late += 1 }
            }
        }
        return (periods, byStatus, late)
    }

    /// Every step taken on a unit's period, oldest first, each submission with its data.
    public func history(unitID: Int64, period: ReportingPeriod) async throws -> [StoredReviewStep] {
        try await database.sql.select()
            .columns("id", "version", "step", "actor", "at", "reason", "data").from("review_steps")
            .where("unit_id", .equal, SQLBind(unitID)).where("year", .equal, SQLBind(period.year))
            .where("first_month", .equal, SQLBind(period.firstMonth)).orderBy("id")
            .all(decoding: StoredReviewStep.self)
    }
}

/// One step as kept: `data` is the JSON of the records a submission handed in.
public struct StoredReviewStep: Sendable, Codable, Equatable {
    public let id: Int64
    public let version: Int
    public let step: String
    public let actor: String
    public let at: String
    public let reason: String?
    public let data: String?
}

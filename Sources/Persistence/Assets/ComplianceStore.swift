import Accounting
import Assets
import Foundation
import SQLKit

/// A covered unit's compliance year as kept: its sector and its allocation — entered, with where it
/// comes from; or its outputs, which the sector's benchmarks turn into one; or none yet.
public struct StoredComplianceYear: Sendable, Codable, Equatable {
    public let unitId: Int64
    public let unitCode: String
    public let year: Int
    public let sector: String
    public let allocation: Int64?
    public let allocationSource: String
    public let outputs: [AllocationOutput]
}

/// One row of the compliance board: the unit's year and its position, or why there is none yet.
public struct ComplianceBoardRow: Sendable {
    public let year: StoredComplianceYear
    /// Nil when the unit has no approved inventory of the year.
    public let position: CompliancePosition?
    /// The allocation computed from the unit's outputs and the benchmarks, when it has outputs.
    public let benchmark: BenchmarkAllocation?
    /// The approved inventory the verified emissions come from.
    public let inventoryID: Int64?
}

/// Covered units' compliance years, and the board of a subtree's positions: verified emissions from
/// each unit's latest inventory that rests on approved data only, with the scope the sector's rule
/// counts; holdings and surrenders from the ledger; the rule from the rule records.
public struct ComplianceStore: Sendable {
    let database: PeakZeroDatabase

    public init(_ database: PeakZeroDatabase) { self.database = database }

    /// Sets (or replaces) a unit's sector and allocation for a year, audited: the allocation itself,
    /// or the outputs the sector's benchmarks turn into one (each output needs a benchmark record).
    @discardableResult
    public func setYear(
        unitID: Int64, year: Int, sector: String, allocation: Int64?, allocationSource: String,
        outputs: [AllocationOutput] = []
    ) async throws -> StoredComplianceYear {
        var problems: [LedgerProblem] = AllocationOutput.problems(outputs)
        if allocation != nil, !outputs.isEmpty { problems.append(LedgerProblem(field: "allocation", kind: .allocationTwice)) }
        if !(2013...2100).contains(year) { problems.append(LedgerProblem(field: "year", kind: .vintage)) }
        let sector = sector.trimmed.lowercased()
        if sector.isEmpty || sector.count > 40 { problems.append(LedgerProblem(field: "sector", kind: .ruleField)) }
        if let allocation, allocation < 0 {
            problems.append(LedgerProblem(field: "allocation", kind: .quantity))
        } else if let allocation, !Plausible.isAmount(Double(allocation)) {
            problems.append(LedgerProblem(field: "allocation", kind: .beyondPlausible))
        }
        if allocation != nil, allocationSource.trimmed.isEmpty {
            problems.append(LedgerProblem(field: "allocation_source", kind: .ruleSource))
        }
        guard problems.isEmpty else { throw LedgerProblems(problems) }
        if !outputs.isEmpty {
            _ = try BenchmarkAllocation.compute(
                outputs, book: try await MarketRuleStore(database).book(), sector: sector, year: year
            ).get()
        }
        return try await database.transaction { db in
            let unit = try await UnitLookup.anchor(unitID, in: db)
            let before = try await Self.years(
                db.select().column(SQLRaw(Self.columns)).from(SQLAlias(SQLIdentifier("compliance_years"), as: SQLIdentifier("c")))
                    .join(SQLAlias(SQLIdentifier("units"), as: SQLIdentifier("u")), method: SQLJoinMethod.inner, on: SQLRaw("u.id = c.unit_id"))
                    .where(SQLColumn("unit_id", table: "c"), .equal, SQLBind(unitID))
                    .where(SQLColumn("year", table: "c"), .equal, SQLBind(year))
            ).first
            try await db.delete(from: "compliance_years").where("unit_id", .equal, SQLBind(unitID))
                .where("year", .equal, SQLBind(year)).run()
            try await db.insert(into: "compliance_years")
                .columns(
                    "unit_id", "root_id", "year", "sector", "allocation", "allocation_source", "outputs", "updated_by",
                    "updated_at"
                )
                .values(
                    SQLBind(unitID), SQLBind(unit.rootID), SQLBind(year), SQLBind(sector), BulkValue(allocation).bind,
                    SQLBind(allocationSource.trimmed), SQLBind(ProjectJSON.encode(outputs)),
                    SQLBind(try AuditActor.acting().name), SQLBind(Timestamp.now())
                ).run()
            func state(_ y: StoredComplianceYear?) -> AuditState? {
                y.map {
                    AuditState([
                        "sector": .text($0.sector), "allocation": $0.allocation.map { .int($0) } ?? .null,
                        "allocation_source": .text($0.allocationSource), "outputs": .text(ProjectJSON.encode($0.outputs)),
                    ])
                }
            }
            let after = StoredComplianceYear(
                unitId: unitID, unitCode: unit.code, year: year, sector: sector, allocation: allocation,
                allocationSource: allocationSource.trimmed, outputs: outputs)
            try await AuditLog.append(
                AuditChange(
                    .complianceYearSet, subjectKind: "compliance_year", subjectID: "\(unitID):\(year)", unitID: unitID,
                    year: year, before: state(before), after: state(after)), in: db)
            return after
        }
    }

    static let columns =
        "c.unit_id, u.code AS unit_code, c.year, c.sector, c.allocation, c.allocation_source, c.outputs"

    static func years(_ query: SQLSelectBuilder) async throws -> [StoredComplianceYear] {
        try await query.all().map { row in
            StoredComplianceYear(
                unitId: try row.decode(column: "unit_id", as: Int64.self),
                unitCode: try row.decode(column: "unit_code", as: String.self),
                year: try row.decode(column: "year", as: Int.self), sector: try row.decode(column: "sector", as: String.self),
                allocation: try row.decode(column: "allocation", as: Int64?.self),
                allocationSource: try row.decode(column: "allocation_source", as: String.self),
                outputs: ProjectJSON.decode([AllocationOutput].self, try row.decode(column: "outputs", as: String.self)) ?? [])
        }
    }

    /// The sector a unit reports under in a year, if it is covered.
    static func sector(unitID: Int64, year: Int, in db: any SQLDatabase) async throws -> String? {
        try await db.select().column("sector").from("compliance_years").where("unit_id", .equal, SQLBind(unitID))
            .where("year", .equal, SQLBind(year)).first()?.decode(column: "sector", as: String.self)
    }

    /// The covered units of a subtree for a year, by code.
    public func years(under unitID: Int64, year: Int) async throws -> [StoredComplianceYear] {
        let anchor = try await UnitLookup.anchor(unitID, in: database.sql)
        return try await Self.years(
            database.sql.select().column(SQLRaw(Self.columns))
                .from(SQLAlias(SQLIdentifier("compliance_years"), as: SQLIdentifier("c")))
                .join(SQLAlias(SQLIdentifier("units"), as: SQLIdentifier("u")), method: SQLJoinMethod.inner, on: SQLRaw("u.id = c.unit_id"))
                .where(SQLColumn("root_id", table: "c"), .equal, SQLBind(anchor.rootID))
                .where(SQLColumn("path", table: "u"), .like, SQLBind(anchor.path + "%"))
                .where(SQLColumn("year", table: "c"), .equal, SQLBind(year))
                .orderBy(SQLColumn("code", table: "u")))
    }

    /// The board: every covered unit of the subtree, its position on `today` for `year`.
    public func board(under unitID: Int64, year: Int, today: CalendarDay, warningDays: Int = 90) async throws
        -> [ComplianceBoardRow]
    {
        let book = try await MarketRuleStore(database).book()
        let ledger = AssetLedgerStore(database)
        let inventories = InventoryStore(database)
        var rows: [ComplianceBoardRow] = []
        for covered in try await years(under: unitID, year: year) {
            let rule = book.rule(sector: covered.sector, year: year)
            let benchmark =
                covered.outputs.isEmpty
                ? nil : try? BenchmarkAllocation.compute(covered.outputs, book: book, sector: covered.sector, year: year).get()
            // The newest inventory of the year that rests on approved data only.
            guard
                let inventory = try await inventories.list(unitID: covered.unitId, year: year).first(where: {
                    $0.unapprovedRecords == 0 && !$0.stale
                })
            else {
                rows.append(ComplianceBoardRow(year: covered, position: nil, benchmark: benchmark, inventoryID: nil))
                continue
            }
            var verified = inventory.scope1T
            if rule.countsPurchasedElectricity?.value == true {
                verified += try await inventories.lines(inventoryID: inventory.id)
                    .filter { $0.category == ActivityCategory.purchasedElectricity.rawValue }
                    .reduce(0) { $0 + $1.co2eLocationT }
            }
            let holdings = try await ledger.balances(under: covered.unitId, at: today, subtree: false)
            let surrendered = ComplianceInput.surrendered(
                try await ledger.events(of: covered.unitId), account: covered.unitCode, year: year)
            let input = ComplianceInput(
                unitCode: covered.unitCode, sector: covered.sector, year: year,
                verifiedEmissions: Emissions(verified, .tonneCO2e), allocation: covered.allocation ?? benchmark?.total,
                holdings: Dictionary(holdings.map { ($0.lot, $0.quantity) }, uniquingKeysWith: +),
                surrenderedAllowances: surrendered.allowances, surrenderedCredits: surrendered.credits, today: today)
            rows.append(
                ComplianceBoardRow(
                    year: covered, position: CompliancePosition(input, rule: rule, warningDays: warningDays),
                    benchmark: benchmark, inventoryID: inventory.id))
        }
        return rows
    }
}

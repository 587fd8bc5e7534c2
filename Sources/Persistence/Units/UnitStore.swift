import Accounting
import Foundation
import SQLKit

/// The ownership tree in the database.
public struct UnitStore: Sendable {
    let database: PeakZeroDatabase

    public init(_ database: PeakZeroDatabase) { self.database = database }

    static let columns =
        "id, root_id, parent_id, code, name, level, industry_code, region_code, ownership_share, reporting_class, path, root_equity"

    struct Row: Decodable {
        let id: Int64
        let rootId: Int64
        let parentId: Int64?
        let code: String
        let name: String
        let level: String
        let industryCode: String?
        let regionCode: String
        let ownershipShare: Double
        let reportingClass: String
        let path: String
        let rootEquity: Double

        /// Column names spelled out: converting every key from snake case cost more than the query.
        enum CodingKeys: String, CodingKey {
            case id, code, name, level, path
            case rootId = "root_id", parentId = "parent_id", industryCode = "industry_code"
            case regionCode = "region_code", ownershipShare = "ownership_share", reportingClass = "reporting_class"
            case rootEquity = "root_equity"
        }

        var unit: ReportingUnit {
            ReportingUnit(
                id: id, code: code, name: name, level: ReportingUnit.Level(rawValue: level) ?? .facility,
                parentID: parentId, industryCode: industryCode, regionCode: regionCode, ownershipShare: ownershipShare,
                reportingClass: ReportingUnit.ReportingClass(rawValue: reportingClass) ?? .monthly)
        }
    }

    /// Creates units in one transaction, parents before children (a batch may hold a whole tree).
    /// Nothing is written when any unit is invalid.
    @discardableResult
    public func create(_ units: [NewUnit]) async throws -> [ReportingUnit] {
        try await database.transaction { db in
            let created = try await Self.create(units, batchID: nil, in: db)
            var changes: [AuditChange] = []
            for unit in created {
                changes.append(
                    AuditChange(
                        .unitCreated, subjectKind: "unit", subjectID: unit.id, unitID: unit.id,
                        after: try await AuditState.row(of: "units", id: unit.id, in: db)))
            }
            try await AuditLog.append(changes, in: db)
            return created
        }
    }

    /// Creates and updates units from one file in one transaction, with the file's batch; nothing is
    /// written when any of them is refused. Each unit comes with its row in the file, which the
    /// issues name.
    public func importUnits(
        creating: [(unit: NewUnit, row: Int)], updating: [(id: Int64, unit: NewUnit, row: Int)],
        provenance: RecordBatch
    ) async throws -> (created: Int, updated: Int) {
        try await database.transaction { db in
            let batchID = try await provenance.insert(count: creating.count + updating.count, in: db)
            var issues: [InputIssue] = []
            do { _ = try await Self.create(creating.map(\.unit), batchID: batchID, in: db) } catch StoreError.invalid(
                let found)
            {
                issues += found.map { $0.atRow(creating[($0.row ?? 1) - 1].row) }
            }
            for change in updating {
                do { _ = try await Self.update(id: change.id, with: change.unit, in: db) } catch StoreError.invalid(
                    let found)
                {
                    issues += found.map { $0.atRow(change.row) }
                }
            }
            if !issues.isEmpty { throw StoreError.invalid(issues) }
            let touched = try await db.select().column("path").from("units").where("batch_id", .equal, SQLBind(batchID))
                .all().map { try $0.decode(column: "path", as: String.self) }
            let updated = try await UnitLookup.paths(of: Set(updating.map(\.id)), in: db)
            try await AuditLog.append(
                AuditLog.batchChange(
                    .unitsImported, batchID: batchID, provenance: provenance, rows: creating.count + updating.count,
                    superseded: 0, unitPaths: touched + updated, periods: []), in: db)
            return (creating.count, updating.count)
        }
    }

    static func create(_ units: [NewUnit], batchID: Int64?, in db: any SQLDatabase) async throws -> [ReportingUnit] {
        var issues: [InputIssue] = []
        var created: [ReportingUnit] = []
        var batchCodes: [String: Int] = [:]
        for (index, new) in units.enumerated() {
            let row = index + 1
            let rowIssues = Self.validate(new, row: row)
            issues += rowIssues
            if let first = batchCodes[new.code] {
                issues.append(
                    InputIssue(row: row, column: "code", problem: .duplicateUnitCode("\(new.code) (#\(first))")))
                continue
            }
            batchCodes[new.code] = row
            guard rowIssues.isEmpty else { continue }
            if try await Self.find(code: new.code, in: db) != nil {
                issues.append(InputIssue(row: row, column: "code", problem: .duplicateUnitCode(new.code)))
                continue
            }
            var parent: Row?
            if let parentCode = new.parentCode, !parentCode.isEmpty {
                parent = try await Self.find(code: parentCode, in: db)
                if parent == nil {
                    issues.append(InputIssue(row: row, column: "parent_code", problem: .unknownUnitCode(parentCode)))
                    continue
                }
            }
            guard issues.isEmpty else { continue }
            created.append(try await Self.insert(new, parent: parent, batchID: batchID, in: db))
        }
        if !issues.isEmpty { throw StoreError.invalid(issues) }
        return created
    }

    /// A unit's own fields checked, located at `row`.
    public static func validate(_ new: NewUnit, row: Int) -> [InputIssue] {
        var issues: [InputIssue] = []
        let code = new.code.trimmed
        if code.isEmpty {
            issues.append(InputIssue(row: row, column: "code", problem: .missingValue))
        } else if code.count > 64 || code.unicodeScalars.contains(where: Self.unfitInCode) {
            issues.append(InputIssue(row: row, column: "code", problem: .badUnitCode(code)))
        }
        if new.name.trimmed.isEmpty { issues.append(InputIssue(row: row, column: "name", problem: .missingValue)) }
        if new.name.count > 200 { issues.append(InputIssue(row: row, column: "name", problem: .tooLong(limit: 200))) }
        if let industry = new.industryCode, industry.count > 16 {
            issues.append(InputIssue(row: row, column: "industry_code", problem: .tooLong(limit: 16)))
        }
        if ReportingUnit.Level(rawValue: new.level) == nil {
            issues.append(
                InputIssue(
                    row: row, column: "level",
                    problem: .notOneOf(new.level, allowed: ReportingUnit.Level.allCases.map(\.rawValue))))
        }
        if RegionCode(new.regionCode) == nil {
            issues.append(InputIssue(row: row, column: "region_code", problem: .badRegion(new.regionCode)))
        }
        if let share = new.ownershipShare, !(share > 0 && share <= 1) {
            issues.append(InputIssue(row: row, column: "ownership_share", problem: .shareOutOfRange(String(share))))
        }
        if let reporting = new.reportingClass, ReportingUnit.ReportingClass(rawValue: reporting) == nil {
            issues.append(
                InputIssue(
                    row: row, column: "reporting_class",
                    problem: .notOneOf(reporting, allowed: ReportingUnit.ReportingClass.allCases.map(\.rawValue))))
        }
        return issues
    }

    /// A code is typed, searched and printed: no spaces, no control or invisible characters.
    private static func unfitInCode(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
            || scalar.properties.generalCategory == .format
    }

    private static func insert(_ new: NewUnit, parent: Row?, batchID: Int64?, in db: any SQLDatabase) async throws
        -> ReportingUnit
    {
        let share = parent == nil ? 1 : (new.ownershipShare ?? 1)
        let now = Timestamp.now()
        let id = try await db.insert(into: "units")
            .columns(
                "root_id", "parent_id", "code", "name", "level", "industry_code", "region_code", "ownership_share",
                "reporting_class", "path", "root_equity", "created_at", "updated_at", "batch_id"
            )
            .values(
                SQLBind(parent?.rootId ?? 0), SQLBind(parent?.id), SQLBind(new.code.trimmed), SQLBind(new.name.trimmed),
                SQLBind(new.level), SQLBind(new.industryCode), SQLBind(new.regionCode.trimmed), SQLBind(share),
                SQLBind(new.reportingClass ?? "monthly"), SQLBind(""),
                SQLBind(parent == nil ? 1 : parent!.rootEquity * share),
                SQLBind(now), SQLBind(now), SQLBind(batchID)
            )
            .returning("id")
            .first()
            .map { try $0.decode(column: "id", as: Int64.self) }!
        // The path and root need the new id: a top-level unit is its own root.
        let path = (parent?.path ?? "/") + "\(id)/"
        try await db.update("units")
            .set("path", to: SQLBind(path))
            .set("root_id", to: SQLBind(parent?.rootId ?? id))
            .where("id", .equal, SQLBind(id))
            .run()
        return try await find(id: id, in: db)!.unit
    }

    public func unit(id: Int64) async throws -> ReportingUnit {
        guard let row = try await Self.find(id: id, in: database.sql) else {
            throw StoreError.notFound(kind: "unit", id: String(id))
        }
        return row.unit
    }

    public func unit(code: String) async throws -> ReportingUnit {
        guard let row = try await Self.find(code: code, in: database.sql) else {
            throw StoreError.notFound(kind: "unit", id: code)
        }
        return row.unit
    }

    /// Units ordered by path (a depth-first walk), optionally only a subtree or a region, and only
    /// those within `scope`.
    public func list(
        under id: Int64? = nil, region: RegionPrefix? = nil, scope: AccessScope
    ) async throws -> [ReportingUnit] {
        var query = scope.restrict(database.sql.select().column(SQLRaw(Self.columns)).from("units"))
        if let id {
            guard let anchor = try await Self.find(id: id, in: database.sql) else {
                throw StoreError.notFound(kind: "unit", id: String(id))
            }
            query = query.where("root_id", .equal, SQLBind(anchor.rootId)).where(
                "path", .like, SQLBind(anchor.path + "%"))
        }
        if let region { query = query.where("region_code", .like, SQLBind(region.prefix + "%")) }
        return try await query.orderBy("path").all(decoding: Row.self)
            .map(\.unit)
    }

    /// The unit's direct children.
    public func children(of id: Int64) async throws -> [ReportingUnit] {
        _ = try await unit(id: id)
        return try await database.sql.select().column(SQLRaw(Self.columns)).from("units")
            .where("parent_id", .equal, SQLBind(id)).orderBy("path")
            .all(decoding: Row.self).map(\.unit)
    }

    static func find(id: Int64, in db: any SQLDatabase) async throws -> Row? {
        try await db.select().column(SQLRaw(columns)).from("units").where("id", .equal, SQLBind(id))
            .first(decoding: Row.self)
    }

    static func find(code: String, in db: any SQLDatabase) async throws -> Row? {
        try await db.select().column(SQLRaw(columns)).from("units").where("code", .equal, SQLBind(code.trimmed))
            .first(decoding: Row.self)
    }
}

extension InputIssue {
    fileprivate func atRow(_ row: Int) -> InputIssue {
        var issue = self
        issue.row = row
        return issue
    }
}

extension UnitStore {
    /// The units with these ids (those that still exist), by id.
    public func units(ids: Set<Int64>) async throws -> [Int64: ReportingUnit] {
        var found: [Int64: ReportingUnit] = [:]
        for batch in Array(ids).chunked(by: 10_000) {
            for row in try await database.sql.select().column(SQLRaw(Self.columns)).from("units")
                .where("id", .in, SQLBind.group(Array(batch))).all(decoding: Row.self)
            {
                found[row.id] = row.unit
            }
        }
        return found
    }
}

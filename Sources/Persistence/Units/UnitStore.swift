import Accounting
import Foundation
import SQLKit

/// A unit as the API and the CLI create it.
public struct NewUnit: Sendable, Codable, Equatable {
    public var code: String
    public var name: String
    public var level: String
    public var parentCode: String?
    public var industryCode: String?
    public var regionCode: String
    public var ownershipShare: Double?
    public var reportingClass: String?

    public init(
        code: String, name: String, level: String, parentCode: String? = nil, industryCode: String? = nil,
        regionCode: String, ownershipShare: Double? = nil, reportingClass: String? = nil
    ) {
        self.code = code
        self.name = name
        self.level = level
        self.parentCode = parentCode
        self.industryCode = industryCode
        self.regionCode = regionCode
        self.ownershipShare = ownershipShare
        self.reportingClass = reportingClass
    }
}

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
        if new.code.trimmed.isEmpty { issues.append(InputIssue(row: row, column: "code", problem: .missingValue)) }
        if new.name.trimmed.isEmpty { issues.append(InputIssue(row: row, column: "name", problem: .missingValue)) }
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

    /// Changes a unit's fields; a new parent or share moves and re-weights its whole subtree.
    public func update(id: Int64, with new: NewUnit) async throws -> ReportingUnit {
        try await database.transaction { db in
            let before = try await AuditState.row(of: "units", id: id, in: db)
            let unit = try await Self.update(id: id, with: new, in: db)
            try await AuditLog.append(
                AuditChange(
                    .unitUpdated, subjectKind: "unit", subjectID: id, unitID: id, before: before,
                    after: try await AuditState.row(of: "units", id: id, in: db)), in: db)
            return unit
        }
    }

    static func update(id: Int64, with new: NewUnit, in db: any SQLDatabase) async throws -> ReportingUnit {
        guard let current = try await Self.find(id: id, in: db) else {
            throw StoreError.notFound(kind: "unit", id: String(id))
        }
        var issues = Self.validate(new, row: 1).map { issue -> InputIssue in
            var issue = issue
            issue.row = nil
            return issue
        }
        if new.code != current.code, try await Self.find(code: new.code, in: db) != nil {
            issues.append(InputIssue(column: "code", problem: .duplicateUnitCode(new.code)))
        }
        var parent: Row?
        if let parentCode = new.parentCode, !parentCode.isEmpty {
            parent = try await Self.find(code: parentCode, in: db)
            if parent == nil {
                issues.append(InputIssue(column: "parent_code", problem: .unknownUnitCode(parentCode)))
            } else if parent!.path.hasPrefix(current.path) {
                issues.append(InputIssue(column: "parent_code", problem: .parentLoop(current.code)))
            }
        }
        if !issues.isEmpty { throw StoreError.invalid(issues) }
        let share = parent == nil ? 1 : (new.ownershipShare ?? current.ownershipShare)
        let path = (parent?.path ?? "/") + "\(id)/"
        let rootID = parent?.rootId ?? id
        let equity = (parent?.rootEquity ?? 1) * (parent == nil ? 1 : share)
        try await db.update("units")
            .set("code", to: SQLBind(new.code.trimmed)).set("name", to: SQLBind(new.name.trimmed))
            .set("level", to: SQLBind(new.level)).set("industry_code", to: SQLBind(new.industryCode))
            .set("region_code", to: SQLBind(new.regionCode.trimmed)).set("ownership_share", to: SQLBind(share))
            .set("reporting_class", to: SQLBind(new.reportingClass ?? current.reportingClass))
            .set("parent_id", to: SQLBind(parent?.id)).set("updated_at", to: SQLBind(Timestamp.now()))
            .where("id", .equal, SQLBind(id)).run()
        if path != current.path || equity != current.rootEquity || rootID != current.rootId {
            try await Self.moveSubtree(from: current, toPath: path, rootID: rootID, equity: equity, in: db)
        }
        return try await Self.find(id: id, in: db)!.unit
    }

    /// Rewrites path, root and equity of a moved or re-weighted subtree, and of its data rows' root ids.
    private static func moveSubtree(
        from current: Row, toPath path: String, rootID: Int64, equity: Double, in db: any SQLDatabase
    ) async throws {
        let subtree = try await db.select().column(SQLRaw(columns)).from("units")
            .where("root_id", .equal, SQLBind(current.rootId)).where("path", .like, SQLBind(current.path + "%"))
            .orderBy("path").all(decoding: Row.self)
        var equityByID: [Int64: Double] = [current.id: equity]
        for row in subtree {
            let newPath = path + row.path.dropFirst(current.path.count)
            let newEquity = row.id == current.id ? equity : (equityByID[row.parentId ?? -1] ?? 1) * row.ownershipShare
            equityByID[row.id] = newEquity
            try await db.update("units").set("path", to: SQLBind(newPath)).set("root_id", to: SQLBind(rootID))
                .set("root_equity", to: SQLBind(newEquity)).where("id", .equal, SQLBind(row.id)).run()
        }
        if rootID != current.rootId {
            let ids = subtree.map(\.id)
            // Inventories and their lines stay with the tree they were computed for.
            for table in ["activity_records", "activity_spans", "economic_records"] {
                try await db.update(table).set("root_id", to: SQLBind(rootID)).where("unit_id", .in, SQLBind.group(ids))
                    .run()
            }
        }
    }

    /// Deletes a unit that has no children and no data.
    public func delete(id: Int64) async throws {
        try await database.transaction { db in
            guard let unit = try await Self.find(id: id, in: db) else {
                throw StoreError.notFound(kind: "unit", id: String(id))
            }
            let children =
                try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("units")
                .where("parent_id", .equal, SQLBind(id)).first()?.decode(column: "n", as: Int.self) ?? 0
            if children > 0 {
                throw StoreError.conflict("unit \(unit.code) has \(children) child units; move or delete them first")
            }
            // Activity records by their spans (they have no index of their own), the others by themselves.
            let sources: [(table: String, from: any SQLExpression, unitColumn: SQLColumn)] = [
                ("activity_records", SQLRaw(ActivitySpans.recordsOfSpans), SQLColumn("unit_id", table: "s")),
                ("economic_records", SQLIdentifier("economic_records"), SQLColumn("unit_id")),
                ("inventories", SQLIdentifier("inventories"), SQLColumn("unit_id")),
            ]
            for (table, source, unitColumn) in sources {
                let count =
                    try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(source)
                    .where(unitColumn, .equal, SQLBind(id)).first()?.decode(column: "n", as: Int.self) ?? 0
                if count > 0 {
                    throw StoreError.conflict("unit \(unit.code) has \(count) rows in \(table); delete them first")
                }
            }
            let before = try await AuditState.row(of: "units", id: id, in: db)
            try await db.delete(from: "units").where("id", .equal, SQLBind(id)).run()
            try await AuditLog.append(
                AuditChange(.unitDeleted, subjectKind: "unit", subjectID: id, unitID: id, before: before), in: db)
        }
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

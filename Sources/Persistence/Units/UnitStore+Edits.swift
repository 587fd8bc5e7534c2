import Accounting
import Foundation
import SQLKit

/// Changing and deleting units: a move re-weights the subtree it carries; a unit with children or data stays.
extension UnitStore {
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
    static func moveSubtree(
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
                ("scope3_records", SQLIdentifier("scope3_records"), SQLColumn("unit_id")),
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
}

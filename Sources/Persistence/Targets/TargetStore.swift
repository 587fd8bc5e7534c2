import Accounting
import Foundation
import Governance
import SQLKit

/// Whose a target is: a unit (with its descendants, control approach) or a region by its code.
public enum TargetSubject: Sendable, Equatable, Hashable {
    case unit(Int64)
    case region(RegionPrefix)

    public var unitID: Int64? {
        if case .unit(let id) = self { return id }
        return nil
    }

    /// The region's code (`51`, `5101`), for a region's target.
    public var regionCode: String? {
        if case .region(let region) = self { return region.prefix }
        return nil
    }

    public var rollupSubject: RollupSubject {
        switch self {
        case .unit(let id): .unit(id: id, approach: .control)
        case .region(let region): .region(region)
        }
    }
}

/// A target as kept.
public struct StoredTarget: Sendable, Equatable {
    public let id: Int64
    public let subject: TargetSubject
    public let parentTargetID: Int64?
    public let name: String
    public let target: Target
    /// How its children were split from it, when they were.
    public let splitMethod: SplitMethod?
    public let createdBy: String
    public let createdAt: String
}

/// Targets and their splits: set, listed in an account's scope, split among children (the
/// children's targets replaced in one transaction), deleted with what was split from them.
/// Every change is audited.
public struct TargetStore: Sendable {
    let database: PeakZeroDatabase

    public init(_ database: PeakZeroDatabase) { self.database = database }

    struct Row: Decodable {
        let id: Int64
        let unitId: Int64?
        let regionCode: String?
        let parentTargetId: Int64?
        let name: String
        let definition: String
        let splitMethod: String?
        let createdBy: String
        let createdAt: String

        func stored() throws -> StoredTarget {
            let definition = try JSONDecoder().decode(TargetDefinition.self, from: Data(definition.utf8))
            let subject: TargetSubject
            if let unitId {
                subject = .unit(unitId)
            } else if let region = regionCode.flatMap(RegionPrefix.init) {
                subject = .region(region)
            } else {
                throw StoreError.conflict("target \(id) has neither a unit nor a region")
            }
            return StoredTarget(
                id: id, subject: subject, parentTargetID: parentTargetId, name: name, target: try definition.target(),
                splitMethod: splitMethod.flatMap(SplitMethod.init(rawValue:)), createdBy: createdBy,
                createdAt: createdAt)
        }
    }

    static let columns =
        "id, unit_id, region_code, parent_target_id, name, definition, split_method, created_by, created_at"

    /// Sets a target; the name is trimmed and may not be empty or longer than 200 characters.
    @discardableResult
    public func create(name: String, subject: TargetSubject, target: Target) async throws -> StoredTarget {
        let name = try Self.checkedName(name)
        return try await database.transaction { db in
            let id = try await Self.insert(name: name, subject: subject, target: target, parent: nil, in: db)
            try await AuditLog.append(Self.change(.targetSet, id: id, subject: subject, name: name, target), in: db)
            return try await Self.find(id, in: db)
        }
    }

    public func target(id: Int64) async throws -> StoredTarget {
        try await Self.find(id, in: database.sql)
    }

    /// Targets whose subject lies within the scope (a region's only where the scope covers the
    /// whole region), optionally of one subject, or in force in one year; by first year, newest first.
    public func list(scope: AccessScope, subject: TargetSubject? = nil, year: Int? = nil) async throws -> [StoredTarget]
    {
        var query = database.sql.select().column(SQLRaw(Self.columns)).from("targets")
        switch subject {
        case .unit(let id)?: query = query.where("unit_id", .equal, SQLBind(id))
        case .region(let region)?: query = query.where("region_code", .equal, SQLBind(region.prefix))
        case nil: break
        }
        if let year {
            query = query.where("first_year", .lessThanOrEqual, SQLBind(year)).where(
                "last_year", .greaterThanOrEqual, SQLBind(year))
        }
        let rows = try await query.orderBy("first_year", .descending).orderBy("id", .descending)
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        let visible = try await visibleUnits(Set(rows.compactMap(\.unitId)), scope)
        return try rows.filter { row in
            if let unit = row.unitId { return visible.contains(unit) }
            return row.regionCode.flatMap(RegionPrefix.init).map(scope.covers) ?? false
        }.map { try $0.stored() }
    }

    /// The targets split from a target.
    public func children(of id: Int64) async throws -> [StoredTarget] {
        try await database.sql.select().column(SQLRaw(Self.columns)).from("targets")
            .where("parent_target_id", .equal, SQLBind(id)).orderBy("id")
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).map { try $0.stored() }
    }

    /// Whether the scope holds the target's subject.
    public func isVisible(_ stored: StoredTarget, in scope: AccessScope) async throws -> Bool {
        switch stored.subject {
        case .unit(let id): try await scope.contains(unitID: id, in: database)
        case .region(let region): scope.covers(region)
        }
    }

    /// Replaces the targets split from `parentID` with these (each named), recording the method; one audit entry.
    public func split(
        _ parentID: Int64, method: SplitMethod, into children: [(subject: TargetSubject, name: String, target: Target)]
    ) async throws -> [StoredTarget] {
        let parent = try await target(id: parentID)
        return try await database.transaction { db in
            let removed = try await Self.deleteDescendants(of: parentID, in: db)
            try await db.update("targets").set("split_method", to: SQLBind(method.rawValue))
                .where("id", .equal, SQLBind(parentID)).run()
            var ids: [Int64] = []
            for child in children {
                ids.append(
                    try await Self.insert(
                        name: child.name, subject: child.subject, target: child.target, parent: parentID, in: db))
            }
            var change = Self.change(
                .targetSplit, id: parentID, subject: parent.subject, name: parent.name, parent.target)
            change.after = AuditState([
                "method": .text(method.rawValue), "children": .list(ids.map { .int($0) }),
                "replaced": .int(Int64(removed)),
            ])
            try await AuditLog.append(change, in: db)
            var stored: [StoredTarget] = []
            for id in ids { stored.append(try await Self.find(id, in: db)) }
            return stored
        }
    }

    /// Deletes a target and every target split from it.
    public func delete(id: Int64) async throws {
        let stored = try await target(id: id)
        try await database.transaction { db in
            let removed = try await Self.deleteDescendants(of: id, in: db)
            try await db.delete(from: "targets").where("id", .equal, SQLBind(id)).run()
            var change = Self.change(.targetDeleted, id: id, subject: stored.subject, name: stored.name, stored.target)
            change.before = change.after
            change.after = AuditState(["children_deleted": .int(Int64(removed))])
            try await AuditLog.append(change, in: db)
        }
    }

    static func checkedName(_ name: String) throws -> String {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw StoreError.invalid([InputIssue(column: "name", problem: .missingValue)]) }
        guard name.count <= 200 else {
            throw StoreError.invalid([InputIssue(column: "name", problem: .tooLong(limit: 200))])
        }
        return name
    }

    static func insert(name: String, subject: TargetSubject, target: Target, parent: Int64?, in db: any SQLDatabase)
        async throws -> Int64
    {
        var unitID: Int64?
        var rootID: Int64?
        var region: String?
        switch subject {
        case .unit(let id):
            guard let row = try await UnitStore.find(id: id, in: db) else {
                throw StoreError.notFound(kind: "unit", id: String(id))
            }
            unitID = id
            rootID = row.rootId
        case .region(let prefix): region = prefix.prefix
        }
        let definition = String(decoding: try JSONEncoder.sorted.encode(TargetDefinition(target)), as: UTF8.self)
        let row = try await db.insert(into: "targets")
            .columns(
                "unit_id", "region_code", "root_id", "parent_target_id", "name", "indicator", "kind", "first_year",
                "last_year", "definition", "created_by", "created_at"
            )
            .values(
                BulkValue(unitID).bind, BulkValue(region).bind, BulkValue(rootID).bind, BulkValue(parent).bind,
                SQLBind(name), SQLBind(target.indicator.rawValue), SQLBind(target.kind.code), SQLBind(target.firstYear),
                SQLBind(target.lastYear), SQLBind(definition), SQLBind(try AuditActor.acting().name),
                SQLBind(Timestamp.now())
            ).returning("id").first()
        return try row!.decode(column: "id", as: Int64.self)
    }

    static func find(_ id: Int64, in db: any SQLDatabase) async throws -> StoredTarget {
        guard
            let row = try await db.select().column(SQLRaw(columns)).from("targets").where("id", .equal, SQLBind(id))
                .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        else { throw StoreError.notFound(kind: "target", id: String(id)) }
        return try row.stored()
    }

    /// Deletes every target split (at any depth) from `id`; returns how many.
    static func deleteDescendants(of id: Int64, in db: any SQLDatabase) async throws -> Int {
        var removed = 0
        var frontier = [id]
        while !frontier.isEmpty {
            let children = try await db.select().column("id").from("targets")
                .where("parent_target_id", .in, SQLBind.group(frontier)).all()
                .map { try $0.decode(column: "id", as: Int64.self) }
            if children.isEmpty { break }
            try await db.delete(from: "targets").where("id", .in, SQLBind.group(children)).run()
            removed += children.count
            frontier = children
        }
        return removed
    }

    func visibleUnits(_ ids: Set<Int64>, _ scope: AccessScope) async throws -> Set<Int64> {
        if scope.isEverything { return ids }
        var visible: Set<Int64> = []
        for id in ids where try await scope.contains(unitID: id, in: database) { visible.insert(id) }
        return visible
    }

    static func change(_ action: AuditAction, id: Int64, subject: TargetSubject, name: String, _ target: Target)
        -> AuditChange
    {
        var fields: [String: AuditState.Value] = ["name": .text(name)]
        let definition = (try? JSONEncoder.sorted.encode(TargetDefinition(target))).map {
            String(decoding: $0, as: UTF8.self)
        }
        fields["definition"] = .text(definition ?? "")
        if case .region(let region) = subject { fields["region"] = .text(region.prefix) }
        var unitID: Int64?
        if case .unit(let id) = subject { unitID = id }
        return AuditChange(
            action, subjectKind: "target", subjectID: id, unitID: unitID, year: target.firstYear,
            after: AuditState(fields))
    }
}

extension JSONEncoder {
    /// Keys in a fixed order, so the same definition is always the same text.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}

import Foundation
import Footprint
import SQLKit

/// A product model as kept, with the unit it belongs to.
public struct StoredFootprintModel: Sendable, Codable, Equatable {
    public let id: Int64
    public let unitId: Int64
    public let unitCode: String
    public let name: String
    public let model: ProductModel
    public let createdBy: String
    public let updatedAt: String
}

/// Product models: saved for a unit (a new one, or one replaced by id), listed for a subtree, read
/// and deleted. Every change is audited with the model's name and size.
public struct FootprintModelStore: Sendable {
    let database: PeakZeroDatabase

    public init(_ database: PeakZeroDatabase) { self.database = database }

    struct Row: Decodable {
        let id: Int64
        let unitId: Int64
        let unitCode: String
        let name: String
        let model: String
        let createdBy: String
        let updatedAt: String

        func stored() throws -> StoredFootprintModel {
            StoredFootprintModel(
                id: id, unitId: unitId, unitCode: unitCode, name: name,
                model: try ProductModel.decode(json: Data(model.utf8)), createdBy: createdBy, updatedAt: updatedAt)
        }
    }

    /// Saves `model` for the unit: a new model when `id` is nil, else the model `id` replaced (it must
    /// belong to the same unit). The caller has checked the model.
    @discardableResult
    public func save(_ model: ProductModel, unitID: Int64, replacing id: Int64? = nil) async throws
        -> StoredFootprintModel
    {
        let text = String(decoding: try model.encodedJSON(), as: UTF8.self)
        let now = Timestamp.now()
        return try await database.transaction { db in
            guard let unit = try await UnitStore.find(id: unitID, in: db) else {
                throw StoreError.notFound(kind: "unit", id: String(unitID))
            }
            let saved: Int64
            var before: AuditState?
            if let id {
                let old = try await Self.find(id, in: db)
                guard old.unitId == unitID else { throw StoreError.notFound(kind: "footprint_model", id: String(id)) }
                before = AuditState(["name": .text(old.name)])
                try await db.update("footprint_models").set("name", to: SQLBind(model.name))
                    .set("model", to: SQLBind(text)).set("updated_at", to: SQLBind(now))
                    .where("id", .equal, SQLBind(id)).run()
                saved = id
            } else {
                let row = try await db.insert(into: "footprint_models")
                    .columns("unit_id", "root_id", "name", "model", "created_by", "created_at", "updated_at")
                    .values(
                        SQLBind(unitID), SQLBind(unit.rootId), SQLBind(model.name), SQLBind(text),
                        SQLBind(try AuditActor.acting().name), SQLBind(now), SQLBind(now)
                    ).returning("id").first()
                saved = try row!.decode(column: "id", as: Int64.self)
            }
            try await AuditLog.append(
                AuditChange(
                    .footprintModelSaved, subjectKind: "footprint_model", subjectID: saved, unitID: unitID,
                    before: before,
                    after: AuditState([
                        "name": .text(model.name), "processes": .int(Int64(model.processes.count)),
                    ])), in: db)
            return try await Self.find(saved, in: db)
        }
    }

    public func model(id: Int64) async throws -> StoredFootprintModel { try await Self.find(id, in: database.sql) }

    /// The models of a unit's subtree, by name.
    public func list(under unitID: Int64) async throws -> [StoredFootprintModel] {
        let anchor = try await UnitLookup.anchor(unitID, in: database.sql)
        return try await Self.select(database.sql)
            .where(SQLColumn("root_id", table: "f"), .equal, SQLBind(anchor.rootID))
            .where(SQLColumn("path", table: "u"), .like, SQLBind(anchor.path + "%"))
            .orderBy(SQLColumn("name", table: "f")).orderBy(SQLColumn("id", table: "f"))
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).map { try $0.stored() }
    }

    public func delete(id: Int64) async throws {
        try await database.transaction { db in
            let old = try await Self.find(id, in: db)
            try await db.delete(from: "footprint_models").where("id", .equal, SQLBind(id)).run()
            try await AuditLog.append(
                AuditChange(
                    .footprintModelDeleted, subjectKind: "footprint_model", subjectID: id, unitID: old.unitId,
                    before: AuditState(["name": .text(old.name)])), in: db)
        }
    }

    static func select(_ db: any SQLDatabase) -> SQLSelectBuilder {
        db.select()
            .column(SQLRaw("f.id, f.unit_id, u.code AS unit_code, f.name, f.model, f.created_by, f.updated_at"))
            .from(SQLAlias(SQLIdentifier("footprint_models"), as: SQLIdentifier("f")))
            .join(
                SQLAlias(SQLIdentifier("units"), as: SQLIdentifier("u")), method: SQLJoinMethod.inner,
                on: SQLRaw("u.id = f.unit_id"))
    }

    static func find(_ id: Int64, in db: any SQLDatabase) async throws -> StoredFootprintModel {
        guard
            let row = try await select(db).where(SQLColumn("id", table: "f"), .equal, SQLBind(id))
                .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        else { throw StoreError.notFound(kind: "footprint_model", id: String(id)) }
        return try row.stored()
    }
}
